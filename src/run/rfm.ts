import { ClienteleError } from '../core/errors.ts';
import { buyersSql } from '../core/sql/as-of.ts';
import {
	rfmCustomersSql,
	rfmOutputSql,
	segmentSql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode
} from '../core/sql/rfm.ts';
import { rfmScoresSql, scoreBreaksSql, type BreakRow } from '../core/sql/rfm-score.ts';
import {
	customerCountSql,
	customerTableCheckSql,
	customerTableDefaultAsOfSql,
	customerTableSql,
	type CustomerTableMapping,
	type CustomerTableProblem
} from '../core/sql/rfm-customer-table.ts';
import { rfmListWhereSql, type RfmListFilter } from '../core/sql/rfm-list.ts';
import type { SegmentTexts } from '../core/sql/rfm-columns.ts';
import type { ScoringOptions } from '../core/segments/scoring.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import type { DbClient, Row } from '../db/client.ts';
import { RAW_TABLE, RFM_BASE, RFM_SCORES, RFM_TABLE, TX_TABLE } from './tables.ts';

/**
 * RFM, the one place it runs (the RFM view, the CLI's rfm command and the other analyses that join
 * its segments call these): transactions or a customer table → the per-customer table (RFM_BASE)
 * → scores (RFM_SCORES) → segments (RFM_TABLE, a view). Scoring and rule changes start from the
 * per-customer table; nothing rescans the transactions unless the base options change.
 */

/** How the per-customer table is built from transactions. */
export interface RfmBaseOptions {
	asOf: string;
	/** The analysis window's first day (YYYY-MM-DD, core/window); default: all history up to asOf. */
	start?: string;
	frequency: FrequencyMode;
	monetary?: MonetaryMode;
	returns?: ReturnsMode;
	cancelledPattern?: string;
}

export interface RfmRunOptions extends RfmBaseOptions {
	/** Scoring methods per dimension (default: quintiles by rank, as before). */
	scoring?: ScoringOptions;
	set: SegmentSet;
}

/** The per-customer table of the transactions into `target` (RFM_BASE, or a migration's own). */
export function baseStatement(o: RfmBaseOptions, target: string) {
	return rfmCustomersSql({
		tx: TX_TABLE,
		target,
		asOf: o.asOf,
		start: o.start,
		frequency: o.frequency,
		monetary: o.monetary,
		returns: o.returns,
		cancelledPattern: o.cancelledPattern
	});
}

/** Per-customer aggregate → scores → segments. Re-scoring: rescore(); re-segmenting: resegment(). */
export async function runRfm(db: DbClient, o: RfmRunOptions): Promise<void> {
	await db.exec(baseStatement(o, RFM_BASE));
	// Returns only (every amount ≤ 0): scoring F and M from 1 to 5 would rank nothing but refunds.
	const buyers = (await db.query<{ n: number }>(buyersSql(RFM_BASE))).rows[0]?.n ?? 0;
	if (buyers === 0) throw new ClienteleError('rfm.noPurchases');
	await rescore(db, { scoring: o.scoring, set: o.set });
}

/** Scores and segments from the per-customer table only: a method change never rescans transactions. */
export async function rescore(
	db: DbClient,
	o: { scoring?: ScoringOptions; set: SegmentSet }
): Promise<void> {
	await db.exec(rfmScoresSql({ source: RFM_BASE, target: RFM_SCORES, scoring: o.scoring }));
	await resegment(db, o.set);
}

/**
 * The segment table is a view over the scores: a rule change rewrites only its CASE, and every
 * reader (summary, plots, grid, other views) sees the new segments without a table rebuild.
 */
export async function resegment(db: DbClient, set: SegmentSet): Promise<void> {
	await db.exec(segmentSql({ scores: RFM_SCORES, target: RFM_TABLE, set, view: true }));
}

/** The bins the current scores used (bounds and customers per bin), for display. */
export async function rfmBreaks(db: DbClient, scoring?: ScoringOptions): Promise<BreakRow[]> {
	return (await db.query<BreakRow>(scoreBreaksSql({ scores: RFM_SCORES, scoring }))).rows;
}

/**
 * The per-customer result in the CLI's column order (RFM_COLUMNS), segment ids shown by
 * `segmentNames`; `filter`: only a segment's customers or a coverage group (the page's export);
 * `explain`: adds meaning and action after segment (RFM_EXPLAIN_COLUMNS).
 */
export async function rfmRows(
	db: DbClient,
	o: { segmentNames: Record<string, string>; filter?: RfmListFilter; explain?: SegmentTexts }
): Promise<Row[]> {
	const where = rfmListWhereSql({ scores: RFM_SCORES, filter: o.filter ?? null });
	return (await db.query(rfmOutputSql({ rfm: RFM_TABLE, segmentNames: o.segmentNames, where, explain: o.explain }))).rows;
}

/**
 * Builds the per-customer table from a loaded customer table (raw table) after checking it:
 * the first problem (unreadable number or date, duplicate id) is thrown as a ClienteleError.
 * Returns the as-of date used (default with a last-date column: the day after the latest date).
 */
export async function loadCustomerTable(
	db: DbClient,
	o: { fileName: string; mapping: CustomerTableMapping; asOf?: string; source?: string }
): Promise<{ asOf: string | null; customers: number }> {
	const source = o.source ?? RAW_TABLE;
	const problems = (
		await db.query<CustomerTableProblem>(customerTableCheckSql({ source, mapping: o.mapping }))
	).rows;
	const p = problems[0];
	if (p) {
		const params = {
			file: o.fileName,
			column: p.column,
			count: p.count,
			row: p.firstBadRow ?? 0,
			value: p.firstBadValue ?? ''
		};
		throw new ClienteleError(
			p.problem === 'duplicate' ? 'rfm.customerTableDuplicate' : 'rfm.customerTableBad',
			params
		);
	}
	let asOf = o.asOf ?? null;
	if (!asOf && o.mapping.lastDate)
		asOf =
			(
				await db.query<{ as_of: string | null }>(
					customerTableDefaultAsOfSql({ source, mapping: o.mapping })
				)
			).rows[0]?.as_of ?? null;
	if (o.mapping.lastDate && !asOf)
		throw new ClienteleError('mapping.noUsableRows', { file: o.fileName });
	await db.exec(
		customerTableSql({ source, target: RFM_BASE, mapping: o.mapping, asOf: asOf ?? undefined })
	);
	const n = (await db.query<{ n: number }>(customerCountSql(RFM_BASE))).rows[0]?.n ?? 0;
	if (n === 0) throw new ClienteleError('mapping.noUsableRows', { file: o.fileName });
	return { asOf, customers: n };
}
