import { beforeAll, describe, expect, it } from 'vitest';
import { fallenSql, transitionMatrixSql } from '../../../src/core/sql/migrate.ts';
import type { SegmentSet } from '../../../src/core/segments/rules.ts';
import type { ScoringOptions } from '../../../src/core/segments/scoring.ts';
import { ident, raw, sql } from '../../../src/core/sql/sql.ts';
import { runMigration } from '../../../src/run/migrate.ts';
import { MIGRATION_TABLE } from '../../../src/run/tables.ts';
import { useDb } from '../../helpers/db.ts';

// The migration runner on DuckDB-WASM (moved from test/unit/core/rfm/rfm-methods.test.ts).
const db = useDb();

describe('segment migration', () => {
	const set: SegmentSet = {
		id: 'mig',
		valuable: ['vip'],
		atRisk: ['lapsed'],
		rules: [
			{ id: 'vip', r: [2, 2], f: [2, 2], m: [2, 2] },
			{ id: 'active', r: [2, 2], f: [1, 2], m: [1, 2] },
			{ id: 'lapsed', r: [1, 1], f: [1, 2], m: [1, 2] }
		]
	};
	// R: recent when fewer than 30 days; F: 2+ purchase days; M: 100 or more.
	const scoring: ScoringOptions = {
		method: 'thresholds',
		r: { thresholds: [30] },
		f: { thresholds: [2] },
		m: { thresholds: [100] }
	};
	beforeAll(async () => {
		await db.exec(
			raw(`CREATE OR REPLACE TABLE tx AS SELECT row_number() OVER () AS src_row, customer_id, NULL::VARCHAR AS order_id,
			CAST(ts AS TIMESTAMP) AS ts, amount FROM (VALUES
			('X', '2024-01-05', 100.0), ('X', '2024-01-20', 100.0),
			('Y', '2024-01-10', 50.0), ('Y', '2024-03-20', 30.0),
			('Z', '2024-03-25', 500.0),
			('W', '2023-12-01', 20.0),
			('V', '2024-01-15', 300.0), ('V', '2024-01-16', 10.0), ('V', '2024-03-10', 10.0)) AS t(customer_id, ts, amount)`)
		);
		await runMigration(db, {
			from: '2024-01-31',
			to: '2024-03-31',
			frequency: 'days',
			scoring,
			set
		});
	});
	it('per customer: segment at both dates (new customers have none at the earlier date)', async () => {
		const rows = (
			await db.query(
				sql`SELECT customer_id, segment_from, segment_to FROM ${ident(MIGRATION_TABLE)} ORDER BY customer_id`
			)
		).rows;
		expect(rows).toEqual([
			{ customer_id: 'V', segment_from: 'vip', segment_to: 'vip' },
			{ customer_id: 'W', segment_from: 'lapsed', segment_to: 'lapsed' },
			{ customer_id: 'X', segment_from: 'vip', segment_to: 'lapsed' },
			{ customer_id: 'Y', segment_from: 'active', segment_to: 'active' },
			{ customer_id: 'Z', segment_from: null, segment_to: 'active' }
		]);
	});
	it('transition matrix: counts and row shares', async () => {
		const rows = (await db.query(transitionMatrixSql(MIGRATION_TABLE))).rows;
		expect(rows).toEqual([
			{ segment_from: null, segment_to: 'active', customers: 1, row_share: 1 },
			{ segment_from: 'active', segment_to: 'active', customers: 1, row_share: 1 },
			{ segment_from: 'lapsed', segment_to: 'lapsed', customers: 1, row_share: 1 },
			{ segment_from: 'vip', segment_to: 'lapsed', customers: 1, row_share: 0.5 },
			{ segment_from: 'vip', segment_to: 'vip', customers: 1, row_share: 0.5 }
		]);
	});
	it('fell from valuable to at risk', async () => {
		const rows = (await db.query(fallenSql({ transitions: MIGRATION_TABLE, set }))).rows;
		expect(rows.map((r) => [r.customer_id, r.segment_from, r.segment_to, r.monetary_from])).toEqual(
			[['X', 'vip', 'lapsed', 200]]
		);
	});
	it('the later date must come after the earlier one', async () => {
		await expect(
			runMigration(db, { from: '2024-03-31', to: '2024-01-31', frequency: 'days', set })
		).rejects.toMatchObject({ code: 'rfm.migrationOrder' });
	});
});
