import { ident, lit, sql, type Sql } from './sql.ts';

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

/** One page of any SELECT, optionally sorted; the row order is stable (ties by the source order). */
export function pageSql(o: { source: Sql; offset: number; limit: number; sort?: GridSort | null }): Sql {
	if (!Number.isInteger(o.offset) || o.offset < 0) throw new Error(`bad page offset ${o.offset}`);
	if (!Number.isInteger(o.limit) || o.limit < 1) throw new Error(`bad page size ${o.limit}`);
	const order = o.sort
		? sql`ORDER BY ${ident(o.sort.column)} ${o.sort.desc ? sql`DESC` : sql`ASC`} NULLS LAST`
		: sql``;
	return sql`SELECT * FROM (${o.source}) AS grid_src ${order} LIMIT ${lit(o.limit)} OFFSET ${lit(o.offset)}`;
}
