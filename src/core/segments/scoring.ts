import { ClienteleError } from '../errors.ts';
import { DEFAULT_RFM } from '../rfm/defaults.ts';

/**
 * Scoring methods (per dimension), shared by the SQL builders (core/sql/rfm-score.ts) and the pure
 * reference (binning.ts):
 * - ntile: equal-size groups by rank, ties broken by customer id (so equal values may differ by one).
 * - r-rfm: the R rfm package v0.3.0 exactly: breaks = type-7 quantiles at 1/n … (n−1)/n, plus 1;
 *   lower = (min, breaks…), upper = (breaks…, max + 1); bin i holds lower_i ≤ x < upper_i; equal
 *   values share a score. With thresholds they are the breaks as given (no +1).
 * - thresholds: the user's cut points t1 < t2 < …: bin i holds t(i−1) ≤ x < t(i) (R's convention).
 * - mean / median: two levels; F, M high = strictly above; R recent = strictly below.
 * F and M score = bin (1 = lowest values); R score = n + 1 − bin (recent = high).
 */
export type ScoreMethod = 'ntile' | 'r-rfm' | 'thresholds' | 'mean' | 'median';
export const SCORE_METHODS: readonly ScoreMethod[] = [
	'ntile',
	'r-rfm',
	'thresholds',
	'mean',
	'median'
];

export type Dim = 'r' | 'f' | 'm';
export const DIMS: readonly Dim[] = ['r', 'f', 'm'];
export const DIM_COLUMN: Record<Dim, 'recency_days' | 'frequency' | 'monetary'> = {
	r: 'recency_days',
	f: 'frequency',
	m: 'monetary'
};

export const MIN_BINS = 2;
export const MAX_BINS = 10;

export interface DimScoring {
	method: ScoreMethod;
	bins: number;
	/** Cut points, ascending (r-rfm: optional, used as given; thresholds: required). */
	thresholds?: readonly number[];
}

export interface ScoringOptions {
	/** Method for every dimension unless overridden (default ntile). */
	method?: ScoreMethod;
	/** Bins for every dimension unless overridden (default 5; mean/median always 2). */
	bins?: number;
	r?: Partial<DimScoring>;
	f?: Partial<DimScoring>;
	m?: Partial<DimScoring>;
}

export type ResolvedScoring = Record<Dim, DimScoring>;

function checkBins(n: number, dim: Dim): number {
	if (!Number.isInteger(n) || n < MIN_BINS || n > MAX_BINS)
		throw new ClienteleError('rfm.badBins', { dim: dim.toUpperCase(), value: String(n) });
	return n;
}

/** Defaults in one place; throws ClienteleError naming the dimension and the bad value. */
export function resolveScoring(o: ScoringOptions = {}): ResolvedScoring {
	const out = {} as Record<Dim, DimScoring>;
	for (const d of DIMS) {
		const x = o[d] ?? {};
		const t = x.thresholds;
		const method = x.method ?? o.method ?? (t?.length ? 'thresholds' : DEFAULT_RFM.method);
		if (!SCORE_METHODS.includes(method))
			throw new ClienteleError('rfm.badMethod', {
				dim: d.toUpperCase(),
				value: String(method),
				list: SCORE_METHODS.join(', ')
			});
		if (t?.length) {
			if (method !== 'r-rfm' && method !== 'thresholds')
				throw new ClienteleError('rfm.thresholdsNotUsed', { dim: d.toUpperCase(), method });
			if (t.length > MAX_BINS - 1)
				throw new ClienteleError('rfm.badThresholds', {
					dim: d.toUpperCase(),
					detail: `at most ${MAX_BINS - 1} cut points`
				});
			t.forEach((v, i) => {
				if (!Number.isFinite(v))
					throw new ClienteleError('rfm.badThresholds', {
						dim: d.toUpperCase(),
						detail: `${String(v)} is not a number`
					});
				if (i > 0 && v <= t[i - 1]!)
					throw new ClienteleError('rfm.badThresholds', {
						dim: d.toUpperCase(),
						detail: `${v} does not come after ${t[i - 1]!}; list them in increasing order`
					});
			});
			out[d] = { method, bins: t.length + 1, thresholds: [...t] };
		} else if (method === 'thresholds') {
			throw new ClienteleError('rfm.badThresholds', {
				dim: d.toUpperCase(),
				detail: 'no cut points given'
			});
		} else if (method === 'mean' || method === 'median') {
			out[d] = { method, bins: 2 };
		} else {
			out[d] = { method, bins: checkBins(x.bins ?? o.bins ?? DEFAULT_RFM.bins, d) };
		}
	}
	return out;
}

/** Score of bin i (1-based, ascending by value) of n: F, M = i; R = n + 1 − i. */
export function binScore(dim: Dim, bin: number, n: number): number {
	return dim === 'r' ? n + 1 - bin : bin;
}
