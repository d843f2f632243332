import { ClienteleError } from '../core/errors.ts';
import {
	defaultAsOfSql,
	ntileScoresSql,
	rfmCustomersSql,
	segmentSql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode
} from '../core/sql/rfm.ts';
import { scoreBreaksSql, scoresSql, type BreakRow } from '../core/sql/rfm-score.ts';
import {
	customerTableCheckSql,
	customerTableDefaultAsOfSql,
	customerTableSql,
	type CustomerTableMapping,
	type CustomerTableProblem
} from '../core/sql/rfm-customer-table.ts';
import { transitionsSql } from '../core/sql/migrate.ts';
import type { ScoringOptions } from '../core/segments/scoring.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import { ident, sql } from '../core/sql/sql.ts';
import type { DbClient } from './client.ts';
import { RAW_TABLE, TX_TABLE } from '../run/tables.ts';

export const RFM_BASE = 'rfm_base';
export const RFM_SCORES = 'rfm_scores';
export const RFM_TABLE = 'rfm';
export const MIGRATION_TABLE = 'rfm_migration';

export async function defaultAsOf(
	db: DbClient,
	tx = TX_TABLE
): Promise<{ asOf: string; firstDay: string; stray: number; lastDay: string } | null> {
	const r = (
		await db.query<{ as_of: string | null; first_day: string | null; stray: number; last_day: string | null }>(
			defaultAsOfSql(tx)
		)
	).rows[0];
	return r?.as_of && r.first_day && r.last_day
		? { asOf: r.as_of, firstDay: r.first_day, stray: r.stray, lastDay: r.last_day }
		: null;
}

/** How the per-customer table is built from transactions. */
export interface RfmBaseOptions {
	asOf: string;
	frequency: FrequencyMode;
	monetary?: MonetaryMode;
	returns?: ReturnsMode;
	cancelledPattern?: string;
}

export interface RfmRunOptions extends RfmBaseOptions {
	/** Bins for every dimension (kept for callers of the first version; scoring.bins wins). */
	bins?: number;
	/** Scoring methods per dimension (default: quintiles by rank, as before). */
	scoring?: ScoringOptions;
	set: SegmentSet;
}

function baseSql(o: RfmBaseOptions, target: string) {
	return rfmCustomersSql({
		tx: TX_TABLE,
		target,
		asOf: o.asOf,
		frequency: o.frequency,
		monetary: o.monetary,
		returns: o.returns,
		cancelledPattern: o.cancelledPattern
	});
}

/** Per-customer aggregate → scores → segments. Re-scoring: rescore(); re-segmenting: resegment(). */
export async function runRfm(db: DbClient, o: RfmRunOptions): Promise<void> {
	await db.exec(baseSql(o, RFM_BASE));
	await rescore(db, { scoring: o.scoring, bins: o.bins, set: o.set });
}

/** Scores and segments from the per-customer table only: a method change never rescans transactions. */
export async function rescore(
	db: DbClient,
	o: { scoring?: ScoringOptions; bins?: number; set: SegmentSet }
): Promise<void> {
	await db.exec(
		o.scoring
			? scoresSql({
					source: RFM_BASE,
					target: RFM_SCORES,
					scoring: { ...o.scoring, bins: o.scoring.bins ?? o.bins }
				})
			: ntileScoresSql({ source: RFM_BASE, target: RFM_SCORES, bins: o.bins })
	);
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
	const n =
		(
			await db.query<{ n: number }>(
				sql`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(RFM_BASE)}`
			)
		).rows[0]?.n ?? 0;
	if (n === 0) throw new ClienteleError('mapping.noUsableRows', { file: o.fileName });
	return { asOf, customers: n };
}

export interface MigrationOptions extends Omit<RfmBaseOptions, 'asOf'> {
	/** The earlier and the later as-of date (YYYY-MM-DD). */
	from: string;
	to: string;
	bins?: number;
	scoring?: ScoringOptions;
	set: SegmentSet;
}

/**
 * Segments at two as-of dates from the same transactions (each scored on its own date's
 * customers) and the per-customer transitions in MIGRATION_TABLE. Leaves the current RFM tables alone.
 */
export async function runMigration(db: DbClient, o: MigrationOptions): Promise<void> {
	if (!(o.from < o.to)) throw new ClienteleError('rfm.migrationOrder', { from: o.from, to: o.to });
	for (const [asOf, tag] of [
		[o.from, 'from'],
		[o.to, 'to']
	] as const) {
		const base = `mig_base_${tag}`;
		const scores = `mig_scores_${tag}`;
		await db.exec(baseSql({ ...o, asOf }, base));
		await db.exec(
			o.scoring
				? scoresSql({
						source: base,
						target: scores,
						scoring: { ...o.scoring, bins: o.scoring.bins ?? o.bins }
					})
				: ntileScoresSql({ source: base, target: scores, bins: o.bins })
		);
		await db.exec(segmentSql({ scores, target: `mig_${tag}`, set: o.set }));
	}
	await db.exec(transitionsSql({ from: 'mig_from', to: 'mig_to', target: MIGRATION_TABLE }));
}
