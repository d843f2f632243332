import { readDateParts, type DateFormat } from '../csv/dates.ts';

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
