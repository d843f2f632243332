/** The transactions mapping a set of roles makes with what the sniffer found (pure). */
import type { DateFormat } from '../csv/dates.ts';
import { dateFormatFor } from '../csv/date-choice.ts';
import { columnByName } from '../csv/column-lookup.ts';
import type { RoleMapping } from '../csv/roles.ts';
import type { SniffResult } from '../csv/sniff.ts';
import { withTimeZone } from '../csv/time-zones.ts';
import type { TxMapping } from '../sql/parse.ts';
import type { OrderRules } from './order-rules.ts';

/** The date format of a date column the sniffer found no format for (transactions, touchpoints, surveys). */
export const DEFAULT_DATE_FORMAT: DateFormat = { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true };

/**
 * The mapping with the formats the sniffer found for the chosen columns. The date column is read
 * as text in its sniffed format, or as Unix seconds / milliseconds / Excel serials when it holds
 * numbers (dateFormatFor); `dateFormat` overrides that. Instants (Unix times, text with a UTC
 * offset) are shown as wall time in `timeZone` (absent: UTC).
 */
export function mappingFor(
	sniff: SniffResult,
	roles: RoleMapping,
	dateFormat?: DateFormat,
	timeZone?: string,
	orderRules?: OrderRules
): TxMapping {
	const col = (name: string | undefined) => columnByName(sniff.columns, name);
	const found = dateFormat ?? dateFormatFor(col(roles.date)) ?? DEFAULT_DATE_FORMAT;
	const df = withTimeZone(found, timeZone);
	const nf = (name: string | undefined) => col(name)?.number?.format;
	const paid = roles.paid ? (dateFormat ?? dateFormatFor(col(roles.paid)) ?? found) : undefined;
	return {
		roles,
		dateFormat: df,
		...(timeZone ? { timeZone } : {}),
		numberFormats: {
			amount: nf(roles.amount),
			quantity: nf(roles.quantity),
			price: nf(roles.price),
			cost: nf(roles.cost),
			...(roles.refund ? { refund: nf(roles.refund) } : {}),
			...(roles.postage ? { postage: nf(roles.postage) } : {})
		},
		...(paid ? { paidFormat: withTimeZone(paid, timeZone) } : {}),
		...(orderRules ? { orderRules } : {})
	};
}
