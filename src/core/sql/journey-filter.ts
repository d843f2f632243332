/**
 * The journey's customer filter (pure): the touchpoint table narrowed to the customers of one RFM
 * segment or value quadrant, the table without its channel column, and value lists for the choices.
 */
import { ident, sql, type Sql } from './sql.ts';

/**
 * The events of the customers whose `column` in a customer table (the RFM table's segment, the value
 * matrix's quadrant) equals `value`: whole customers, so `seq` stays valid.
 */
export function customerEventsSql(o: { source: string; target: string; table: string; column: string; value: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT * FROM ${ident(o.source)}
		WHERE customer_id IN (SELECT customer_id FROM ${ident(o.table)} WHERE CAST(${ident(o.column)} AS VARCHAR) = ${o.value}) ORDER BY customer_id, seq`;
}

/** The events with the channel column emptied, so the editable touchpoint → channel table decides. */
export function withoutChannelSql(o: { source: string; target: string }): Sql {
	return sql`CREATE OR REPLACE VIEW ${ident(o.target)} AS SELECT * REPLACE (CAST(NULL AS VARCHAR) AS channel) FROM ${ident(o.source)}`;
}

/** Distinct non-empty values of a text column (event or RFM table), most frequent first. */
export function valuesByCountSql(o: { table: string; column: string; limit?: number }): Sql {
	return sql`SELECT ${ident(o.column)} AS value, CAST(count(*) AS INTEGER) AS events FROM ${ident(o.table)}
		WHERE ${ident(o.column)} IS NOT NULL GROUP BY ALL ORDER BY events DESC, value LIMIT ${o.limit ?? 100}`;
}

/** A customer filter of the journey view: '' (everyone), 'segment:<id>' or 'quadrant:<id>'. */
export type CustomerFilter = { kind: 'segment' | 'quadrant'; value: string } | null;

export function parseFilter(f: string): CustomerFilter {
	const m = /^(segment|quadrant):(.+)$/s.exec(f);
	return m ? { kind: m[1] as 'segment' | 'quadrant', value: m[2]! } : null;
}

export function filterKey(kind: 'segment' | 'quadrant', value: string): string {
	return `${kind}:${value}`;
}
