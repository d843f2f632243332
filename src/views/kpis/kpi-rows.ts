/** Rows for the KPI charts (pure): one KPI of a group row in display units, with its interval. */
import type { KpiGroupRow } from '../../charts/kpi-groups.ts';
import type { CsatStat } from '../../core/kpi/csat.ts';
import type { NpsStat } from '../../core/kpi/nps.ts';
import type { RetentionStat } from '../../core/kpi/retention.ts';
import type { MeanStat } from '../../core/kpi/stats.ts';
import type { Grouped } from '../../db/kpi.ts';
import type { TrendKpi } from './kpi-model.svelte.ts';

export interface GroupRow {
	group: string | null;
	nps?: NpsStat;
	csat?: CsatStat;
	ces?: MeanStat;
	retention?: RetentionStat;
}

export interface TrendPoint {
	period: string;
	value: number;
	low: number;
	high: number;
	n: number;
}

/** NPS, CSAT and CES rows of the same groups joined into one row per group (query order kept). */
export function joinSurveyRows(nps: readonly Grouped<NpsStat>[], csat: readonly Grouped<CsatStat>[], ces: readonly Grouped<MeanStat>[]): GroupRow[] {
	const rows = new Map<string | null, GroupRow>();
	const row = (g: string | null) => rows.get(g) ?? rows.set(g, { group: g }).get(g)!;
	for (const x of nps) row(x.group).nps = x;
	for (const x of csat) row(x.group).csat = x;
	for (const x of ces) row(x.group).ces = x;
	return [...rows.values()];
}


export function kpiOf(r: GroupRow, k: TrendKpi): { value: number; low: number; high: number; n: number } | null {
	if (k === 'nps' && r.nps) return { value: r.nps.nps * 100, low: r.nps.ciLow * 100, high: r.nps.ciHigh * 100, n: r.nps.n };
	if (k === 'csat' && r.csat) return { value: r.csat.csat * 100, low: r.csat.ciLow * 100, high: r.csat.ciHigh * 100, n: r.csat.n };
	if (k === 'ces' && r.ces) return { value: r.ces.mean, low: r.ces.ciLow, high: r.ces.ciHigh, n: r.ces.n };
	if (k === 'retention' && r.retention) return { value: r.retention.retention * 100, low: NaN, high: NaN, n: r.retention.customersStart };
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

/** Survey and retention rows of the same groups side by side (unknown group last). */
export function mergeGroups(a: readonly GroupRow[], b: readonly GroupRow[]): GroupRow[] {
	const m = new Map<string | null, GroupRow>();
	for (const r of [...a, ...b]) m.set(r.group, { ...m.get(r.group), ...r, group: r.group });
	return [...m.values()].sort((x, y) => (x.group ?? '\uffff').localeCompare(y.group ?? '\uffff'));
}

/** Survey rows per period → a trend in display units (points or %), with the interval. */
export function toTrend(rows: readonly GroupRow[], kpi: 'nps' | 'csat' | 'ces'): TrendPoint[] {
	const out: TrendPoint[] = [];
	for (const r of rows) {
		if (r.group === null) continue;
		const s = kpi === 'nps' ? r.nps : kpi === 'csat' ? r.csat : r.ces;
		if (!s || !s.n) continue;
		const k = kpi === 'ces' ? 1 : 100;
		const value = kpi === 'nps' ? r.nps!.nps : kpi === 'csat' ? r.csat!.csat : r.ces!.mean;
		out.push({ period: r.group, value: value * k, low: s.ciLow * k, high: s.ciHigh * k, n: s.n });
	}
	return out.sort((a, b) => a.period.localeCompare(b.period));
}

