import type { GroupEvaluation } from './stats.ts';

/**
 * The CLI's `evaluate` output (README: "Evaluation / 绩效评估"): one row per group, a contract its
 * users rely on. Extend only at the end. Shares and retention as fractions (4 decimals), money 2
 * decimals, an empty cell where a value is undefined (no one on a side).
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
	'churn_after'
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
		churn_after: p(g.churnAfter)
	};
}
