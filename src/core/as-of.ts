/**
 * The default as-of date of every view (RFM, ABC, value matrix, KPI, CLV) and the stray dates it
 * leaves out — the one stray rule. Pure: the rows per day come in, an ISO day and the strays go out.
 *
 * A day is a stray when it is
 *  - after `today` (the machine's day: a 2099 typo, a timestamp in the wrong unit), or
 *  - in a small late cluster: fewer than STRAY_SHARE of all rows, separated from the rows before it
 *    by a gap longer than the whole span of those rows (a 2031 typo in two years of 2024–2025 data)
 *    or longer than STRAY_GAP_DAYS (the rule before this one: a 2026 typo in 2024–2025 data).
 */
import { addDays, daysBetween } from './iso-days.ts';

/** The share of rows under which a late cluster of dates can be a stray (0.1 %). */
export const STRAY_SHARE = 0.001;

/** A gap after which a small late cluster is a stray even within the data's span (days). */
export const STRAY_GAP_DAYS = 90;

/** Rows dated on one day (YYYY-MM-DD). */
export interface DayCount {
	day: string;
	rows: number;
}

export interface DefaultAsOf {
	/** The day after the last kept day (as-of dates are exclusive). */
	asOf: string;
	/** The first and the last kept day. */
	firstDay: string;
	lastDay: string;
	/** The stray days (in day order) with their rows; empty when there are none. */
	strays: DayCount[];
	/** Rows on stray days. */
	strayRows: number;
}

/**
 * The default as-of date of rows counted per day (any order), `today` the machine's day
 * (YYYY-MM-DD, from an injectable clock). Null when no day is left (no rows, or every row a stray).
 */
export function defaultAsOf(days: readonly DayCount[], today: string): DefaultAsOf | null {
	const sorted = days.filter((d) => d.rows > 0).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
	const total = sorted.reduce((s, d) => s + d.rows, 0);
	const past = sorted.filter((d) => d.day <= today);
	const keep = past.length - lateCluster(past, total);
	if (keep === 0) return null;
	const kept = past.slice(0, keep);
	const strays = sorted.slice(keep);
	const lastDay = kept[kept.length - 1]!.day;
	return { asOf: addDays(lastDay, 1), firstDay: kept[0]!.day, lastDay, strays, strayRows: strays.reduce((s, d) => s + d.rows, 0) };
}

/**
 * How many of the last days (sorted) form a stray cluster: the longest tail with fewer than
 * STRAY_SHARE × total rows whose gap to the day before is longer than the span of the days before
 * or than STRAY_GAP_DAYS.
 */
function lateCluster(sorted: readonly DayCount[], total: number): number {
	let tail = 0;
	let found = 0;
	for (let k = sorted.length - 1; k >= 1; k--) {
		tail += sorted[k]!.rows;
		if (tail >= STRAY_SHARE * total) break;
		const gap = daysBetween(sorted[k - 1]!.day, sorted[k]!.day);
		const span = daysBetween(sorted[0]!.day, sorted[k - 1]!.day);
		if (gap > Math.min(span, STRAY_GAP_DAYS)) found = sorted.length - k;
	}
	return found;
}

/** The day the stray rule starts at: rows dated after it are strays (the last kept day, else today). */
export function strayCutoff(d: DefaultAsOf | null, today: string): string {
	return d && d.strays.length > 0 ? d.lastDay : today;
}
