import { ident, join, sql, type Sql } from './sql.ts';

/** The per-customer RFM output columns: a contract the CLI's users rely on. Extend only at the end. */
export const RFM_COLUMNS = ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_score', 'segment'] as const;

/** CASE mapping segment ids to display names (an id not listed stays as it is). */
export function segmentLabelSql(names: Record<string, string>, column = 'segment'): Sql {
	const entries = Object.entries(names);
	const col = ident(column);
	if (entries.length === 0) return col;
	return sql`CASE ${col} ${join(entries.map(([id, name]) => sql`WHEN ${id} THEN ${name}`), ' ')} ELSE ${col} END`;
}
