import { ClienteleError } from '../core/errors.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import type { ScoringOptions } from '../core/segments/scoring.ts';
import {
	fallenCountSql,
	fallenListSql,
	migrateOutputSql,
	transitionMatrixSql,
	transitionsSql,
	type TransitionRow
} from '../core/sql/migrate.ts';
import { segmentSql } from '../core/sql/rfm.ts';
import { rfmScoresSql } from '../core/sql/rfm-score.ts';
import type { DbClient, Row } from '../db/client.ts';
import { baseStatement, type RfmBaseOptions } from './rfm.ts';
import { MIGRATION_STEPS, MIGRATION_TABLE } from './tables.ts';

/**
 * Segment migration, the one place it runs (the migration view and the CLI's migrate command):
 * RFM segments at two as-of dates from the same transactions, and each customer's pair of
 * segments in MIGRATION_TABLE.
 */

export interface MigrateOptions extends Omit<RfmBaseOptions, 'asOf'> {
	/** The earlier and the later as-of date (YYYY-MM-DD). */
	from: string;
	to: string;
	scoring?: ScoringOptions;
	set: SegmentSet;
}

/**
 * Segments at two as-of dates (each scored on its own date's customers) and the per-customer
 * transitions in MIGRATION_TABLE. Leaves the current RFM tables alone.
 */
export async function runMigration(db: DbClient, o: MigrateOptions): Promise<void> {
	if (!(o.from < o.to)) throw new ClienteleError('rfm.migrationOrder', { from: o.from, to: o.to });
	for (const tag of ['from', 'to'] as const) {
		const t = MIGRATION_STEPS[tag];
		await db.exec(baseStatement({ ...o, asOf: o[tag] }, t.base));
		await db.exec(rfmScoresSql({ source: t.base, target: t.scores, scoring: o.scoring }));
		await db.exec(segmentSql({ scores: t.scores, target: t.segments, set: o.set }));
	}
	await db.exec(
		transitionsSql({
			from: MIGRATION_STEPS.from.segments,
			to: MIGRATION_STEPS.to.segments,
			target: MIGRATION_TABLE
		})
	);
}

/** The transition matrix (long rows) and how many customers fell from valuable to at risk. */
export async function migrationSummary(
	db: DbClient,
	set: SegmentSet
): Promise<{ matrix: TransitionRow[]; fallen: number }> {
	const [matrix, fallen] = await Promise.all([
		db.query<TransitionRow>(transitionMatrixSql(MIGRATION_TABLE)),
		db.query<{ n: number }>(fallenCountSql({ transitions: MIGRATION_TABLE, set }))
	]);
	return { matrix: matrix.rows, fallen: fallen.rows[0]?.n ?? 0 };
}

/** The fallen customers (FALLEN_COLUMNS), segment ids shown by `names`. */
export async function fallenRows(
	db: DbClient,
	o: { set: SegmentSet; names: Record<string, string> }
): Promise<Row[]> {
	return (await db.query(fallenListSql({ transitions: MIGRATION_TABLE, ...o }))).rows;
}

/** The CLI's output (MIGRATE_COLUMNS) by customer id, segment ids shown by `names`. */
export async function migrationRows(db: DbClient, names: Record<string, string>): Promise<Row[]> {
	return (await db.query(migrateOutputSql({ transitions: MIGRATION_TABLE, names }))).rows;
}
