import { ident, join, lit, sql, type Sql } from './sql.ts';

export interface GridSort {
	column: string;
	desc: boolean;
}

/** Row count of any SELECT. */
export function countSql(source: Sql): Sql {
	return sql`SELECT count(*) AS n FROM (${source}) AS grid_src`;
}

/** Column names and types of any SELECT, without running it over the data. */
export function describeSql(source: Sql): Sql {
	return sql`DESCRIBE ${source}`;
}

/**
 * One page of any SELECT, optionally sorted; the row order is stable (ties by the source order).
 * `columns`: only these (a wide grid reads the columns in view: core/grid/column-window.ts); the sort
 * may be on another.
 */
export function pageSql(o: { source: Sql; offset: number; limit: number; sort?: GridSort | null; columns?: readonly string[] | null }): Sql {
	if (!Number.isInteger(o.offset) || o.offset < 0) throw new Error(`bad page offset ${o.offset}`);
	if (!Number.isInteger(o.limit) || o.limit < 1) throw new Error(`bad page size ${o.limit}`);
	const order = o.sort
		? sql`ORDER BY ${ident(o.sort.column)} ${o.sort.desc ? sql`DESC` : sql`ASC`} NULLS LAST`
		: sql``;
	const cols = o.columns && o.columns.length > 0 ? join(o.columns.map((c) => ident(c))) : sql`*`;
	return sql`SELECT ${cols} FROM (${o.source}) AS grid_src ${order} LIMIT ${lit(o.limit)} OFFSET ${lit(o.offset)}`;
}
