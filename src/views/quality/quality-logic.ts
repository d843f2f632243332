/** Pure helpers of the quality view (no runes, no DOM): tested in Node. */
import type { QualityReport } from '../../core/csv/quality.ts';

/** The local calendar day of `d` as YYYY-MM-DD (the as-of of "future dates"; the clock is the caller's). */
export function localDay(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Epoch ms (naive timestamps read as UTC) → YYYY-MM-DD. */
export function dayOf(ms: number | null): string {
	return ms === null ? '–' : new Date(ms).toISOString().slice(0, 10);
}

export interface QualityHeadline {
	findings: number;
	missing: number;
	invalid: number;
	clean: boolean;
}

/** The one-line summary shown in the import view after a load. */
export function headline(r: QualityReport): QualityHeadline {
	const missing = r.columns.reduce((s, c) => s + c.missing, 0);
	const invalid = r.columns.reduce((s, c) => s + c.invalid, 0);
	return { findings: r.findings.length, missing, invalid, clean: r.findings.length === 0 && missing === 0 && invalid === 0 };
}

/** "12, 40, 41" — the row numbers of the first examples. */
export function rowList(rows: readonly number[]): string {
	return rows.join(', ');
}

/** The page's clock (the views read it here; SQL builders never do). */
export function today(): Date {
	return new Date();
}

/** Up to this many rows the report runs by itself after a load; above it, when the user asks (tab or button). */
export const AUTO_REPORT_MAX_ROWS = 500_000;
