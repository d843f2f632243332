/** Pure formatting helpers of the quality view (no runes, no DOM): tested in Node. */

/** Epoch ms (naive timestamps read as UTC) → YYYY-MM-DD. */
export function dayOf(ms: number | null): string {
	return ms === null ? '–' : new Date(ms).toISOString().slice(0, 10);
}

/** "12, 40, 41" — the row numbers of the first examples. */
export function rowList(rows: readonly number[]): string {
	return rows.join(', ');
}
