/**
 * Numeric features in personas are cut at the whole base's quintiles: edges min, the 20/40/60/80 %
 * quantiles and max, rounded to 2 decimals, repeats dropped; bins `[a, b)`, the last `[a, b]`.
 */

export interface Bins {
	/** The distinct rounded edges, ascending. */
	edges: number[];
	/** The bins' labels, in order (one bin `[a, a]` when every value is the same). */
	labels: string[];
}

const round2 = (v: number) => Math.round(v * 100) / 100 + 0;

/** A number as written in a bin label: at most 2 decimals, no trailing zeros. */
export function binNumber(v: number): string {
	return String(round2(v));
}

/** The bins from the quantile edges (nulls: no value at all → no bins). */
export function quintileBins(edges: readonly (number | null)[]): Bins {
	const known = edges.filter((e): e is number => e !== null && Number.isFinite(e)).map(round2);
	const distinct = [...new Set(known)].sort((a, b) => a - b);
	if (distinct.length === 0) return { edges: [], labels: [] };
	if (distinct.length === 1) return { edges: distinct, labels: [`[${binNumber(distinct[0]!)}, ${binNumber(distinct[0]!)}]`] };
	const labels = distinct.slice(0, -1).map((a, i) => {
		const b = distinct[i + 1]!;
		return i === distinct.length - 2 ? `[${binNumber(a)}, ${binNumber(b)}]` : `[${binNumber(a)}, ${binNumber(b)})`;
	});
	return { edges: distinct, labels };
}

/** The bin of a value (index into labels), as the SQL CASE cuts it: below the 2nd edge → 0 … else the last. */
export function binOf(bins: Bins, v: number): number {
	for (let i = 1; i < bins.edges.length - 1; i++) if (v < bins.edges[i]!) return i - 1;
	return Math.max(0, bins.labels.length - 1);
}
