/**
 * Parse expressions: a text column read as a number, a date, an id, or the amount and cost of a
 * transactions mapping, exactly as the pure parsers in core/csv read them. Every import builder
 * (staging, quality, the grid's typed view, touchpoints, surveys) reads text cells through these.
 */
import { dateShape, type DateFormat } from '../csv/dates.ts';
import { GROUP_SPACES, groupedPattern, SPACE_CLASS, type NumberFormat } from '../csv/numbers.ts';
import type { RoleMapping } from '../csv/roles.ts';
import type { OrderRules } from '../import/order-rules.ts';
import { zonedDateOf } from './numeric-dates.ts';
import { cleanCellSql } from './order-rules.ts';
import { strptimeOf } from './strptime-dispatch.ts';
import { trimSql } from './trim.ts';
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';

/** Ends in a character TRY_CAST skips and trim() keeps (tab, line feed, vertical tab, form feed, carriage return). */
function endsInControlSpace(t: Sql): Sql {
	return join(
		[9, 10, 11, 12, 13].map((c) => sql`ends_with(${t}, chr(${c}))`),
		' OR '
	);
}

/**
 * A text column parsed as a number under the sniffed format; NULL when it is not a number. Mirrors
 * parseNumber() step by step: the same shape check (TRY_CAST alone also takes '1_000'), and a
 * parenthesised value is negated after parsing, so '(-5)' is 5 in both.
 */
export function numberExpr(col: string, f: NumberFormat, o: { fastPath?: boolean } = {}): Sql {
	return numberOf(cleanCellSql(ident(col)), f, o);
}

/**
 * numberExpr on a value already trimmed (`t`, named more than once: pass a column, not a long
 * expression). `cast` is TRY_CAST(t AS DOUBLE) when the caller computed it already.
 */
export function numberOf(t: Sql, f: NumberFormat, o: { fastPath?: boolean; cast?: Sql } = {}): Sql {
	let e: Sql = t;
	let paren: Sql | null = null;
	if (f.decorated) {
		const stripped = sql`regexp_replace(${e}, ${lit(`[¥￥$€£%${SPACE_CLASS}]|RMB|CNY|元`)}, '', 'gi')`;
		paren = sql`regexp_matches(${stripped}, '^\(.*\)$')`;
		e = sql`regexp_replace(${stripped}, '^\((.*)\)$', '\1')`;
	}
	// Each step names its input once or twice, so the expression stays small on wide files.
	// NBSP, narrow NBSP and thin space group digits like a space ('1\u00a0234,50').
	if (f.thousands === ' ') e = sql`translate(${e}, ${lit(GROUP_SPACES)}, '   ')`;
	if (f.thousands)
		e = sql`(CASE WHEN regexp_full_match(${e}, ${'[^' + f.thousands + ']*|' + groupedPattern(f)}) THEN replace(${e}, ${f.thousands}, '') END)`;
	if (f.decimal === ',') e = sql`replace(${e}, ',', '.')`;
	// TRY_CAST alone also takes '1_000'; '1e400' casts to infinity. parseNumber() takes neither.
	const num = sql`nullif(nullif((CASE WHEN regexp_full_match(${e}, '[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?') THEN TRY_CAST(${e} AS DOUBLE) END), 'inf'::DOUBLE), '-inf'::DOUBLE)`;
	const slow = paren ? sql`(${num} * CASE WHEN ${paren} THEN -1 ELSE 1 END)` : num;
	if (f.decimal !== '.' || o.fastPath === false) return slow;
	// Fast path, no regular expression (4× cheaper on plain numbers): what TRY_CAST reads as a finite
	// number is what the steps above would give, except '1_000' and values padded with tabs or newlines
	// (TRY_CAST skips them, trim() does not), which are sent down the slow path with everything else.
	const cast = o.cast ?? sql`TRY_CAST(${t} AS DOUBLE)`;
	return sql`(CASE WHEN ${t} = '' THEN NULL
		WHEN isfinite(${cast}) AND NOT contains(${t}, '_') AND ascii(${t}) > 32 AND NOT (${endsInControlSpace(t)}) THEN ${cast}
		ELSE ${slow} END)`;
}

/** A text column parsed as a TIMESTAMP with the sniffed strptime format(s); numbers and instants (a UTC offset) via zonedDateExpr. */
export function dateExpr(col: string, f: DateFormat): Sql {
	return dateOf(trimSql(ident(col)), f);
}

/**
 * dateExpr on a value already trimmed. Text is parsed only when it has the format's whole shape
 * (dateShape: what the JS matcher takes), so SQL and the sample's detection agree on every value.
 */
export function dateOf(t: Sql, f: DateFormat): Sql {
	const shape = f.numeric ? null : dateShape(f.label);
	// Several formats: each value tried only on those that could read it (strptime-dispatch.ts).
	const parsed = f.numeric || f.instant ? zonedDateOf(t, f) : strptimeOf(t, f.strptime);
	const full = shape ? sql`(CASE WHEN regexp_full_match(${t}, ${lit(shape)}) THEN ${parsed} END)` : parsed;
	const globs = isoFastGlobs(f);
	if (!globs.length) return full;
	return sql`(CASE WHEN ${join(globs.map((g) => sql`${t} GLOB ${lit(g)}`), ' OR ')} THEN TRY_CAST(${t} AS TIMESTAMP) ELSE ${full} END)`;
}

