/**
 * Small SQL builders of the KPI view (pure): which optional tables exist, a quadrant column, and
 * the survey table joined to the RFM segments and value quadrants of its customers.
 */
import { idExpr } from '../../core/sql/parse.ts';
import { ident, join, raw, sql, type Sql } from '../../core/sql/sql.ts';

export const SURVEY_JOINED = 'survey_k';
export const SEGMENT_COL = '__segment';
export const QUADRANT_COL = '__quadrant';
/** Tables with a value-matrix quadrant per customer_id, in order of preference. */
export const QUADRANT_TABLES = ['value_quadrants', 'value_matrix'] as const;

/** Names of the listed tables (or views) that exist. */
export function existingTablesSql(names: readonly string[]): Sql {
	return sql`SELECT DISTINCT table_name AS name FROM information_schema.tables WHERE table_name IN (${join(names.map((n) => sql`${n}`))})`;
}

/** The columns of a table, in order. */
export function columnsSql(table: string): Sql {
	return sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${table} ORDER BY ordinal_position`;
}

/** The quadrant column of value_quadrants: 'quadrant' when present, else the first text column that is not the id. */
export function pickQuadrantColumn(columns: readonly string[]): string | null {
	if (columns.includes('quadrant')) return 'quadrant';
	return columns.find((c) => c !== 'customer_id' && /quadrant|象限/i.test(c)) ?? null;
}

/**
 * The raw survey table with two more columns: the RFM segment id and the value quadrant of the
 * answering customer (NULL when unknown or when the table is absent). Row order is kept.
 */
export function surveyJoinSql(o: { source: string; target: string; customer?: string; rfm: boolean; quadrant: { table: string; column: string } | null }): Sql {
	const cid = o.customer ? idExpr(o.customer) : raw('CAST(NULL AS VARCHAR)');
	const seg = o.rfm ? sql`(SELECT any_value(r.segment) FROM rfm AS r WHERE r.customer_id = s.__cid)` : raw('CAST(NULL AS VARCHAR)');
	const quad = o.quadrant
		? sql`(SELECT CAST(any_value(q.${ident(o.quadrant.column)}) AS VARCHAR) FROM ${ident(o.quadrant.table)} AS q WHERE q.customer_id = s.__cid)`
		: raw('CAST(NULL AS VARCHAR)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * EXCLUDE (__cid, __row) FROM (
			SELECT s.*, ${seg} AS ${ident(SEGMENT_COL)}, ${quad} AS ${ident(QUADRANT_COL)}
			FROM (SELECT *, ${cid} AS __cid, rowid AS __row FROM ${ident(o.source)}) AS s
		) ORDER BY __row`;
}

/** First and last purchase day (YYYY-MM-DD) in the typed transactions, up to a last day. */
export function txRangeSql(o: { tx: string; last: string }): Sql {
	return sql`SELECT strftime(min(CAST(ts AS DATE)), '%Y-%m-%d') AS first_day FROM ${ident(o.tx)} WHERE amount > 0 AND CAST(ts AS DATE) <= CAST(${o.last} AS DATE)`;
}
