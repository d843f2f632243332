import { addDays, dayNumber } from '../iso-days.ts';

/**
 * Working days for contact schedules (--workdays): Monday to Friday, less the public holidays, plus
 * the weekend days that are worked instead (调休). The calendar is a plain, editable table: the page
 * edits it, the CLI reads one with --holidays FILE.csv (date,type with type holiday|workday).
 */
export type DayType = 'holiday' | 'workday';
export type HolidayTable = Readonly<Record<string, DayType>>;

const span = (from: string, days: number, type: DayType): [string, DayType][] =>
	Array.from({ length: days }, (_, i) => [addDays(from, i), type]);

/**
 * Mainland China's public holidays and adjusted working days, as the State Council's notices give
 * them (国务院办公厅关于2025年 / 2026年部分节假日安排的通知). Add later years in the page or a file.
 */
export const CN_HOLIDAYS: HolidayTable = Object.fromEntries([
	// 2025
	['2025-01-01', 'holiday'],
	...span('2025-01-28', 8, 'holiday'),
	['2025-01-26', 'workday'],
	['2025-02-08', 'workday'],
	...span('2025-04-04', 3, 'holiday'),
	...span('2025-05-01', 5, 'holiday'),
	['2025-04-27', 'workday'],
	...span('2025-05-31', 3, 'holiday'),
	...span('2025-10-01', 8, 'holiday'),
	['2025-09-28', 'workday'],
	['2025-10-11', 'workday'],
	// 2026
	...span('2026-01-01', 3, 'holiday'),
	['2026-01-04', 'workday'],
	...span('2026-02-15', 9, 'holiday'),
	['2026-02-14', 'workday'],
	['2026-02-28', 'workday'],
	...span('2026-04-04', 3, 'holiday'),
	...span('2026-05-01', 5, 'holiday'),
	['2026-05-09', 'workday'],
	...span('2026-06-19', 3, 'holiday'),
	...span('2026-09-25', 3, 'holiday'),
	...span('2026-10-01', 7, 'holiday'),
	['2026-09-20', 'workday'],
	['2026-10-10', 'workday']
]);

/** Whether a day (YYYY-MM-DD) is worked under the table. */
export function isWorkday(iso: string, table: HolidayTable): boolean {
	const t = Object.hasOwn(table, iso) ? table[iso] : undefined;
	if (t) return t === 'workday';
	const weekday = (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
	return weekday !== 0 && weekday !== 6;
}

/** The first `count` working days on or after `from`. */
export function workdaysFrom(from: string, count: number, table: HolidayTable): string[] {
	const out: string[] = [];
	for (let d = from; out.length < count; d = addDays(d, 1)) if (isWorkday(d, table)) out.push(d);
	return out;
}

/** How many working days lie in [from, from + days). */
export function workdaysWithin(from: string, days: number, table: HolidayTable): number {
	let n = 0;
	for (let i = 0; i < days; i++) if (isWorkday(addDays(from, i), table)) n++;
	return n;
}

/** A holiday table from CSV text `date,type` (header optional); errors name the line. */
export function parseHolidayCsv(text: string): { table: Record<string, DayType>; bad: number | null } {
	const table: Record<string, DayType> = {};
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		if (line === '' || (i === 0 && /^date\s*,/i.test(line))) continue;
		const [date = '', type = ''] = line.split(',').map((s) => s.trim());
		if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(dayNumber(date)) || (type !== 'holiday' && type !== 'workday')) return { table, bad: i + 1 };
		table[date] = type;
	}
	return { table, bad: null };
}