const DIGIT = '[0-9]';
const ISO_DAY = `${DIGIT.repeat(4)}-[01]${DIGIT}-[0-3]${DIGIT}`;
/** Hours 00–23 (DuckDB's cast reads 24:00:00 as the next day, strptime refuses it), minutes and seconds 00–59. */
const isoTimes = (sep: string) => [`[01]${DIGIT}`, `2[0-3]`].map((h) => `${ISO_DAY}${sep}${h}:[0-5]${DIGIT}:[0-5]${DIGIT}`);

/**
 * The usual ISO values with a cheap exact test: a strptime format of the YYYY-MM-DD label → the
 * GLOB patterns of its zero-padded values. On a value matching one, TRY_CAST(… AS TIMESTAMP) gives
 * what the shape check and try_strptime give (NULL for Feb 30 alike): both read the same fixed-width
 * fields, and every format the detection writes for this label either reads such a value the same
 * way or refuses it (test/unit/core/sql/date-fast-path.test.ts checks every field value). GLOB, not a
 * regular expression: ≈ 2× cheaper than the shape check, and the cast ≈ 2× cheaper than strptime.
 */
export const ISO_FAST: Readonly<Record<string, readonly string[]>> = {
	'%Y-%m-%d %H:%M:%S': isoTimes(' '),
	'%Y-%m-%dT%H:%M:%S': isoTimes('T'),
	'%Y-%m-%d': [ISO_DAY]
};

/** What the detection may write for the YYYY-MM-DD label (core/csv/dates.ts strptimeFormats). */
export const ISO_FORMATS: readonly string[] = ['T', ' '].flatMap((sep) => [`%Y-%m-%d${sep}%H:%M:%S.%f`, `%Y-%m-%d${sep}%H:%M:%S`, `%Y-%m-%d${sep}%H:%M`]).concat('%Y-%m-%d');

/** The fast-path patterns of a date format: none unless it is a YYYY-MM-DD text format made of ISO_FORMATS only. */
function isoFastGlobs(f: DateFormat): string[] {
	if (f.numeric || f.instant || f.label !== 'YYYY-MM-DD' || !f.strptime.every((s) => ISO_FORMATS.includes(s))) return [];
	return f.strptime.flatMap((s) => ISO_FAST[s] ?? []);
}

/**
 * Customer / order ids: trimmed text (trim() takes NBSP, U+202F and the other Unicode spaces too);
 * NUL bytes removed (the staging checks warn: core/sql/stage-guards.ts); '17850.0' (an id written by
 * a float-happy export) → '17850'; nothing left → NULL (a blank id). The one id cleaning of every import.
 */
export function idExpr(col: string): Sql {
	return idOf(cleanCellSql(ident(col)));
}

/** idExpr on a value already trimmed and unwrapped. */
export function idOf(t: Sql): Sql {
	// The NUL removal and the regular expression run only on the ids that need them (most have neither).
	const c = sql`(CASE WHEN contains(${t}, chr(0)) THEN trim(replace(${t}, chr(0), '')) ELSE ${t} END)`;
	return sql`nullif(CASE WHEN contains(${c}, '.') THEN regexp_replace(${c}, '^(\d+)\.0+$', '\1') ELSE ${c} END, '')`;
}

export interface TxMapping {
	roles: RoleMapping;
	/** Text format, or numbers (`numeric`); instants carry the zone they are shown in (`zone`). */
	dateFormat: DateFormat;
	/** The time zone chosen for instants (IANA name); absent: UTC. */
	timeZone?: string;
	numberFormats: Partial<Record<'amount' | 'quantity' | 'price' | 'cost' | 'refund' | 'postage', NumberFormat>>;
	/** The paid-date column's format (roles.paid; absent: dateFormat). */
	paidFormat?: DateFormat;
	/** Statuses excluded and how refunds are netted (core/import/order-rules.ts; absent: the defaults). */
	orderRules?: OrderRules;
}

/** Plain numbers: a dot for decimals, no grouping, no currency signs. */
export const PLAIN: NumberFormat = { decimal: '.', thousands: '', decorated: false };

export function amountExpr(m: TxMapping): Sql {
	const { roles } = m;
	if (roles.amount) return numberExpr(roles.amount, m.numberFormats.amount ?? PLAIN);
	if (roles.quantity && roles.price)
		return sql`(${numberExpr(roles.quantity, m.numberFormats.quantity ?? PLAIN)} * ${numberExpr(roles.price, m.numberFormats.price ?? PLAIN)})`;
	throw new Error('mapping needs an amount column, or quantity and unit price');
}

/** The cost of the line as a DOUBLE: NULL when no cost column is mapped or the value cannot be read. */
export function costExpr(m: TxMapping): Sql {
	return m.roles.cost ? numberExpr(m.roles.cost, m.numberFormats.cost ?? PLAIN) : raw('CAST(NULL AS DOUBLE)');
}
