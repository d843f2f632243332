/** Inclusive score range [lo, hi]. */
export type ScoreRange = readonly [number, number];

/** A text of a user's rule set: one text for every language, or one per language. */
export type LocalText = string | { readonly zh?: string; readonly en?: string };

export interface SegmentRule {
	/** Stable id; presets use an i18n key suffix (segment.<id>), user rules any text. */
	id: string;
	/** Display name for user rules; presets leave it out and use the catalogue. */
	label?: string;
	/** What the segment means and the action recommended (presets: the catalogue's segment.<id>.meaning / .action). */
	meaning?: LocalText;
	action?: LocalText;
	r: ScoreRange;
	f: ScoreRange;
	m: ScoreRange;
	/**
	 * Matches only prospects (customers with no orders, known from a customer table) and ignores
	 * the score ranges. Shopify's "Prospects"; with transactions no customer is a prospect.
	 */
	prospects?: boolean;
}

export interface SegmentSet {
	id: string;
	/** Rules in priority order: the first that matches wins. */
	rules: readonly SegmentRule[];
	/** Score levels the rules are written for (cn8: 2, high/low). Unset: any. */
	levels?: number;
	/** Segment ids counted as valuable / at risk (segment migration: who fell from one to the other). */
	valuable?: readonly string[];
	atRisk?: readonly string[];
}

/** Customers matched by no rule. */
export const OTHERS = 'others';

const rule = (id: string, r: ScoreRange, f: ScoreRange, m: ScoreRange): SegmentRule => ({
	id,
	r,
	f,
	m
});

/** The ten segments of the R `rfm` package's documentation (README, vignette, roxygen examples). */
export const R10_DOCS: SegmentSet = {
	id: 'r10',
	valuable: ['champions', 'loyal_customers', 'potential_loyalist'],
	atRisk: ['at_risk', 'cant_lose_them', 'about_to_sleep', 'lost'],
	rules: [
		rule('champions', [5, 5], [5, 5], [5, 5]),
		rule('potential_loyalist', [3, 5], [3, 5], [2, 5]),
		rule('loyal_customers', [2, 4], [2, 4], [2, 4]),
		rule('promising', [3, 4], [1, 3], [3, 5]),
		rule('new_customers', [4, 5], [1, 3], [1, 5]),
		rule('cant_lose_them', [1, 2], [3, 4], [4, 5]),
		rule('at_risk', [1, 2], [2, 5], [4, 5]),
		rule('need_attention', [1, 3], [3, 5], [3, 5]),
		rule('about_to_sleep', [2, 3], [1, 3], [1, 4]),
		rule('lost', [1, 1], [1, 5], [1, 5])
	]
};

/** The rule set of the R `rfm` package's test suite (tests/testthat/test-rfm-segment.R). */
export const R10_TESTS: SegmentSet = {
	id: 'r10-tests',
	valuable: ['champions', 'loyal_customers', 'potential_loyalist'],
	atRisk: ['at_risk', 'cant_lose_them', 'about_to_sleep', 'lost'],
	rules: [
		rule('champions', [4, 5], [4, 5], [4, 5]),
		rule('loyal_customers', [2, 5], [3, 5], [3, 5]),
		rule('potential_loyalist', [3, 5], [1, 3], [1, 3]),
		rule('new_customers', [4, 5], [1, 1], [1, 1]),
		rule('promising', [3, 4], [1, 1], [1, 1]),
		rule('need_attention', [2, 3], [2, 3], [2, 3]),
		rule('about_to_sleep', [2, 3], [1, 2], [1, 2]),
		rule('at_risk', [1, 2], [2, 5], [2, 5]),
		rule('cant_lose_them', [1, 1], [4, 5], [4, 5]),
		rule('lost', [1, 2], [1, 2], [1, 2])
	]
};

/** English names as the R package prints them (the CLI's `segment` column). */
export const R_SEGMENT_NAMES: Record<string, string> = {
	champions: 'Champions',
	potential_loyalist: 'Potential Loyalist',
	loyal_customers: 'Loyal Customers',
	promising: 'Promising',
	new_customers: 'New Customers',
	cant_lose_them: "Can't Lose Them",
	at_risk: 'At Risk',
	need_attention: 'Need Attention',
	about_to_sleep: 'About To Sleep',
	lost: 'Lost',
	others: 'Others'
};

/** Whether one rule matches; `prospect`: the customer has no orders (customer table only). */
export function ruleMatches(
	k: SegmentRule,
	r: number,
	f: number,
	m: number,
	prospect = false
): boolean {
	if (k.prospects) return prospect;
	const inR = (x: number, [lo, hi]: ScoreRange) => x >= lo && x <= hi;
	return inR(r, k.r) && inR(f, k.f) && inR(m, k.m);
}

/** The first rule matching the scores, or OTHERS. The SQL builder encodes the same logic. */
export function matchSegment(
	set: SegmentSet,
	r: number,
	f: number,
	m: number,
	prospect = false
): string {
	return set.rules.find((k) => ruleMatches(k, r, f, m, prospect))?.id ?? OTHERS;
}
