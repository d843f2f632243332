import { ident, join, sql, type Sql } from './sql.ts';

/** The per-customer RFM output columns: a contract the CLI's users rely on. Extend only at the end. */
export const RFM_COLUMNS = ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_score', 'segment'] as const;

/**
 * The page's exports and `rfm --explain`: the contract's columns, then what the segment means and
 * the action recommended (right after `segment`, which is the last of RFM_COLUMNS).
 */
export const RFM_EXPLAIN_COLUMNS = [...RFM_COLUMNS, 'meaning', 'action'] as const;

/** Segment id → its meaning and recommended action, in one language. */
export type SegmentTexts = Record<string, { meaning: string; action: string }>;

/**
 * CASE mapping segment ids to display names (an id not listed stays as it is, or becomes
 * `otherwise` when given).
 */
export function segmentLabelSql(names: Record<string, string>, column = 'segment', otherwise?: Sql): Sql {
	const entries = Object.entries(names);
	const col = ident(column);
	const other = otherwise ?? col;
	if (entries.length === 0) return other;
	return sql`CASE ${col} ${join(entries.map(([id, name]) => sql`WHEN ${id} THEN ${name}`), ' ')} ELSE ${other} END`;
}

/** `meaning` and `action` columns from the segment id ('' for a segment nobody explained). */
export function segmentTextsSql(texts: SegmentTexts, column = 'segment'): Sql {
	const pick = (what: 'meaning' | 'action') =>
		segmentLabelSql(Object.fromEntries(Object.entries(texts).map(([id, t]) => [id, t[what]])), column, sql`''`);
	return sql`${pick('meaning')} AS meaning, ${pick('action')} AS action`;
}
