import { readDateParts, swapDayMonth, type DateFormat } from '../csv/dates.ts';
import { ClienteleError } from '../errors.ts';

export type DayMonthOrder = 'dmy' | 'mdy';

export interface DayMonthQuestion {
	/** The example value the question asks about (day ≠ month when the file has one). */
	value: string;
	/** UTC midnight of each reading, in epoch ms. */
	dmy: number;
	mdy: number;
	/** The reading in effect. */
	current: DayMonthOrder;
}

const LABEL: Record<DayMonthOrder, string> = { dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY' };

/** The order a DD/MM or MM/DD format reads; null for other formats. */
export function dayMonthOrder(f: DateFormat | null): DayMonthOrder | null {
	return f?.label === LABEL.dmy ? 'dmy' : f?.label === LABEL.mdy ? 'mdy' : null;
}

/**
 * The question to ask when day and month cannot be told apart: an example from the file and its
 * two readings. Null when the format has no such ambiguity or no example reads both ways.
 */
export function dayMonthQuestion(f: DateFormat | null, examples: readonly string[]): DayMonthQuestion | null {
	const current = dayMonthOrder(f);
	if (!current) return null;
	const readings = examples
		.map((value) => ({ value, dmy: readDateParts(value, LABEL.dmy), mdy: readDateParts(value, LABEL.mdy) }))
		.filter((r) => r.dmy && r.mdy);
	const pick = readings.find((r) => r.dmy![2] !== r.mdy![2]) ?? readings[0];
	if (!pick) return null;
	const ms = ([y, m, d]: [number, number, number]) => Date.UTC(y, m - 1, d);
	return { value: pick.value, dmy: ms(pick.dmy!), mdy: ms(pick.mdy!), current };
}

/** What the whole column says (core/sql/day-month.ts's counts). */
export interface DayMonthCounts {
	/** Values only the format's order reads (day above 12 where it puts the day), first row and value. */
	own: number;
	ownRow: number | null;
	ownValue: string | null;
	/** Values only the other order reads. */
	other: number;
	otherRow: number | null;
	otherValue: string | null;
	/** A value of the column to ask about (day ≠ month when there is one). */
	example: string | null;
}

export type DayMonthVerdict =
	| { kind: 'decided' }
	| { kind: 'swap'; format: DateFormat }
	| { kind: 'ask' | 'mixed'; error: ClienteleError };

/**
 * The day/month order from the whole column: the format's own order when only it reads some values,
 * the other when only the other does, an error naming a row of each when both do (no row is
 * dropped as "not a date"), and a question when no value decides. `f` is a DD/MM or MM/DD format.
 */
export function judgeDayMonth(c: DayMonthCounts, f: DateFormat, place: { file: string; column: string }): DayMonthVerdict {
	const order = dayMonthOrder(f);
	if (c.own > 0 && c.other === 0) return { kind: 'decided' };
	if (c.own === 0 && c.other > 0) return { kind: 'swap', format: swapDayMonth(f) };
	if (c.own > 0 && c.other > 0) {
		const [dmy, mdy] = order === 'dmy' ? [[c.ownRow, c.ownValue], [c.otherRow, c.otherValue]] : [[c.otherRow, c.otherValue], [c.ownRow, c.ownValue]];
		return { kind: 'mixed', error: new ClienteleError('dates.mixedOrder', { ...place, dmyRow: dmy[0] ?? 0, dmyValue: dmy[1] ?? '', mdyRow: mdy[0] ?? 0, mdyValue: mdy[1] ?? '' }) };
	}
	const value = c.example ?? '';
	const iso = (p: [number, number, number] | null) => (p ? `${p[0]}-${String(p[1]).padStart(2, '0')}-${String(p[2]).padStart(2, '0')}` : '');
	const params = { ...place, value, dmy: iso(readDateParts(value, LABEL.dmy)), mdy: iso(readDateParts(value, LABEL.mdy)) };
	return { kind: 'ask', error: new ClienteleError('dates.dayMonthUndecided', params) };
}
