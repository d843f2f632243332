import { ident, sql, type Sql } from './sql.ts';

/**
 * Rows per day of a transactions table (day YYYY-MM-DD, rows): what the default as-of date and its
 * stray rule (core/as-of.ts) read — a few thousand days, never the rows themselves.
 */
export function dayCountsSql(tx: string): Sql {
	// Grouped by the date, formatted per day: formatting every row first cost 103 ms natively / 167 ms
	// in the page at 1M rows, on the way to every RFM view.
	return sql`SELECT strftime(d, '%Y-%m-%d') AS day, "rows" FROM (
			SELECT CAST(ts AS DATE) AS d, CAST(count(*) AS INTEGER) AS "rows" FROM ${ident(tx)} WHERE ts IS NOT NULL GROUP BY d
		) ORDER BY 1`;
}

/** The first rows (src_row, ts) dated after `cutoff` (a YYYY-MM-DD literal), for the stray report. */
export function rowsAfterSql(tx: string, cutoff: Sql, limit: number): Sql {
	return sql`SELECT src_row AS "row", strftime(ts, '%Y-%m-%d') AS day FROM ${ident(tx)}
		WHERE CAST(ts AS DATE) > ${cutoff} ORDER BY src_row LIMIT ${limit}`;
}

/** Customers with a positive total in a per-customer RFM table (n): none means the file holds no purchase. */
export function buyersSql(base: string): Sql {
	return sql`SELECT CAST(count(*) FILTER (WHERE monetary > 0) AS INTEGER) AS n FROM ${ident(base)}`;
}
