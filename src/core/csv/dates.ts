/**
 * Date-format detection from sample values. Each candidate pairs a DuckDB strptime format with a
 * JS matcher that accepts exactly what that format accepts (non-padded day/month allowed, as in
 * DuckDB). A format is chosen when it parses every non-empty sample value; day/month order is
 * decided from values with a part above 12.
 */
import type { NumericDateKind, ZoneSegment } from './numeric-dates.ts';

export interface DateFormat {
	/** DuckDB strptime format(s), tried in order. */
	strptime: string[];
	/** Human label, e.g. 'YYYY-MM-DD HH:MM:SS'. */
	label: string;
	/** true when the format has no time part. */
	dateOnly: boolean;
	/** Numbers, not text: Unix seconds / milliseconds or Excel serials (`strptime` is then empty). */
	numeric?: NumericDateKind;
	/** The text carries a UTC offset or Z (strptime %z): the values are instants, not wall times. */
	instant?: boolean;
	/** The zone instants (Unix times, `instant` text) are shown in, with its UTC-offset periods. */
	zone?: { name: string; segments: readonly ZoneSegment[] };
}

interface Candidate {
	label: string;
	re: RegExp;
	order: 'ymd' | 'dmy' | 'mdy';
	date: string;
	/** A time and a UTC offset (+08:00, +0800, +08 or Z) are required: the values are instants. */
	zoned?: boolean;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?`;

/**
 * A required time with a UTC offset; group 8 is the offset. A space may come before a numeric offset
 * (Shopify writes `2025-01-04 19:01:38 -0500`).
 */
const ZONED_TIME = String.raw`[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?| [+-]\d{2}(?::?\d{2})?)`;

const CANDIDATES: Candidate[] = [
	{ label: 'YYYY-MM-DD', re: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})` + TIME + '$'), order: 'ymd', date: '%Y-%m-%d' },
	{ label: 'YYYY-MM-DDTHH:MM:SS±HH:MM', re: new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})` + ZONED_TIME + '$'), order: 'ymd', date: '%Y-%m-%d', zoned: true },
	{ label: 'YYYY/MM/DD', re: new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})` + TIME + '$'), order: 'ymd', date: '%Y/%m/%d' },
	{ label: 'YYYY.MM.DD', re: new RegExp(String.raw`^(\d{4})\.(\d{1,2})\.(\d{1,2})` + TIME + '$'), order: 'ymd', date: '%Y.%m.%d' },
	{ label: 'YYYY年MM月DD日', re: new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日` + TIME + '$'), order: 'ymd', date: '%Y年%m月%d日' },
	{ label: 'YYYYMMDD', re: new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})$`), order: 'ymd', date: '%Y%m%d' },
	{ label: 'DD.MM.YYYY', re: new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})` + TIME + '$'), order: 'dmy', date: '%d.%m.%Y' },
	{ label: 'DD/MM/YYYY', re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})` + TIME + '$'), order: 'dmy', date: '%d/%m/%Y' },
	{ label: 'MM/DD/YYYY', re: new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})` + TIME + '$'), order: 'mdy', date: '%m/%d/%Y' },
	{ label: 'DD-MM-YYYY', re: new RegExp(String.raw`^(\d{1,2})-(\d{1,2})-(\d{4})` + TIME + '$'), order: 'dmy', date: '%d-%m-%Y' }
];

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface Parsed {
	y: number;
	m: number;
	d: number;
	hasTime: boolean;
	hasSeconds: boolean;
	hasFraction: boolean;
	sepT: boolean;
	/** A space before the UTC offset (`… 19:01:38 -0500`). */
	spaceZ: boolean;
}

function match(c: Candidate, v: string): Parsed | null {
	const g = c.re.exec(v);
	if (!g) return null;
	const a = Number(g[1]);
	const b = Number(g[2]);
	const e = Number(g[3]);
	const [y, m, d] = c.order === 'ymd' ? [a, b, e] : c.order === 'dmy' ? [e, b, a] : [e, a, b];
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
	const hasTime = g[4] !== undefined;
	if (hasTime && (Number(g[4]) > 23 || Number(g[5]) > 59 || Number(g[6] ?? 0) > 59)) return null;
	const spaceZ = c.zoned === true && (g[8] ?? '').startsWith(' ');
	if (c.zoned && !validOffset((g[8] ?? '').trim())) return null;
	return { y, m, d, hasTime, hasSeconds: g[6] !== undefined, hasFraction: g[7] !== undefined, sepT: hasTime && v.includes('T'), spaceZ };
}

/** Z, or ±HH[[:]MM] within ±14:00 (what strptime's %z reads). */
function validOffset(o: string): boolean {
	if (o === 'Z' || o === 'z') return true;
	const h = Number(o.slice(1, 3));
	const m = Number(o.slice(-2));
	return h <= 14 && (o.length === 3 || m <= 59);
}

/** One format per (separator, time precision) seen, so SQL parses every value the matcher took. */
function strptimeFormats(c: Candidate, seen: Parsed[]): string[] {
	const out: string[] = [];
	for (const sep of ['T', ' '])
		for (const spaceZ of [false, true]) {
			if (spaceZ && !c.zoned) continue;
			const z = c.zoned ? (spaceZ ? ' %z' : '%z') : '';
			const timed = seen.filter((p) => p.hasTime && p.sepT === (sep === 'T') && p.spaceZ === spaceZ);
			if (timed.some((p) => p.hasFraction)) out.push(`${c.date}${sep}%H:%M:%S.%f${z}`);
			if (timed.some((p) => p.hasSeconds && !p.hasFraction)) out.push(`${c.date}${sep}%H:%M:%S${z}`);
			if (timed.some((p) => !p.hasSeconds)) out.push(`${c.date}${sep}%H:%M${z}`);
		}
	if (seen.some((p) => !p.hasTime)) out.push(c.date);
	return out;
}

export interface DateDetection {
	format: DateFormat;
	/** Share of non-empty sample values that parse. */
	share: number;
	/** Day/month order could not be decided from the sample (all parts ≤ 12). */
	ambiguous: boolean;
}

/** Picks the date format that parses the most sample values (ties: the list order above). */
export function detectDateFormat(values: readonly string[]): DateDetection | null {
	const vals = values.map((v) => v.trim()).filter((v) => v !== '');
	if (vals.length === 0) return null;
	let best: { c: Candidate; parsed: Parsed[] } | null = null;
	for (const c of CANDIDATES) {
		const parsed = vals.map((v) => match(c, v)).filter((p): p is Parsed => p !== null);
		if (parsed.length > 0 && (!best || parsed.length > best.parsed.length)) best = { c, parsed };
	}
	if (!best) return null;
	const { c, parsed } = best;
	const ambiguous =
		(c.order === 'dmy' || c.order === 'mdy') &&
		c.date.includes('/') &&
		parsed.every((p) => p.d <= 12 && p.m <= 12);
	return {
		format: {
			strptime: strptimeFormats(c, parsed),
			label: c.label,
			dateOnly: parsed.every((p) => !p.hasTime),
			...(c.zoned ? { instant: true } : {})
		},
		share: parsed.length / vals.length,
		ambiguous
	};
}

/** Formats for the other day/month order (used when the user flips an ambiguous detection). */
export function swapDayMonth(f: DateFormat): DateFormat {
	const swap = (s: string) => s.replace('%d/%m', '%X/%Y_').replace('%m/%d', '%d/%m').replace('%X/%Y_', '%m/%d');
	const label = f.label === 'DD/MM/YYYY' ? 'MM/DD/YYYY' : f.label === 'MM/DD/YYYY' ? 'DD/MM/YYYY' : f.label;
	return { ...f, strptime: f.strptime.map(swap), label };
}

/** The text formats' labels, for a format named by the user (the CLI's --date-format). */
export const DATE_LABELS: readonly string[] = CANDIDATES.map((c) => c.label);

/** A text format by its label, reading any time part the values may have; null for an unknown label. */
export function dateFormatForLabel(label: string): DateFormat | null {
	const c = CANDIDATES.find((x) => x.label.toLowerCase() === label.trim().toLowerCase());
	if (!c) return null;
	if (c.label === 'YYYYMMDD') return { strptime: [c.date], label: c.label, dateOnly: true };
	const all: Parsed[] = [true, false].flatMap((sepT) =>
		[0, 1, 2].flatMap((k) =>
			[false, true].map((spaceZ) => ({ y: 0, m: 0, d: 0, hasTime: true, hasSeconds: k > 0, hasFraction: k > 1, sepT, spaceZ: spaceZ && c.zoned === true }))
		)
	);
	const seen = c.zoned ? all : [...all, { y: 0, m: 0, d: 0, hasTime: false, hasSeconds: false, hasFraction: false, sepT: false, spaceZ: false }];
	return { strptime: strptimeFormats(c, seen), label: c.label, dateOnly: false, ...(c.zoned ? { instant: true } : {}) };
}

/**
 * The whole shape a text format's values must have (the JS matcher's regular expression, RE2-compatible),
 * for SQL: DuckDB's strptime also takes a year of 1–3 digits ('24-01-05' is year 24), 7 digits for
 * %Y%m%d ('2024011') and a colon after %z ('+08:00:'), which the matcher refuses. null: an unknown label.
 */
export function dateShape(label: string): string | null {
	return CANDIDATES.find((x) => x.label === label)?.re.source ?? null;
}

/** A value read with a text format's day/month order: [year, month, day], or null when it does not fit. */
export function readDateParts(value: string, label: string): [number, number, number] | null {
	const c = CANDIDATES.find((x) => x.label === label);
	const p = c ? match(c, value.trim()) : null;
	return p ? [p.y, p.m, p.d] : null;
}
