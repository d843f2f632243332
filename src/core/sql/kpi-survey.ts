/**
 * The survey table of the KPI view joined to the RFM segment and the value quadrant of each
 * answering customer (pure). Table names come from the caller (run/tables.ts names them).
 */
import { idExpr } from './parse.ts';
import { ident, raw, sql, type Sql } from './sql.ts';

/** Column of the joined survey table holding the RFM segment id of the answering customer. */
export const SEGMENT_COL = '__segment';
/** Column of the joined survey table holding the value quadrant of the answering customer. */
export const QUADRANT_COL = '__quadrant';

/** A table with a value-matrix quadrant per customer_id, and the column holding the quadrant. */
export interface QuadrantSource {
	table: string;
	column: string;
}

/**
 * The raw survey table with two more columns: the RFM segment id and the value quadrant of the
 * answering customer (NULL when unknown or when the table is absent). Row order is kept.
 */
export function surveyJoinSql(o: { source: string; target: string; customer?: string; rfm: string | null; quadrant: QuadrantSource | null }): Sql {
	const cid = o.customer ? idExpr(o.customer) : raw('CAST(NULL AS VARCHAR)');
	const seg = o.rfm ? sql`(SELECT any_value(r.segment) FROM ${ident(o.rfm)} AS r WHERE r.customer_id = s.__cid)` : raw('CAST(NULL AS VARCHAR)');
	const quad = o.quadrant
		? sql`(SELECT CAST(any_value(q.${ident(o.quadrant.column)}) AS VARCHAR) FROM ${ident(o.quadrant.table)} AS q WHERE q.customer_id = s.__cid)`
		: raw('CAST(NULL AS VARCHAR)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * EXCLUDE (__cid, __row) FROM (
			SELECT s.*, ${seg} AS ${ident(SEGMENT_COL)}, ${quad} AS ${ident(QUADRANT_COL)}
			FROM (SELECT *, ${cid} AS __cid, rowid AS __row FROM ${ident(o.source)}) AS s
		) ORDER BY __row`;
}
