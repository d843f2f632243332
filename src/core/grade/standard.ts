/**
 * Grading standards (分级标准): what a standard is — indicators, a points rule per indicator, a
 * method and tier cut-offs — as plain data a JSON file holds. Pure: no database, no DOM. The SQL
 * that applies a standard is core/sql/grade.ts; the checks of a standard read from JSON are in
 * parse.ts; the presets in presets.ts.
 */

/** Indicators computed from the transactions and the models (everything else names a profile column). */
export const BUILTIN_INDICATORS = [
	'recency_days',
	'frequency',
	'monetary',
	'avg_order_value',
	'tenure_days',
	'margin',
	'clv',
	'p_alive',
	'recommend_score',
	'csat'
] as const;
export type BuiltinIndicator = (typeof BUILTIN_INDICATORS)[number];

export function isBuiltinIndicator(name: string): name is BuiltinIndicator {
	return (BUILTIN_INDICATORS as readonly string[]).includes(name);
}

/** 评分法: total = Σ points; 加权法: total = Σ wᵢ·pointsᵢ / Σ wᵢ. */
export const GRADE_METHODS = ['scoring', 'weighted'] as const;
export type GradeMethod = (typeof GRADE_METHODS)[number];

/** A customer without a value for some indicator: weights re-normalised, zero points, or no tier. */
export const MISSING_POLICIES = ['renormalise', 'zero', 'ungraded'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

export type Better = 'higher' | 'lower';

/** How an indicator's value becomes 0–100 points. */
export type PointsRule =
	/** x < t1 → p0, t1 ≤ x < t2 → p1, …, x ≥ tk → pk (the points say which way is better). */
	| { thresholds: number[]; points: number[] }
	/** g = ⌈k · cume_dist(x)⌉ (on −x when lower is better), points = 100 · (g − 1) / (k − 1). */
	| { quantiles: number }
	/** x clipped to its clip[0] and clip[1] quantiles (linear interpolation), scaled to 0–100. */
	| { minmax: { clip: [number, number] } };

export interface IndicatorSpec {
	name: string;
	/** Percent (weighted method); not used by the scoring method. */
	weight: number;
	better: Better;
	points: PointsRule;
}

export interface Tier {
	name: string;
	/** A customer gets the first tier, in descending min, with total ≥ min. */
	min: number;
}

export interface GradeStandard {
	name: string;
	method: GradeMethod;
	indicators: IndicatorSpec[];
	/** In descending min (the parser sorts them); the last one's min is 0. */
	tiers: Tier[];
	missing: MissingPolicy;
}

/** The output columns besides the indicators' (an indicator may not be named like one of these). */
export const GRADE_FIXED_COLUMNS = ['customer_id', 'total', 'tier', 'missing'] as const;
export const POINTS_PREFIX = 'points_';

/** Tier names kept for the ABC classes. */
export const RESERVED_TIER_NAMES = ['A', 'B', 'C'] as const;

/** The largest total of a standard: 100 (weighted) or 100 per indicator (scoring). */
export function maxTotal(s: Pick<GradeStandard, 'method' | 'indicators'>): number {
	return s.method === 'scoring' ? 100 * s.indicators.length : 100;
}

/** The CLI's output columns for a standard: customer_id, values, points, total, tier, missing. */
export function gradeColumns(s: Pick<GradeStandard, 'indicators'>): string[] {
	const names = s.indicators.map((i) => i.name);
	return [
		'customer_id',
		...names,
		...names.map((n) => POINTS_PREFIX + n),
		'total',
		'tier',
		'missing'
	];
}

/** Which kind a points rule is. */
export function ruleKind(r: PointsRule): 'thresholds' | 'quantiles' | 'minmax' {
	return 'thresholds' in r ? 'thresholds' : 'quantiles' in r ? 'quantiles' : 'minmax';
}

/** Tiers in descending min (the order they are tested in). */
export function sortedTiers(tiers: readonly Tier[]): Tier[] {
	return [...tiers].sort((a, b) => b.min - a.min);
}

/** The tier of a total (rounded to 2 decimals first), as the SQL assigns it; null when no tier holds. */
export function tierOf(total: number | null, tiers: readonly Tier[]): string | null {
	if (total === null) return null;
	const t = Math.round(total * 100) / 100;
	return sortedTiers(tiers).find((k) => t >= k.min)?.name ?? null;
}

/** The standard as the JSON a file holds (what the page downloads and the CLI reads). */
export function standardJson(s: GradeStandard): string {
	const indicators = s.indicators.map((i) => ({
		name: i.name,
		weight: i.weight,
		better: i.better,
		points: i.points
	}));
	return (
		JSON.stringify(
			{ name: s.name, method: s.method, missing: s.missing, indicators, tiers: s.tiers },
			null,
			2
		) + '\n'
	);
}
