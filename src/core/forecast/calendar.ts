/**
 * Holiday calendars for the forecast's regressors. 春节 is computed from the Chinese calendar of the
 * runtime's Intl (ICU) — month 1, day 1 — so it does not run out like a hard-coded list; Easter by the
 * Gregorian computus; the rest are fixed days or weekday rules. A table row is one holiday occurrence with a
 * window of days before and after (春节 ±7 by default); 调休 working days or any local day come only from an
 * edited table (a CSV `date,name,days_before,days_after`), each name becoming its own regressor.
 */
import { addDays } from '../iso-days.ts';

export interface HolidayRow {
	date: string;
	name: string;
	daysBefore: number;
	daysAfter: number;
}

export type CalendarName = 'cn' | 'western';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

let chineseFormat: Intl.DateTimeFormat | null = null;

/**
 * Years where ICU's Chinese calendar (the engine behind Intl) disagrees with the Hong Kong Observatory's
 * published tables, both with the new moon minutes from midnight Beijing time: 2027 (ICU 78 in Node 20:
 * 02-07; HKO: 02-06, also tc39/test262 issue 4769) and 2030 (ICU: 02-02; HKO: 02-03). Checked 2010–2030.
 */
const ICU_CORRECTIONS: Record<number, string> = { 2027: '2027-02-06', 2030: '2030-02-03' };

/** 春节 (Chinese New Year, month 1 day 1 of the Chinese calendar) of a Gregorian year; always between 01-21 and 02-20. */
const newYears = new Map<number, string>();

export function chineseNewYear(year: number): string {
	const fixed = ICU_CORRECTIONS[year] ?? newYears.get(year);
	if (fixed) return fixed;
	chineseFormat ??= new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
	for (let d = Date.UTC(year, 0, 20); d <= Date.UTC(year, 1, 21); d += 86_400_000) {
		const parts = chineseFormat.formatToParts(new Date(d));
		const month = parts.find((p) => p.type === 'month')?.value;
		const day = parts.find((p) => p.type === 'day')?.value;
		if (month === '1' && day === '1') {
			const found = new Date(d).toISOString().slice(0, 10);
			newYears.set(year, found);
			return found;
		}
	}
	throw new Error(`no Chinese New Year found in ${year}: the runtime lacks the Chinese calendar (full ICU)`);
}

/** Easter Sunday (Gregorian, anonymous computus). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return iso(year, month, day);
}

/** The fourth Thursday of November (US Thanksgiving). */
function thanksgiving(year: number): string {
	const first = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // 0 Sunday
	const firstThursday = 1 + ((4 - first + 7) % 7);
	return iso(year, 11, firstThursday + 21);
}

/** The default rows of a calendar for the years given (inclusive). */
export function calendarRows(name: CalendarName, fromYear: number, toYear: number): HolidayRow[] {
	const rows: HolidayRow[] = [];
	for (let y = fromYear; y <= toYear; y++) {
		if (name === 'cn') {
			rows.push({ date: chineseNewYear(y), name: '春节', daysBefore: 7, daysAfter: 7 });
			rows.push({ date: iso(y, 6, 18), name: '618', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: iso(y, 10, 1), name: '国庆', daysBefore: 0, daysAfter: 6 });
			rows.push({ date: iso(y, 11, 11), name: '双11', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: iso(y, 12, 12), name: '双12', daysBefore: 0, daysAfter: 0 });
		} else {
			const easter = easterSunday(y);
			const tg = thanksgiving(y);
			rows.push({ date: iso(y, 1, 1), name: 'New Year', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: addDays(easter, -2), name: 'Good Friday', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: addDays(easter, 1), name: 'Easter Monday', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: tg, name: 'Thanksgiving', daysBefore: 0, daysAfter: 0 });
			rows.push({ date: addDays(tg, 1), name: 'Black Friday', daysBefore: 0, daysAfter: 3 });
			rows.push({ date: iso(y, 12, 25), name: 'Christmas', daysBefore: 1, daysAfter: 1 });
		}
	}
	return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
}

/** The rows for a `--holidays` choice: `cn`, `western`, `cn,western` or `none` (a file is read by the caller). */
export function holidayRows(choice: string, fromYear: number, toYear: number): HolidayRow[] {
	if (choice === 'none') return [];
	const names = choice.split(',').map((s) => s.trim());
	return names.flatMap((n) => calendarRows(n as CalendarName, fromYear, toYear)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function isCalendarChoice(choice: string): boolean {
	return choice === 'none' || choice.split(',').every((s) => s.trim() === 'cn' || s.trim() === 'western');
}
