import type { DateFormat } from '../csv/dates.ts';
import { EXCEL_EPOCH_OFFSET_DAYS, type NumericDateKind, type ZoneSegment } from '../csv/numeric-dates.ts';
import { ident, lit, raw, sql, type Sql } from './sql.ts';
import { strptimeOf } from './strptime-dispatch.ts';
import { trimSql } from './trim.ts';

/**
 * A text column of Unix seconds / milliseconds / Excel serials parsed as a naive TIMESTAMP; NULL when
 * the value is not a plain number. Mirrors numericDateToMs(). With `zone` (from zoneSegments), Unix
 * times become wall times in that zone; Excel serials are wall times already and ignore it.
 */
export function numericDateExpr(col: string, kind: NumericDateKind, zone?: readonly ZoneSegment[]): Sql {
	return numericDateOf(trimSql(ident(col)), kind, zone);
}

/** numericDateExpr on a value already trimmed (`v`, named several times: pass a column). */
function numericDateOf(v: Sql, kind: NumericDateKind, zone?: readonly ZoneSegment[]): Sql {
	const num = sql`(CASE WHEN regexp_full_match(${v}, '\d+(\.\d+)?') THEN TRY_CAST(${v} AS DOUBLE) END)`;
	const ms =
		kind === 'unix-s'
			? sql`round(${num} * 1000)`
			: kind === 'unix-ms'
				? sql`round(${num})`
				: sql`round((${num} - ${EXCEL_EPOCH_OFFSET_DAYS}) * 86400000)`;
	const utc = sql`TRY_CAST(${ms} AS BIGINT)`;
	if (kind === 'excel-serial' || !zone || zone.length < 2) return wallTime(utc, kind === 'excel-serial' ? undefined : zone);
	// The period is found on the plain cast value (cheap, repeated in each comparison); where it is
	// not a number, the time above is NULL anyway.
	const key = sql`TRY_CAST(${v} AS DOUBLE)`;
	const perMs = kind === 'unix-s' ? 1000 : 1;
	return sql`epoch_ms(${utc} + ${offsetTree(key, zone, 0, zone.length, perMs)})`;
}

/**
 * A text column of timestamps with a UTC offset or Z (strptime %z) as a naive TIMESTAMP: the wall
 * time in `zone` (UTC without one). DuckDB's %z does not read Z, so Z becomes +00:00 first. With several
 * formats, read only values that passed the label's shape check (dateShape), as dateOf does: the dispatch's
 * tests for instants rely on it (strptime-dispatch.ts).
 */
export function offsetDateExpr(col: string, strptime: readonly string[], zone?: readonly ZoneSegment[]): Sql {
	return offsetDateOf(trimSql(ident(col)), strptime, zone);
}

function offsetDateOf(t: Sql, strptime: readonly string[], zone?: readonly ZoneSegment[]): Sql {
	const v = sql`regexp_replace(${t}, '[Zz]$', '+00:00')`;
	// Several formats: the value's shape picks the ones tried (strptime-dispatch.ts), tested before the Z rewrite.
	return wallTime(sql`epoch_ms(${strptimeOf(t, strptime, v)})`, zone);
}

/** A date column read as the format says: numbers, or text with an offset (the zone applies). */
export function zonedDateExpr(col: string, f: DateFormat): Sql {
	return zonedDateOf(trimSql(ident(col)), f);
}

/** zonedDateExpr on a value already trimmed. */
export function zonedDateOf(t: Sql, f: DateFormat): Sql {
	const segments = f.zone?.segments;
	if (f.numeric) return numericDateOf(t, f.numeric, segments);
	return offsetDateOf(t, f.strptime, segments);
}

/**
 * Epoch milliseconds (UTC, BIGINT) → the naive TIMESTAMP of the wall time in the zone's periods.
 * The instant is parsed once and named by a one-element lambda, so the comparisons below do not
 * repeat the parse.
 */
function wallTime(utcMs: Sql, zone: readonly ZoneSegment[] | undefined): Sql {
	if (!zone || zone.length === 0) return sql`epoch_ms(${utcMs})`;
	if (zone.length === 1) return sql`epoch_ms(${utcMs} + ${lit(zone[0]!.offsetMs)})`;
	const u = raw('utc_ms__');
	return sql`list_transform([${utcMs}], lambda utc_ms__: epoch_ms(${u} + ${offsetTree(u, zone, 0, zone.length)}))[1]`;
}

/**
 * The offset of the period an instant falls in, as nested CASEs splitting the periods in halves:
 * log₂(periods) comparisons per row (New York over 1970–2100 has ~260 periods: 9 comparisons).
 * `key` is the instant in units of `perMs` milliseconds.
 */
function offsetTree(key: Sql, zone: readonly ZoneSegment[], lo: number, hi: number, perMs = 1): Sql {
	if (hi - lo === 1) return lit(zone[lo]!.offsetMs);
	const mid = (lo + hi) >> 1;
	const from = (zone[mid]!.fromMs ?? 0) / perMs;
	return sql`(CASE WHEN ${key} >= ${from} THEN ${offsetTree(key, zone, mid, hi, perMs)} ELSE ${offsetTree(key, zone, lo, mid, perMs)} END)`;
}
