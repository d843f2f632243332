import { binScore, type Dim, type DimScoring } from './scoring.ts';

/**
 * A pure reference of the scoring methods (the SQL in core/sql/rfm-score.ts must agree with it):
 * small enough to check by hand, used by the tests and usable for previews.
 */

/** R's quantile(x, probs, type = 7) for one probability (R ≥ 4 source, no fuzz for type 7). */
export function quantileType7(sorted: readonly number[], p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const index = 1 + Math.max(n - 1, 0) * p;
	const lo = Math.floor(index);
	const hi = Math.ceil(index);
	const qs = sorted[lo - 1]!;
	const xh = sorted[hi - 1]!;
	if (index > lo && xh !== qs) {
		const h = index - lo;
		return (1 - h) * qs + h * xh;
	}
	return qs;
}

/** R's seq(0, 1, length.out = n + 1)[2:n]: i · (1/n), as R computes it. */
export function rProbs(n: number): number[] {
	const by = 1 / n;
	return Array.from({ length: n - 1 }, (_, i) => (i + 1) * by);
}

/** The R rfm package's lower/upper bounds (bins(), bins_lower(), bins_upper()). */
export function rRfmBounds(
	values: readonly number[],
	n: number,
	thresholds?: readonly number[]
): { lower: number[]; upper: number[] } {
	const sorted = [...values].sort((a, b) => a - b);
	const breaks = thresholds?.length
		? [...thresholds]
		: rProbs(n).map((p) => quantileType7(sorted, p) + 1);
	return { lower: [sorted[0]!, ...breaks], upper: [...breaks, sorted[sorted.length - 1]! + 1] };
}

/** Bin (1-based) of each value under R's loop: the last i with lower_i ≤ x < upper_i, else null. */
export function rRfmBins(
	values: readonly number[],
	lower: readonly number[],
	upper: readonly number[]
): (number | null)[] {
	return values.map((x) => {
		for (let i = lower.length - 1; i >= 0; i--) if (x >= lower[i]! && x < upper[i]!) return i + 1;
		return null;
	});
}

/** Scores for one dimension. `ids` break ntile ties (ascending, compared as text like SQL). */
export function scoreDimension(
	dim: Dim,
	values: readonly number[],
	s: DimScoring,
	ids?: readonly string[]
): (number | null)[] {
	const n = s.bins;
	if (s.method === 'mean' || s.method === 'median') {
		const sorted = [...values].sort((a, b) => a - b);
		const cut =
			s.method === 'mean'
				? values.reduce((a, b) => a + b, 0) / values.length
				: quantileType7(sorted, 0.5);
		return values.map((x) => (dim === 'r' ? (x < cut ? 2 : 1) : x > cut ? 2 : 1));
	}
	if (s.method === 'ntile') {
		const key = ids ?? values.map((_, i) => String(i).padStart(12, '0'));
		const order = values
			.map((_, i) => i)
			.sort((a, b) => {
				const d = dim === 'r' ? values[b]! - values[a]! : values[a]! - values[b]!;
				return d !== 0 ? d : key[a]! < key[b]! ? -1 : key[a]! > key[b]! ? 1 : 0;
			});
		// SQL ntile: the first (N mod n) groups get one extra row.
		const N = values.length;
		const small = Math.floor(N / n);
		const big = N % n;
		const out = new Array<number | null>(N).fill(null);
		order.forEach((idx, rank) => {
			const g =
				rank < big * (small + 1)
					? Math.floor(rank / (small + 1))
					: big + Math.floor((rank - big * (small + 1)) / small);
			out[idx] = g + 1;
		});
		return out;
	}
	const { lower, upper } = rRfmBounds(values, n, s.thresholds);
	return rRfmBins(values, lower, upper).map((b) => (b === null ? null : binScore(dim, b, n)));
}
