/** Mapped columns checked on the whole file: unreadable and empty values, with the first bad row. */
import { blankSql } from './trim.ts';
import { ident, raw, sql, type Sql } from './sql.ts';

export interface RoleCheck {
	role: string;
	column: string;
	/** Non-empty values that could not be read. */
	bad: number;
	empty: number;
	total: number;
	firstBadRow: number | null;
	firstBadValue: string | null;
}

/**
 * One column's check, as a RoleCheck row: unreadable (non-empty, parsed NULL) and empty values, with
 * the first bad row and value. `parsed` is the column read as its type (NULL: any text is fine).
 */
export function columnCheckSql(o: { source: string; role: string; column: string; parsed: Sql | null }): Sql {
	const c = ident(o.column);
	const emptyCond = blankSql(c);
	const badCond = o.parsed ? sql`(NOT ${emptyCond} AND ${o.parsed} IS NULL)` : raw('FALSE');
	return sql`SELECT ${o.role} AS role, ${o.column} AS "column",
			count(*) FILTER (WHERE ${badCond}) AS bad, count(*) FILTER (WHERE ${emptyCond}) AS empty, count(*) AS total,
			min(rowid + 1) FILTER (WHERE ${badCond}) AS "firstBadRow",
			arg_min(${c}, rowid) FILTER (WHERE ${badCond}) AS "firstBadValue"
			FROM ${ident(o.source)}`;
}
