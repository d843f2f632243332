import type { EvaluateSums } from '../sql/evaluate.ts';
import { DEFAULT_CONFIDENCE, meanFromSums, zFor } from '../kpi/stats.ts';
import { meanDiffInterval, newcombeInterval, type Diff } from './intervals.ts';
import type { SurveyEvaluation } from './survey-stats.ts';

/**
 * The evaluation of one group from its sums (core/sql/evaluate.ts): before against after, and the
 * headline, contacted against control in the after period. Proportions' differences get Newcombe's
 * hybrid score interval, means' differences mean ± z·√(se₁² + se₂²). Both treat the two sides as
 * independent samples (before/after are the same customers: the intervals are conservative there).
 */
export interface GroupEvaluation {
	group: string;
	customers: number;
	contacted: number;
	control: number;
	/** Share of contacted / control customers who bought in the after period, and contacted − control. */
	activeContacted: number;
	activeControl: number;
	activeDiff: Diff;
	/** Revenue per customer after (every customer of the side, buyers or not), and contacted − control. */
	revenuePcContacted: number;
	revenuePcControl: number;
	revenuePcDiff: Diff;
	buyersBefore: number;
	buyersAfter: number;
	revenueBefore: number;
	revenueAfter: number;
	ordersBefore: number;
	ordersAfter: number;
	revenuePcBefore: number;
	revenuePcAfter: number;
	/** after − before */
	revenuePcChange: Diff;
	/** Strict retention: bought in both periods ÷ bought in the first (NaN when no one bought in it). */
	retentionBefore: number;
	retentionAfter: number;
	retentionChange: Diff;
	churnBefore: number;
	churnAfter: number;
	churnChange: Diff;
	/** NPS and CSAT, when survey answers are loaded. */
	survey?: SurveyEvaluation;
}

export function evaluateGroup(s: EvaluateSums, confidence = DEFAULT_CONFIDENCE): GroupEvaluation {
	const z = zFor(confidence);
	const mean = (n: number, sum: number, sumSq: number) => meanFromSums({ n, sum, sumSq }, confidence);
	const pcContacted = mean(s.contacted, s.revenue_after_contacted, s.revenue_sq_after_contacted);
	const pcControl = mean(s.control, s.revenue_after_control, s.revenue_sq_after_control);
	const pcBefore = mean(s.customers, s.revenue_before, s.revenue_sq_before);
	const pcAfter = mean(s.customers, s.revenue_after, s.revenue_sq_after);
	const retention = newcombeInterval(s.kept_after, s.buyers_before, s.kept_before, s.buyers_prior, z);
	const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
	const retentionBefore = ratio(s.kept_before, s.buyers_prior);
	const retentionAfter = ratio(s.kept_after, s.buyers_before);
	return {
		group: s.group,
		customers: s.customers,
		contacted: s.contacted,
		control: s.control,
		activeContacted: ratio(s.buyers_after_contacted, s.contacted),
		activeControl: ratio(s.buyers_after_control, s.control),
		activeDiff: newcombeInterval(s.buyers_after_contacted, s.contacted, s.buyers_after_control, s.control, z),
		revenuePcContacted: pcContacted.mean,
		revenuePcControl: pcControl.mean,
		revenuePcDiff: meanDiffInterval(pcContacted, pcControl, z),
		buyersBefore: s.buyers_before,
		buyersAfter: s.buyers_after,
		revenueBefore: s.revenue_before,
		revenueAfter: s.revenue_after,
		ordersBefore: s.orders_before,
		ordersAfter: s.orders_after,
		revenuePcBefore: pcBefore.mean,
		revenuePcAfter: pcAfter.mean,
		revenuePcChange: meanDiffInterval(pcAfter, pcBefore, z),
		retentionBefore,
		retentionAfter,
		retentionChange: retention,
		churnBefore: 1 - retentionBefore,
		churnAfter: 1 - retentionAfter,
		churnChange: { diff: -retention.diff, low: -retention.high, high: -retention.low }
	};
}
