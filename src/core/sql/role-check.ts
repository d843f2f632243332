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

/** How a checked column is read: its cell cleaned (`clean`, on the raw cell), then parsed (`parse`, on the cleaned value). */
export interface CellParse {
	clean: (cell: Sql) => Sql;
	parse: (cleaned: Sql) => Sql;
}

/**
 * One column's check, as a RoleCheck row: unreadable (non-empty, parsed NULL) and empty values, with
 * the first bad row and value. `parsed` reads the column as its type (null: any text is fine). The
 * cell is cleaned once in a subquery and parsed from there: the parsing names its input about ten
 * times, and the cleaning written out each time (numberExpr() inline, three times over) made the
 * sample's touchpoint check 57 kB of SQL, ≈ 1.4 s for DuckDB-WASM to plan.
 */
export function columnCheckSql(o: { source: string; role: string; column: string; parsed: CellParse | null }): Sql {
	const c = ident(o.column);
	const cells = o.parsed
		? sql`(SELECT r, c, e, (NOT e AND ${o.parsed.parse(raw('t'))} IS NULL) AS bad
			FROM (SELECT rowid AS r, ${c} AS c, ${blankSql(c)} AS e, ${o.parsed.clean(c)} AS t FROM ${ident(o.source)}) AS a)`
		: sql`(SELECT rowid AS r, ${c} AS c, ${blankSql(c)} AS e, FALSE AS bad FROM ${ident(o.source)})`;
	return sql`SELECT ${o.role} AS role, ${o.column} AS "column",
			count(*) FILTER (WHERE bad) AS bad, count(*) FILTER (WHERE e) AS empty, count(*) AS total,
			min(r + 1) FILTER (WHERE bad) AS "firstBadRow",
			arg_min(c, r) FILTER (WHERE bad) AS "firstBadValue"
			FROM ${cells} AS cells`;
}
