import type { Diff } from './intervals.ts';
import type { GroupEvaluation } from './stats.ts';

export type Verdict = 'better' | 'worse' | 'unclear' | 'noControl';

/**
 * A group's verdict on contacted − control: the revenue-per-customer difference's interval, or when
 * it has none (a control of one) the bought-after share's; better or worse only when the interval
 * lies wholly above or below 0.
 */
export function verdictOf(g: GroupEvaluation): Verdict {
	if (g.control === 0 || g.contacted === 0) return 'noControl';
	const d: Diff = Number.isFinite(g.revenuePcDiff.low) ? g.revenuePcDiff : g.activeDiff;
	if (!Number.isFinite(d.low) || !Number.isFinite(d.high)) return 'unclear';
	if (d.low > 0) return 'better';
	if (d.high < 0) return 'worse';
	return 'unclear';
}
