import { EXCEL_EPOCH_OFFSET_DAYS, type NumericDateKind, type ZoneSegment } from '../csv/numeric-dates.ts';
import { ident, join, lit, sql, type Sql } from './sql.ts';

/**
 * A text column of Unix seconds / milliseconds / Excel serials parsed as a naive TIMESTAMP; NULL when
 * the value is not a plain number. Mirrors numericDateToMs(). With `zone` (from zoneSegments), Unix
 * times become wall times in that zone; Excel serials are wall times already and ignore it.
 */
export function numericDateExpr(col: string, kind: NumericDateKind, zone?: readonly ZoneSegment[]): Sql {
	const v = sql`trim(${ident(col)})`;
	const num = sql`(CASE WHEN regexp_full_match(${v}, '\d+(\.\d+)?') THEN TRY_CAST(${v} AS DOUBLE) END)`;
	const ms =
		kind === 'unix-s'
			? sql`round(${num} * 1000)`
			: kind === 'unix-ms'
				? sql`round(${num})`
				: sql`round((${num} - ${EXCEL_EPOCH_OFFSET_DAYS}) * 86400000)`;
	const utc = sql`TRY_CAST(${ms} AS BIGINT)`;
	const local = kind === 'excel-serial' || !zone || zone.length === 0 ? utc : sql`(${utc} + ${offsetCase(utc, zone)})`;
	return sql`epoch_ms(${local})`;
}

function offsetCase(ms: Sql, zone: readonly ZoneSegment[]): Sql {
	if (zone.length === 1) return lit(zone[0]!.offsetMs);
	// Latest period first: the first WHEN that holds is the period the instant falls in.
	const arms = [...zone]
		.reverse()
		.map((s) => (s.fromMs === null ? sql`ELSE ${s.offsetMs}` : sql`WHEN ${ms} >= ${s.fromMs} THEN ${s.offsetMs}`));
	return sql`(CASE ${join(arms, ' ')} END)`;
}
