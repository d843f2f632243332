/**
 * Small-cell suppression for reports shared outside the team (pure): a group of fewer than k people
 * (k ≥ 5) shows its count as "<k" and none of its other figures (money, shares, means), which could
 * point at one person. Totals stay: they are over everyone.
 */

/** The smallest k allowed, and the default. */
export const MIN_K = 5;

/** A k the report accepts: a whole number ≥ MIN_K (anything else is MIN_K). */
export function normaliseK(k: unknown): number {
	return typeof k === 'number' && Number.isInteger(k) && k >= MIN_K ? k : MIN_K;
}

/** Whether a count is a small cell under k (0 is not: an empty group shows nobody). */
export function isSmallCell(count: number, k: number): boolean {
	return count > 0 && count < k;
}

/** One cell of a printed row: its text, or hidden because its group is a small cell. */
export type Cell = { text: string } | { hidden: true };

export interface SuppressOptions {
	/** null: no suppression (the team's own copy). */
	k: number | null;
	/** The text of a count under k ("<5"). */
	under: (k: number) => string;
}

/**
 * A row's cells: `count` is the group's number of people (its own cell shows "<k" when small);
 * every other cell is hidden when the group is small.
 */
export function suppressRow(count: number, cells: { count: string; others: readonly string[] }, o: SuppressOptions): { small: boolean; count: string; others: Cell[] } {
	const small = o.k !== null && isSmallCell(count, o.k);
	if (!small) return { small, count: cells.count, others: cells.others.map((text) => ({ text })) };
	return { small, count: o.under(o.k!), others: cells.others.map(() => ({ hidden: true as const })) };
}

/** Rows whose group is not a small cell (charts drop the small ones rather than draw a bar for them). */
export function withoutSmallCells<T>(rows: readonly T[], count: (r: T) => number, k: number | null): T[] {
	return k === null ? [...rows] : rows.filter((r) => !isSmallCell(count(r), k));
}
