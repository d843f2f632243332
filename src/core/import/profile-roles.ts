/**
 * The customer-profile file (客户档案): one row per person, an id column and any attributes. The id
 * is guessed from the header like a transactions file's customer column; every other column is kept
 * as an attribute, typed from the sniffed sample. Pure: no DOM, no database.
 */
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { guessRoles, normalizeHeader } from '../csv/roles.ts';
import type { ColumnProfile } from '../csv/sniff.ts';
import { withTimeZone } from '../csv/time-zones.ts';

export type AttributeKind = 'number' | 'date' | 'text';

export interface ProfileAttribute {
	/** The column's name in the file, kept as the attribute's column name in the profile table. */
	column: string;
	kind: AttributeKind;
	/** kind 'number': how its text reads. */
	numberFormat?: NumberFormat;
	/** kind 'date': how its text reads (a date-only format gives a DATE column, else a TIMESTAMP). */
	dateFormat?: DateFormat;
}

/** Numbers that are codes, not quantities (a phone number, a postcode, an id): kept as text. */
const CODE_NAME = /phone|mobile|tel|zip|post(al)?code|code$|id$|no$|number$|手机|电话|邮编|编号|号码|证件|身份证|卡号/i;

/** The id column: the transactions' customer aliases, else the first column whose sampled values are all distinct. */
export function guessProfileId(columns: readonly ColumnProfile[]): string | undefined {
	return guessRoles(columns).customer ?? columns.find((c) => c.kind !== 'empty' && c.distinctShare === 1)?.name;
}

/** Every column but the id, typed: dates (text or Excel/Unix numbers as sniffed), numbers, else text. */
export function profileAttributes(columns: readonly ColumnProfile[], id: string, o: { timeZone?: string } = {}): ProfileAttribute[] {
	return columns
		.filter((c) => c.name !== id)
		.map((c): ProfileAttribute => {
			if (c.kind === 'date' && c.date) return { column: c.name, kind: 'date', dateFormat: withTimeZone(c.date.format, o.timeZone) };
			const code = c.idLike || CODE_NAME.test(normalizeHeader(c.name));
			if ((c.kind === 'integer' || c.kind === 'number') && c.number && !code)
				return { column: c.name, kind: 'number', numberFormat: c.number.format };
			return { column: c.name, kind: 'text' };
		});
}
