/** Rows for the KPI charts (pure): one KPI of a group row in display units, with its interval. */
import type { KpiGroupRow } from '../../charts/kpi-groups.ts';
import type { GroupRow } from '../../core/kpi/group-rows.ts';
import type { TrendKpi } from './kpi-model.svelte.ts';

export function kpiOf(r: GroupRow, k: TrendKpi): { value: number; low: number; high: number; n: number } | null {
	if (k === 'nps' && r.nps) return { value: r.nps.nps * 100, low: r.nps.ciLow * 100, high: r.nps.ciHigh * 100, n: r.nps.n };
	if (k === 'csat' && r.csat) return { value: r.csat.csat * 100, low: r.csat.ciLow * 100, high: r.csat.ciHigh * 100, n: r.csat.n };
	if (k === 'ces' && r.ces) return { value: r.ces.mean, low: r.ces.ciLow, high: r.ces.ciHigh, n: r.ces.n };
	if (k === 'retention' && r.retention) return { value: r.retention.retainedShare * 100, low: NaN, high: NaN, n: r.retention.customersStart };
	if (k === 'churn' && r.retention) return { value: r.retention.churn * 100, low: NaN, high: NaN, n: r.retention.customersStart };
	return null;
}

export function groupChartRows(rows: readonly GroupRow[], k: TrendKpi, label: (g: string | null) => string): KpiGroupRow[] {
	const out: KpiGroupRow[] = [];
	for (const r of rows) {
		const v = kpiOf(r, k);
		if (v && Number.isFinite(v.value)) out.push({ label: label(r.group), ...v });
	}
	return out;
}
