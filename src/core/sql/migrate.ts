import type { SegmentSet } from '../segments/rules.ts';
import { segmentLabelSql } from './rfm-columns.ts';
import { ident, join, lit, sql, type Sql } from './sql.ts';

/** The CLI's per-customer migration output: a contract its users rely on. Extend only at the end. */
export const MIGRATE_COLUMNS = ['customer_id', 'segment_from', 'segment_to'] as const;

/** Columns of the fallen-customers list (the page's grid and its CSV). */
export const FALLEN_COLUMNS = ['customer_id', 'segment_from', 'segment_to', 'rfm_score_from', 'rfm_score_to', 'monetary_from', 'monetary_to'] as const;
export type FallenColumn = (typeof FALLEN_COLUMNS)[number];

/**
 * Segment migration between two as-of dates computed from the same transactions. `from` and
 * `to` are segment tables (segmentSql) at the earlier and the later date. A customer without
 * purchases by the earlier date has segment_from NULL (a new customer).
 */
export function transitionsSql(o: { from: string; to: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT coalesce(t.customer_id, f.customer_id) AS customer_id, f.segment AS segment_from, t.segment AS segment_to,
			f.rfm_score AS rfm_score_from, t.rfm_score AS rfm_score_to, f.monetary AS monetary_from, t.monetary AS monetary_to
		FROM ${ident(o.from)} AS f FULL OUTER JOIN ${ident(o.to)} AS t ON f.customer_id = t.customer_id`;
}

export interface TransitionRow {
	/** NULL: customers new since the earlier date. */
	segment_from: string | null;
	segment_to: string | null;
	customers: number;
	/** customers ÷ all customers with the same segment_from (a row of the matrix sums to 1). */
	row_share: number;
	[k: string]: string | number | null;
}

/** The transition matrix as long rows: counts and row percentages (shares). */
export function transitionMatrixSql(transitions: string): Sql {
	return sql`SELECT segment_from, segment_to, CAST(count(*) AS INTEGER) AS customers,
			count(*) / sum(count(*)) OVER (PARTITION BY segment_from) AS row_share
		FROM ${ident(transitions)}
		GROUP BY segment_from, segment_to
		ORDER BY segment_from NULLS FIRST, segment_to NULLS FIRST`;
}

/**
 * Customers who fell from a valuable segment to an at-risk one (lists from the rule set, or given).
 * Sorted by their earlier monetary value, largest first: the ones most worth winning back.
 */
export function fallenSql(o: {
	transitions: string;
	set?: SegmentSet;
	valuable?: readonly string[];
	atRisk?: readonly string[];
}): Sql {
	const valuable = o.valuable ?? o.set?.valuable ?? [];
	const atRisk = o.atRisk ?? o.set?.atRisk ?? [];
	const inList = (c: Sql, ids: readonly string[]) =>
		ids.length ? sql`${c} IN (${join(ids.map((id) => lit(id)))})` : sql`FALSE`;
	return sql`SELECT customer_id, segment_from, segment_to, rfm_score_from, rfm_score_to, monetary_from, monetary_to
		FROM ${ident(o.transitions)}
		WHERE ${inList(sql`segment_from`, valuable)} AND ${inList(sql`segment_to`, atRisk)}
		ORDER BY monetary_from DESC, customer_id`;
}

/** How many customers fell from a valuable segment to an at-risk one. */
export function fallenCountSql(o: { transitions: string; set: SegmentSet }): Sql {
	return sql`SELECT CAST(count(*) AS INTEGER) AS n FROM (${fallenSql(o)})`;
}

/**
 * The fallen customers with segment names, columns FALLEN_COLUMNS (stable ids: the grid heads them in the
 * UI language, the CSV keeps them).
 */
export function fallenListSql(o: { transitions: string; set: SegmentSet; names: Record<string, string> }): Sql {
	const f = fallenSql({ transitions: o.transitions, set: o.set });
	return sql`SELECT customer_id, ${segmentLabelSql(o.names, 'segment_from')} AS segment_from, ${segmentLabelSql(o.names, 'segment_to')} AS segment_to,
			rfm_score_from, rfm_score_to, monetary_from, monetary_to
			FROM (${f}) ORDER BY monetary_from DESC, customer_id`;
}

/** The CLI's output (MIGRATE_COLUMNS): each customer's segment at both dates, by name. */
export function migrateOutputSql(o: { transitions: string; names: Record<string, string> }): Sql {
	const name = (c: 'segment_from' | 'segment_to') => sql`${segmentLabelSql(o.names, c)} AS ${ident(c)}`;
	return sql`SELECT customer_id, ${name('segment_from')}, ${name('segment_to')} FROM ${ident(o.transitions)} ORDER BY customer_id`;
}
