import { dateFormatByName, dateFormatFor, DATE_FORMAT_NAMES } from '../core/csv/date-choice.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import { canonicalZone, localTimeZone, withTimeZone } from '../core/csv/time-zones.ts';
import { ClienteleError } from '../core/errors.ts';
import { optionalString } from './options.ts';

/** How the date column is read: the format (undefined: detected) and the zone instants are shown in. */
export interface DateOptions {
	dateFormat?: DateFormat;
	timeZone: string;
}

/** The option specs of --date-format and --tz (every command reading a date column). */
export const DATE_OPTIONS = { tz: { type: 'string' }, 'date-format': { type: 'string' } } as const;

/** Their help lines. */
export const DATES_HELP = `  --date-format F     DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD …, unix-s, unix-ms or excel-serial (default: auto)
  --tz ZONE           IANA time zone for Unix times and timestamps with an offset (default: this machine's)`;

const ZONE_EXAMPLES = 'UTC, Asia/Shanghai, Asia/Hong_Kong, Europe/Berlin, America/New_York';

type Values = Record<string, string | boolean | undefined>;

/** --tz ZONE (default: this machine's zone) and --date-format FORMAT (default: auto), validated. */
export function dateOptionsFrom(v: Values): DateOptions {
	const tz = optionalString(v, 'tz');
	const timeZone = tz === undefined ? localTimeZone() : canonicalZone(tz);
	if (timeZone === null) throw new ClienteleError('dates.cli.badZone', { value: tz ?? '', examples: ZONE_EXAMPLES });
	const name = optionalString(v, 'date-format');
	if (name === undefined || name.toLowerCase() === 'auto') return { timeZone };
	const dateFormat = dateFormatByName(name);
	if (!dateFormat) throw new ClienteleError('dates.cli.badFormat', { value: name, list: ['auto', ...DATE_FORMAT_NAMES].join(', ') });
	return { dateFormat, timeZone };
}

/**
 * The date format of a column of a touchpoint or survey file under --date-format and --tz, as for
 * transactions: the named format, else the sniffed one (Unix times and Excel serials included),
 * with instants shown in the zone. null when the column holds no dates.
 */
export function columnDateFormat(col: ColumnProfile | undefined, v: Values): DateFormat | null {
	const d = dateOptionsFrom(v);
	const f = d.dateFormat ?? dateFormatFor(col);
	return f && withTimeZone(f, d.timeZone);
}
