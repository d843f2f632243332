import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../src/core/sql/sql.ts';
import { valueMatrixPointsSql, valueMatrixSql, valueMatrixSummarySql, type CurrentMeasure, type PotentialMeasure, type SplitRule } from '../../../../src/core/sql/value-matrix.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	// Five customers: revenue (2024) a 100, b 300, c 50, d 500, e none in 2024 (200 in 2023).
	await db.exec(sql`CREATE TABLE tx AS SELECT * FROM (VALUES
		('a', TIMESTAMP '2024-01-05', 100.0), ('b', TIMESTAMP '2024-02-01', 300.0), ('c', TIMESTAMP '2024-03-01', 50.0),
		('d', TIMESTAMP '2024-04-01', 500.0), ('e', TIMESTAMP '2023-06-01', 200.0)) t(customer_id, ts, amount)`);
	await db.exec(sql`CREATE TABLE clv AS SELECT * FROM (VALUES
		('a', 900.0, 0.9, 100.0, 3.0), ('b', 10.0, 0.2, 100.0, 0.5), ('c', 20.0, 0.5, 10.0, 1.0),
		('d', 800.0, 0.8, 200.0, 4.0), ('e', 700.0, 0.1, 50.0, 2.0), ('f', NULL, 1.0, NULL, 0.1)) t(customer_id, clv, p_alive, expected_avg_spend, expected_purchases)`);
	await db.exec(sql`CREATE TABLE rfm AS SELECT * FROM (VALUES ('a', 5, 4, 3), ('b', 1, 1, 1), ('c', 2, 2, 2), ('d', 5, 5, 5), ('e', 3, 3, 3)) t(customer_id, r_score, f_score, m_score)`);
});
afterAll(async () => {
	await db?.close();
});

const cases: { name: string; current: CurrentMeasure; potential: PotentialMeasure; split: SplitRule; want: Record<string, string> }[] = [
	{
		name: '2024 revenue × CLV at the medians (100, 700)',
		current: { kind: 'revenue', from: '2024-01-01', to: '2024-12-31' },
		potential: 'clv',
		split: { kind: 'median' },
		want: { a: 'core', b: 'general', c: 'low', d: 'core', e: 'potential' }
	},
	{
		name: 'all revenue × CLV at the means (230, 486)',
		current: { kind: 'revenue' },
		potential: 'clv',
		split: { kind: 'mean' },
		want: { a: 'potential', b: 'general', c: 'low', d: 'core', e: 'potential' }
	},
	{
		name: 'RFM score × P(alive)·spend at typed values (9, 50): at the split counts as high',
		current: { kind: 'rfm' },
		potential: 'alive-spend',
		split: { kind: 'values', current: 9, potential: 50 },
		want: { a: 'core', b: 'low', c: 'low', d: 'core', e: 'general' }
	}
];

describe('valueMatrixSql', () => {
	it.each(cases)('$name', async (c) => {
		await db.exec(valueMatrixSql({ tx: 'tx', clv: 'clv', rfm: 'rfm', target: 'vm', current: c.current, potential: c.potential, split: c.split }));
		const rows = (await db.query<{ customer_id: string; quadrant: string }>(sql`SELECT customer_id, quadrant FROM vm ORDER BY customer_id`)).rows;
		expect(Object.fromEntries(rows.map((r) => [r.customer_id, r.quadrant]))).toEqual(c.want);
	});

	it('summarises every quadrant in a fixed order, revenue and shares included', async () => {
		await db.exec(valueMatrixSql({ tx: 'tx', clv: 'clv', target: 'vm', current: { kind: 'revenue', from: '2024-01-01' }, potential: 'clv', split: { kind: 'median' } }));
		const rows = (await db.query(valueMatrixSummarySql('vm'))).rows;
		expect(rows.map((r) => [r.quadrant, r.customers, r.revenue])).toEqual([
			['core', 2, 600],
			['potential', 1, 0],
			['general', 1, 300],
			['low', 1, 50]
		]);
		expect(rows[0]?.revenue_share).toBeCloseTo(600 / 950, 12);
		expect((await db.query(valueMatrixPointsSql('vm', 3))).rows).toHaveLength(3);
	});

	it('rejects an RFM current value without an RFM table and non-finite typed splits', () => {
		expect(() => valueMatrixSql({ tx: 'tx', clv: 'clv', target: 'vm', current: { kind: 'rfm' }, potential: 'clv', split: { kind: 'median' } })).toThrow(/RFM/);
		expect(() => valueMatrixSql({ tx: 'tx', clv: 'clv', target: 'vm', current: { kind: 'revenue' }, potential: 'clv', split: { kind: 'values', current: NaN, potential: 1 } })).toThrow(/finite/);
	});
});
