/**
 * Whether values are skewed enough that a linear axis crowds most of them into a corner: customer
 * revenue and CLV typically are (a few large customers, a long tail of small ones). Pure.
 */

export interface Skew {
	skewed: boolean;
	/** The 99th percentile over the median of the positive values (Infinity when the median is 0). */
	ratio: number;
}

/** The value at quantile q (0–1) of sorted values, linear between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
	const i = (sorted.length - 1) * q;
	const lo = Math.floor(i);
	const hi = Math.ceil(i);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * Skewed: at least 20 values, and the 99th percentile is at least `threshold` (default 20) times the
 * median — on a linear axis, half the points then sit in the first 5 % of it.
 */
export function skewOf(values: readonly number[], threshold = 20): Skew {
	const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length < 20) return { skewed: false, ratio: 1 };
	const median = quantile(v, 0.5);
	const p99 = quantile(v, 0.99);
	if (p99 <= 0) return { skewed: false, ratio: 1 };
	const ratio = median > 0 ? p99 / median : Infinity;
	return { skewed: ratio >= threshold, ratio };
}
