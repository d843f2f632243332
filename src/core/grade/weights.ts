/**
 * Weights of a weighted standard: the editor keeps them summing to 100, and the sensitivity check
 * moves one by ±5 points while the others absorb the change in proportion to their size. Pure.
 */

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Moves weight `i` by `delta` (kept within 0 … the total) and takes the difference from the other
 * weights in proportion to their size (equally when they are all 0), so the sum stays the same.
 */
export function shiftWeights(weights: readonly number[], i: number, delta: number): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	const from = weights[i] ?? 0;
	const to = Math.min(total, Math.max(0, from + delta));
	const d = to - from;
	const others = total - from;
	const n = weights.length - 1;
	return weights.map((w, j) => {
		if (j === i) return round6(to);
		if (n === 0) return w;
		return round6(Math.max(0, others > 0 ? w - (d * w) / others : w - d / n));
	});
}

/** Sets weight `i` to `value` (0–100) with the others absorbing the difference: the editor's rule. */
export function setWeight(weights: readonly number[], i: number, value: number): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	if (weights.length === 1) return [value];
	if (total <= 0)
		return weights.map((w, j) => (j === i ? value : round6((100 - value) / (weights.length - 1))));
	return shiftWeights(weights, i, value - (weights[i] ?? 0));
}

/** Weights scaled to sum to 100 (equal when all are 0). */
export function normaliseWeights(weights: readonly number[]): number[] {
	const total = weights.reduce((a, b) => a + b, 0);
	if (weights.length === 0) return [];
	return weights.map((w) => round6(total > 0 ? (100 * w) / total : 100 / weights.length));
}
