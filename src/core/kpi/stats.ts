/**
 * Small statistics shared by the KPI formulas: the normal quantile for a confidence level, the
 * Wilson score interval for a proportion and a normal-approximation interval for a mean.
 */

/** An interval [low, high]. */
export interface Interval {
	low: number;
	high: number;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
 * Throws for p outside (0, 1).
 */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const lo = 0.02425;
	const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
	if (p < lo) {
		const q = Math.sqrt(-2 * Math.log(p));
		return poly(c, q) / (poly(d, q) * q + 1);
	}
	if (p > 1 - lo) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return -poly(c, q) / (poly(d, q) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Confidence level of every KPI interval unless a caller asks for another. */
export const DEFAULT_CONFIDENCE = 0.95;

/** The two-sided z value for a confidence level (0.95 → 1.95996…). */
export function zFor(confidence: number): number {
	if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
	return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for k successes out of n (Wilson 1927; what R's prop.test gives without
 * continuity correction). Stays inside [0, 1] and behaves at p = 0 or 1, unlike the Wald interval.
 * n = 0 gives NaN bounds.
 */
export function wilsonInterval(k: number, n: number, z: number): Interval {
	if (n <= 0) return { low: NaN, high: NaN };
	const p = k / n;
	const z2 = z * z;
	const denom = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denom;
	const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface MeanStat {
	n: number;
	mean: number;
	/** Sample standard deviation (n − 1 in the denominator); NaN for n < 2. */
	sd: number;
	se: number;
	ciLow: number;
	ciHigh: number;
}

/**
 * Mean with a normal-approximation interval mean ± z·sd/√n, from n, Σx and Σx² (what SQL
 * aggregates give). For small n (< 30) a t interval would be wider; we say so in the README.
 */
export function meanFromSums(o: { n: number; sum: number; sumSq: number }, confidence = DEFAULT_CONFIDENCE): MeanStat {
	const { n, sum, sumSq } = o;
	if (n <= 0) return { n: 0, mean: NaN, sd: NaN, se: NaN, ciLow: NaN, ciHigh: NaN };
	const mean = sum / n;
	const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : NaN;
	const se = sd / Math.sqrt(n);
	const z = zFor(confidence);
	return { n, mean, sd, se, ciLow: mean - z * se, ciHigh: mean + z * se };
}
