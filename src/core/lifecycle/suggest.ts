/**
 * The "suggest" button of the lifecycle view: `active` and `churn` from how long customers take to
 * buy again — the 80th and the 95th percentile (nearest rank) of every gap between a customer's
 * consecutive purchase days. Gaps still open (since the last purchase) are not counted.
 */

/** How many gaps of each length (days), as the engine counts them. */
export interface GapCount {
	gap: number;
	n: number;
}

/**
 * The nearest-rank percentile of the gaps: the smallest gap g such that at least p % of all gaps
 * are ≤ g (rank ⌈p/100 · N⌉, 1-based, in ascending order). null when there are no gaps.
 */
export function nearestRank(hist: readonly GapCount[], p: number): number | null {
	const sorted = [...hist].filter((h) => h.n > 0).sort((a, b) => a.gap - b.gap);
	const total = sorted.reduce((s, h) => s + h.n, 0);
	if (total === 0) return null;
	const rank = Math.max(1, Math.ceil((p / 100) * total));
	let seen = 0;
	for (const h of sorted) {
		seen += h.n;
		if (seen >= rank) return Math.ceil(h.gap);
	}
	return Math.ceil(sorted[sorted.length - 1]!.gap);
}

export interface LifecycleSuggestion {
	/** The 80th percentile: the suggested `active` days. */
	activeDays: number;
	/** The 95th percentile (at least activeDays + 1, so active < churn holds). */
	churnDays: number;
	/** Gaps counted and the customers who bought on two days or more. */
	gaps: number;
	customers: number;
}

export const SUGGEST_ACTIVE_P = 80;
export const SUGGEST_CHURN_P = 95;

/** The suggestion from the gap counts; null when no customer bought on two different days. */
export function suggestDays(hist: readonly GapCount[], customers: number): LifecycleSuggestion | null {
	const active = nearestRank(hist, SUGGEST_ACTIVE_P);
	const churn = nearestRank(hist, SUGGEST_CHURN_P);
	if (active === null || churn === null) return null;
	const activeDays = Math.max(1, active);
	return {
		activeDays,
		churnDays: Math.max(churn, activeDays + 1),
		gaps: hist.reduce((s, h) => s + h.n, 0),
		customers
	};
}
