/** Period arithmetic of the forecast (UTC calendar days, no clock): a period is named by its first day. */
import { addDays, dayNumber } from '../iso-days.ts';
import type { Freq } from './design.ts';

/** The first day of the period holding `day` (weeks start on Monday). */
export function periodStart(day: string, freq: Freq): string {
	if (freq === 'day') return day;
	if (freq === 'month') return `${day.slice(0, 7)}-01`;
	const dow = (((dayNumber(day) + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
	return addDays(day, -dow);
}

/** The first day of the period k periods after the one starting on `start`. */
export function shiftPeriod(start: string, freq: Freq, k: number): string {
	if (freq === 'day') return addDays(start, k);
	if (freq === 'week') return addDays(start, 7 * k);
	const y = Number(start.slice(0, 4));
	const m = Number(start.slice(5, 7)) - 1 + k;
	const yy = y + Math.floor(m / 12);
	const mm = ((m % 12) + 12) % 12;
	return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, freq: Freq): string {
	return addDays(shiftPeriod(start, freq, 1), -1);
}

/** The periods' first days from `first` for `count` periods. */
export function periodRange(first: string, freq: Freq, count: number): string[] {
	return Array.from({ length: count }, (_, i) => shiftPeriod(first, freq, i));
}

/** The fitted span of data from firstDay to lastDay: its first period, last full period, and whether a partial last period was dropped. */
export function fittedSpan(firstDay: string, lastDay: string, freq: Freq): { first: string; last: string; partial: string | null } {
	const first = periodStart(firstDay, freq);
	const lastStart = periodStart(lastDay, freq);
	const partial = periodEnd(lastStart, freq) > lastDay ? lastStart : null;
	return { first, last: partial ? shiftPeriod(lastStart, freq, -1) : lastStart, partial };
}
