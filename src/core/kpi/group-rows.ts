/** KPI results per group (pure): survey KPIs of the same groups joined, merged with retention, and a trend over periods. */
import type { CsatStat } from './csat.ts';
import type { NpsStat } from './nps.ts';
import type { RetentionStat } from './retention.ts';
import type { MeanStat } from './stats.ts';

/** A KPI of one group: the group's label ('all', a column's text, 2024-03, 2024-Q1) or null (unknown). */
export type Grouped<T> = T & { group: string | null };

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


/** The overall retention row of one period of a trend (null: no row). */
export interface RetentionPeriod {
	period: string;
	stat: RetentionStat | null;
}

/** Strict retention (retainedShare) or churn per period → a trend in % (no interval; n = customers active at the start; none without any). */
export function retentionTrendPoints(rows: readonly RetentionPeriod[], kpi: 'retention' | 'churn'): TrendPoint[] {
	const out: TrendPoint[] = [];
	for (const { period, stat } of rows) {
		const v = stat ? (kpi === 'retention' ? stat.retainedShare : stat.churn) : NaN;
		if (stat && Number.isFinite(v)) out.push({ period, value: v * 100, low: NaN, high: NaN, n: stat.customersStart });
	}
	return out;
}
