import type { GroupEvaluation } from './stats.ts';
import type { SurveyEvaluation } from './survey-stats.ts';

/**
 * The CLI's `evaluate` output (README: "Evaluation / 绩效评估"): one row per group, a contract its
 * users rely on. Extend only at the end. Shares and retention as fractions (4 decimals), money 2
 * decimals, an empty cell where a value is undefined (no one on a side). NPS in points (−100…100,
 * 2 decimals), CSAT as the share satisfied; both empty without surveys.
 */
export const EVALUATE_COLUMNS = [
	'group',
	'customers',
	'contacted',
	'control',
	'active_contacted',
	'active_control',
	'active_diff',
	'active_diff_low',
	'active_diff_high',
	'revenue_pc_contacted',
	'revenue_pc_control',
	'revenue_pc_diff',
	'revenue_pc_diff_low',
	'revenue_pc_diff_high',
	'buyers_before',
	'buyers_after',
	'revenue_before',
	'revenue_after',
	'orders_before',
	'orders_after',
	'revenue_pc_before',
	'revenue_pc_after',
	'revenue_pc_change',
	'revenue_pc_change_low',
	'revenue_pc_change_high',
	'retention_before',
	'retention_after',
	'retention_change',
	'retention_change_low',
	'retention_change_high',
	'churn_before',
	'churn_after',
	'nps_before',
	'nps_after',
	'nps_change',
	'nps_change_low',
	'nps_change_high',
	'nps_contacted',
	'nps_control',
	'nps_diff',
	'nps_diff_low',
	'nps_diff_high',
	'csat_before',
	'csat_after',
	'csat_change',
	'csat_change_low',
	'csat_change_high',
	'csat_contacted',
	'csat_control',
	'csat_diff',
	'csat_diff_low',
	'csat_diff_high'
] as const;

type Cell = string | number | null;

function round(v: number, digits: number): number | null {
	if (!Number.isFinite(v)) return null;
	const f = 10 ** digits;
	const r = Math.round(v * f) / f;
	return Object.is(r, -0) ? 0 : r;
}

/** One group's row in EVALUATE_COLUMNS' order (as a record keyed by column). */
export function evaluateCsvRow(g: GroupEvaluation): Record<(typeof EVALUATE_COLUMNS)[number], Cell> {
	const p = (v: number) => round(v, 4);
	const m = (v: number) => round(v, 2);
	const u: Partial<SurveyEvaluation> = g.survey ?? {};
	const nps = (v: number | undefined) => (v === undefined ? null : round(v * 100, 2));
	const share = (v: number | undefined) => (v === undefined ? null : p(v));
	return {
		group: g.group,
		customers: g.customers,
		contacted: g.contacted,
		control: g.control,
		active_contacted: p(g.activeContacted),
		active_control: p(g.activeControl),
		active_diff: p(g.activeDiff.diff),
		active_diff_low: p(g.activeDiff.low),
		active_diff_high: p(g.activeDiff.high),
		revenue_pc_contacted: m(g.revenuePcContacted),
		revenue_pc_control: m(g.revenuePcControl),
		revenue_pc_diff: m(g.revenuePcDiff.diff),
		revenue_pc_diff_low: m(g.revenuePcDiff.low),
		revenue_pc_diff_high: m(g.revenuePcDiff.high),
		buyers_before: g.buyersBefore,
		buyers_after: g.buyersAfter,
		revenue_before: m(g.revenueBefore),
		revenue_after: m(g.revenueAfter),
		orders_before: g.ordersBefore,
		orders_after: g.ordersAfter,
		revenue_pc_before: m(g.revenuePcBefore),
		revenue_pc_after: m(g.revenuePcAfter),
		revenue_pc_change: m(g.revenuePcChange.diff),
		revenue_pc_change_low: m(g.revenuePcChange.low),
		revenue_pc_change_high: m(g.revenuePcChange.high),
		retention_before: p(g.retentionBefore),
		retention_after: p(g.retentionAfter),
		retention_change: p(g.retentionChange.diff),
		retention_change_low: p(g.retentionChange.low),
		retention_change_high: p(g.retentionChange.high),
		churn_before: p(g.churnBefore),
		churn_after: p(g.churnAfter),
		nps_before: nps(u.npsBefore),
		nps_after: nps(u.npsAfter),
		nps_change: nps(u.npsChange?.diff),
		nps_change_low: nps(u.npsChange?.low),
		nps_change_high: nps(u.npsChange?.high),
		nps_contacted: nps(u.npsContacted),
		nps_control: nps(u.npsControl),
		nps_diff: nps(u.npsDiff?.diff),
		nps_diff_low: nps(u.npsDiff?.low),
		nps_diff_high: nps(u.npsDiff?.high),
		csat_before: share(u.csatBefore),
		csat_after: share(u.csatAfter),
		csat_change: share(u.csatChange?.diff),
		csat_change_low: share(u.csatChange?.low),
		csat_change_high: share(u.csatChange?.high),
		csat_contacted: share(u.csatContacted),
		csat_control: share(u.csatControl),
		csat_diff: share(u.csatDiff?.diff),
		csat_diff_low: share(u.csatDiff?.low),
		csat_diff_high: share(u.csatDiff?.high)
	};
}
