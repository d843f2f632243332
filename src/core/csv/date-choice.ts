import { dateFormatForLabel, DATE_LABELS, type DateFormat } from './dates.ts';
import { detectNumericDate, type NumericDateKind } from './numeric-dates.ts';
import type { ColumnProfile } from './sniff.ts';

/** The numeric kinds, as the CLI and the labels name them. */
export const NUMERIC_KINDS: readonly NumericDateKind[] = ['unix-s', 'unix-ms', 'excel-serial'];

/** A format for numbers of one kind; its label is the kind. */
export function numericFormat(kind: NumericDateKind, hasTime = true): DateFormat {
	return { strptime: [], label: kind, dateOnly: kind === 'excel-serial' && !hasTime, numeric: kind };
}

/**
 * How a column mapped to a date role is read: the text format the sniffer found, else — a column of
 * numbers — Unix seconds, milliseconds or Excel serials, told from the sample's values. Null when
 * neither fits.
 */
export function dateFormatFor(col: ColumnProfile | undefined): DateFormat | null {
	if (!col) return null;
	if (col.date) return col.date.format;
	if (col.kind !== 'integer' && col.kind !== 'number') return null;
	const det = detectNumericDate(col.examples);
	return det ? numericFormat(det.kind, det.hasTime) : null;
}

/** Every name --date-format takes (besides 'auto'). */
export const DATE_FORMAT_NAMES: readonly string[] = [...DATE_LABELS, ...NUMERIC_KINDS];

/** A format named by the user: a text label (DD/MM/YYYY …) or a numeric kind; null when unknown. */
export function dateFormatByName(name: string): DateFormat | null {
	const n = name.trim().toLowerCase();
	const kind = NUMERIC_KINDS.find((k) => k === n);
	return kind ? numericFormat(kind) : dateFormatForLabel(name);
}
