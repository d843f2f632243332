/** Margin as current value and any numeric per-customer column as potential value, run on DuckDB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasColumnSql, numericColumnsSql, resolvePotentialColumn, valueMatrixSql, type CurrentMeasure, type PotentialMeasure } from '../../../../src/core/sql/value-matrix.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	// A: margin 40 + 30 = 70 in 2024 (the 2023 line is outside the window); B: 100 − 90 = 10 and a line
	// without a cost (no margin); C: a loss (−20); D: bought only in 2023 → margin 0 in the window.
	await db.exec(sql`CREATE TABLE tx AS SELECT * FROM (VALUES
		(1, 'A', NULL, TIMESTAMP '2023-12-31 10:00', 500.0, 100.0),
		(2, 'A', NULL, TIMESTAMP '2024-01-10 09:00', 100.0, 60.0),
		(3, 'A', NULL, TIMESTAMP '2024-06-30 23:00', 50.0, 20.0),
		(4, 'B', NULL, TIMESTAMP '2024-02-01 12:00', 100.0, 90.0),
		(5, 'B', NULL, TIMESTAMP '2024-03-01 12:00', 300.0, NULL),
		(6, 'C', NULL, TIMESTAMP '2024-04-01 12:00', 80.0, 100.0),
		(7, 'D', NULL, TIMESTAMP '2023-05-01 12:00', 40.0, 10.0)
	) t(src_row, customer_id, order_id, ts, amount, cost)`);
	await db.exec(sql`CREATE TABLE clv AS SELECT * FROM (VALUES
		('A', 1, 5.0, 300.0, 0.9, 2.0, 0.0, 150.0, 270.0),
		('B', 1, 3.0, 200.0, 0.5, 1.0, 0.0, 200.0, 100.0),
		('C', 0, 0.0, 100.0, 0.2, 0.3, 0.0, 80.0, 5.0),
		('D', 0, 0.0, 300.0, 0.1, 0.1, 0.0, 40.0, 1.0)
	) t(customer_id, frequency, recency, "T", p_alive, expected_purchases, expected_holdout, expected_avg_spend, clv)`);
	await db.exec(sql`CREATE TABLE rfm AS SELECT * FROM (VALUES
		('A', 1, 3, 650.0, 5, 5, 5, 'champions'),
		('B', 120, 2, 400.0, 3, 4, 4, 'loyal'),
		('C', 90, 1, 80.0, 4, 1, 1, 'new'),
		('D', 430, 1, 40.0, 1, 1, 1, 'lost')
	) t(customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment)`);
});
afterAll(async () => {
	await db.close();
});

type Row = { customer_id: string; current_value: number; potential_value: number; quadrant: string; revenue: number };
async function matrix(current: CurrentMeasure, potential: PotentialMeasure, split = { kind: 'values' as const, current: 10, potential: 100 }): Promise<Row[]> {
	await db.exec(valueMatrixSql({ tx: 'tx', clv: 'clv', rfm: 'rfm', target: 'vm', current, potential, split }));
	return (await db.query<Row>(sql`SELECT customer_id, current_value, potential_value, quadrant, revenue FROM vm ORDER BY customer_id`)).rows;
}
const pick = (rows: Row[], k: keyof Row) => Object.fromEntries(rows.map((r) => [r.customer_id, r[k]]));
const Y2024: CurrentMeasure = { kind: 'margin', from: '2024-01-01', to: '2024-12-31' };

describe('valueMatrixSql: margin and column measures', () => {
	it.each([
		['margin in 2024 (hand-checked)', Y2024, { A: 70, B: 10, C: -20, D: 0 }, { A: 150, B: 400, C: 80, D: 0 }],
		['margin over all time', { kind: 'margin' } as CurrentMeasure, { A: 470, B: 10, C: -20, D: 30 }, { A: 650, B: 400, C: 80, D: 40 }],
		['revenue in 2024 (unchanged)', { kind: 'revenue', from: '2024-01-01', to: '2024-12-31' } as CurrentMeasure, { A: 150, B: 400, C: 80, D: 0 }, { A: 150, B: 400, C: 80, D: 0 }]
	])('%s', async (_name, current, expected, revenue) => {
		const rows = await matrix(current, 'clv');
		expect(pick(rows, 'current_value')).toEqual(expected);
		expect(pick(rows, 'revenue')).toEqual(revenue);
	});

	it('puts customers in quadrants by margin (≥ 10 high) and CLV (≥ 100 high)', async () => {
		expect(pick(await matrix(Y2024, 'clv'), 'quadrant')).toEqual({ A: 'core', B: 'core', C: 'low', D: 'low' });
		expect(pick(await matrix(Y2024, 'clv', { kind: 'values', current: 11, potential: 100 }), 'quadrant')).toEqual({ A: 'core', B: 'potential', C: 'low', D: 'low' });
	});

	it.each([
		['an RFM column (recency days: higher is higher)', { table: 'rfm', column: 'recency_days' }, { A: 1, B: 120, C: 90, D: 430 }, { A: 'general', B: 'core', C: 'low', D: 'potential' }],
		['an RFM column (monetary)', { table: 'rfm', column: 'monetary' }, { A: 650, B: 400, C: 80, D: 40 }, { A: 'core', B: 'core', C: 'low', D: 'low' }],
		['a CLV column (expected purchases)', { table: 'clv', column: 'expected_purchases' }, { A: 2, B: 1, C: 0.3, D: 0.1 }, { A: 'core', B: 'core', C: 'low', D: 'low' }],
		['P(alive) × expected spend', 'alive-spend', { A: 135, B: 100, C: 16, D: 4 }, { A: 'core', B: 'core', C: 'low', D: 'low' }]
	] as const)('takes the potential value from %s', async (_name, potential, values, quadrants) => {
		const split = { kind: 'values' as const, current: 10, potential: typeof potential === 'object' && potential.column === 'expected_purchases' ? 1 : 100 };
		const rows = await matrix(Y2024, potential as PotentialMeasure, split);
		expect(pick(rows, 'potential_value')).toEqual(values);
		expect(pick(rows, 'quadrant')).toEqual(quadrants);
	});

	it('splits at the medians of margin and of the chosen column', async () => {
		await matrix(Y2024, { table: 'rfm', column: 'monetary' }, { kind: 'median' } as never);
		const s = (await db.query<{ c: number; p: number }>(sql`SELECT max(current_split) AS c, max(potential_split) AS p FROM vm`)).rows[0];
		expect(s).toEqual({ c: 5, p: 240 });
	});
});

describe('the choices of the potential axis', () => {
	it('lists the numeric columns of the CLV and RFM tables, in table order, without ids or text', async () => {
		const rows = (await db.query<{ table_name: string; column_name: string }>(numericColumnsSql(['clv', 'rfm', 'nope']))).rows.map((r) => `${r.table_name}.${r.column_name}`);
		expect(rows).toEqual([
			'clv.frequency', 'clv.recency', 'clv.T', 'clv.p_alive', 'clv.expected_purchases', 'clv.expected_holdout', 'clv.expected_avg_spend', 'clv.clv',
			'rfm.recency_days', 'rfm.frequency', 'rfm.monetary', 'rfm.r_score', 'rfm.f_score', 'rfm.m_score'
		]);
	});

	it.each([
		['tx', 'cost', true],
		['tx', 'margin', false],
		['nope', 'cost', false]
	])('hasColumnSql(%s, %s) = %s', async (table, column, expected) => {
		expect((await db.query<{ has_column: boolean }>(hasColumnSql(table, column))).rows[0]?.has_column).toBe(expected);
	});

	const AVAILABLE = [{ table: 'clv', column: 'frequency' }, { table: 'clv', column: 'p_alive' }, { table: 'rfm', column: 'frequency' }, { table: 'rfm', column: 'monetary' }];
	it.each([
		['p_alive', { table: 'clv', column: 'p_alive' }],
		['rfm.frequency', { table: 'rfm', column: 'frequency' }],
		['clv.frequency', { table: 'clv', column: 'frequency' }],
		['frequency', { problem: 'ambiguous', tables: ['clv', 'rfm'] }],
		['ltv', { problem: 'missing' }],
		['clv.monetary', { problem: 'missing' }]
	])('resolvePotentialColumn(%s)', (name, expected) => {
		expect(resolvePotentialColumn(name, AVAILABLE)).toEqual(expected);
	});
});
