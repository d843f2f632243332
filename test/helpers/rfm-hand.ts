import { beforeAll } from 'vitest';
import { scoresSql } from '../../src/core/sql/rfm-score.ts';
import type { ScoringOptions } from '../../src/core/segments/scoring.ts';
import { raw, sql } from '../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../src/db/node.ts';
import { useDb } from './db.ts';

/** Scores per customer id: [R, F, M]. */
export type Scores = Record<string, [number, number, number]>;

/** The hand-checked customers of the `hand` table, as plain arrays for the pure reference. */
export const HAND = {
	ids: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
	r: [5, 10, 200, 300, 20, 30, 250, 400],
	f: [10, 1, 9, 1, 8, 2, 7, 2],
	m: [900, 800, 700, 600, 10, 20, 30, 40]
};

/**
 * The test file's DuckDB with the `hand` table (made before its tests), and `score`, which writes
 * `hand_scores` for the given options and returns the scores per customer.
 */
export function useHandDb(): {
	db: NodeDbClient;
	score: (scoring: ScoringOptions, source?: string) => Promise<Scores>;
} {
	const db = useDb();
	beforeAll(async () => {
		// Eight hand-made customers, one per class of the Chinese 8-class model (means: R 151.875, F 5, M 387.5).
		await db.exec(
			raw(`CREATE TABLE hand AS SELECT * FROM (VALUES
			('A', 5, 10, 900.0), ('B', 10, 1, 800.0), ('C', 200, 9, 700.0), ('D', 300, 1, 600.0),
			('E', 20, 8, 10.0), ('F', 30, 2, 20.0), ('G', 250, 7, 30.0), ('H', 400, 2, 40.0))
			AS t(customer_id, recency_days, frequency, monetary)`)
		);
		await db.exec(
			raw(`ALTER TABLE hand ADD COLUMN first_ts TIMESTAMP; ALTER TABLE hand ADD COLUMN last_ts TIMESTAMP;
			ALTER TABLE hand ADD COLUMN prospect BOOLEAN DEFAULT FALSE`)
		);
	});
	async function score(scoring: ScoringOptions, source = 'hand'): Promise<Scores> {
		await db.exec(scoresSql({ source, target: 'hand_scores', scoring }));
		const rows = (
			await db.query<{ customer_id: string; r_score: number; f_score: number; m_score: number }>(
				sql`SELECT customer_id, r_score, f_score, m_score FROM hand_scores ORDER BY customer_id`
			)
		).rows;
		return Object.fromEntries(rows.map((r) => [r.customer_id, [r.r_score, r.f_score, r.m_score]]));
	}
	return { db, score };
}
