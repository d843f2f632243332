/**
 * The editable holiday table as CSV: `date,name,days_before,days_after` (a header row; quoted fields as in
 * RFC 4180; a UTF-8 BOM allowed). Every row is checked: a bad one stops with the file, row and column.
 */
import { ClienteleError } from '../errors.ts';
import { toCsv } from '../export/csv.ts';
import type { HolidayRow } from './calendar.ts';

export const HOLIDAY_COLUMNS = ['date', 'name', 'days_before', 'days_after'] as const;

function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cur += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out.map((s) => s.trim());
}

const realDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function parseHolidayCsv(text: string, file: string): HolidayRow[] {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
	const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
	if (HOLIDAY_COLUMNS.some((c, i) => header[i] !== c)) throw new ClienteleError('forecast.badHolidayHeader', { file, header: lines[0] ?? '', expected: HOLIDAY_COLUMNS.join(',') });
	return lines.slice(1).map((line, i) => {
		const [date = '', name = '', before = '', after = ''] = splitCsvLine(line);
		const bad = (column: string, value: string) => new ClienteleError('forecast.badHolidayRow', { file, row: i + 1, column, value });
		if (!realDay(date)) throw bad('date', date);
		if (name === '') throw bad('name', name);
		const whole = (s: string) => (/^\d{1,3}$/.test(s) ? Number(s) : NaN);
		const daysBefore = before === '' ? 0 : whole(before);
		const daysAfter = after === '' ? 0 : whole(after);
		if (Number.isNaN(daysBefore)) throw bad('days_before', before);
		if (Number.isNaN(daysAfter)) throw bad('days_after', after);
		return { date, name, daysBefore, daysAfter };
	});
}

export function holidayCsv(rows: readonly HolidayRow[]): string {
	return toCsv([...HOLIDAY_COLUMNS], rows.map((r) => ({ date: r.date, name: r.name, days_before: r.daysBefore, days_after: r.daysAfter })), { bom: false });
}
