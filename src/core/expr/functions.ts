/**
 * The functions of the computed-column language: argument types, result type and SQL. Names and
 * units are matched against these tables only; what reaches SQL is a constant of this file or a
 * compiled argument (built with ident()/lit()).
 */
import { lit, raw, sql, join, type Sql } from '../sql/sql.ts';
import type { ExprType } from './types.ts';

export interface Arg {
	sql: Sql;
	type: ExprType;
	/** The constant's value when the argument is a literal (units, decimals). */
	constant?: string | number;
	pos: number;
}

/** Expected argument types ('any': any type; 'same': one type shared by all such arguments). */
type Want = 'number' | 'text' | 'date' | 'bool' | 'any' | 'same';

export interface FunctionDef {
	min: number;
	max: number;
	/** Type wanted of argument i (the last repeats). */
	args: readonly Want[];
	result: ExprType | 'same';
	build: (args: readonly Arg[]) => Sql;
}

export const DATE_UNITS = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
export const MAX_DECIMALS = 10;

const part = (p: string) => (a: readonly Arg[]) => sql`CAST(date_part(${lit(p)}, ${a[0]!.sql}) AS DOUBLE)`;

/**
 * round(x[, n]): half away from zero on the decimal value shown (2.675 → 2.68, −2.5 → −3), by
 * rounding a DECIMAL(38,10) (DuckDB rounds decimals half away from zero); numbers too large for
 * it keep DuckDB's double rounding.
 */
function roundSql(a: readonly Arg[]): Sql {
	const x = a[0]!.sql;
	const n = lit(Number(a[1]?.constant ?? 0));
	return sql`(CASE WHEN abs(${x}) < 1e27 THEN CAST(round(CAST(${x} AS DECIMAL(38,10)), ${n}) AS DOUBLE) ELSE round(${x}, ${n}) END)`;
}

export const FUNCTIONS: Record<string, FunctionDef> = {
	if: { min: 3, max: 3, args: ['bool', 'same', 'same'], result: 'same', build: (a) => sql`(CASE WHEN ${a[0]!.sql} THEN ${a[1]!.sql} ELSE ${a[2]!.sql} END)` },
	round: { min: 1, max: 2, args: ['number', 'number'], result: 'number', build: roundSql },
	abs: { min: 1, max: 1, args: ['number'], result: 'number', build: (a) => sql`abs(${a[0]!.sql})` },
	date_diff: {
		min: 3,
		max: 3,
		args: ['text', 'date', 'date'],
		result: 'number',
		build: (a) => sql`CAST(date_diff(${lit(String(a[0]!.constant))}, ${a[1]!.sql}, ${a[2]!.sql}) AS DOUBLE)`
	},
	year: { min: 1, max: 1, args: ['date'], result: 'number', build: part('year') },
	month: { min: 1, max: 1, args: ['date'], result: 'number', build: part('month') },
	day: { min: 1, max: 1, args: ['date'], result: 'number', build: part('day') },
	hour: { min: 1, max: 1, args: ['date'], result: 'number', build: part('hour') },
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: { min: 1, max: 1, args: ['date'], result: 'number', build: part('isodow') },
	concat: {
		min: 1,
		max: 100,
		args: ['any'],
		result: 'text',
		build: (a) => sql`concat(${join(a.map((x) => sql`CAST(${x.sql} AS VARCHAR)`))})`
	},
	coalesce: { min: 1, max: 100, args: ['same'], result: 'same', build: (a) => sql`coalesce(${join(a.map((x) => x.sql))})` },
	lower: { min: 1, max: 1, args: ['text'], result: 'text', build: (a) => sql`lower(${a[0]!.sql})` },
	upper: { min: 1, max: 1, args: ['text'], result: 'text', build: (a) => sql`upper(${a[0]!.sql})` },
	trim: { min: 1, max: 1, args: ['text'], result: 'text', build: (a) => sql`trim(${a[0]!.sql})` },
	length: { min: 1, max: 1, args: ['text'], result: 'number', build: (a) => sql`CAST(length(${a[0]!.sql}) AS DOUBLE)` }
};

/** `raw` is used for nothing user-typed here; re-exported so the compiler's NULL shares one spelling. */
export const NULL_SQL = raw('NULL');
