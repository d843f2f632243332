import { describe, expect, it } from 'vitest';
import { seriesBoundsSql, seriesSql, type SeriesSource } from '../../../../src/core/sql/forecast.ts';
import { raw } from '../../../../src/core/sql/sql.ts';
import { loadSeries } from '../../../../src/run/forecast.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

async function setUp(): Promise<void> {
	await db.exec(raw(`CREATE OR REPLACE TABLE fc_tx AS SELECT * FROM (VALUES
		(1, 'a', 'o1', TIMESTAMP '2024-01-01 10:00', 10.0),
		(2, 'a', 'o1', TIMESTAMP '2024-01-02 09:00', 5.0),
		(3, 'b', NULL, TIMESTAMP '2024-01-03 12:00', 8.0),
		(4, 'b', NULL, TIMESTAMP '2024-01-03 18:00', 2.0),
		(5, 'c', 'o9', TIMESTAMP '2024-01-17 08:00', -4.0),
		(6, 'c', 'o3', TIMESTAMP '2024-01-17 09:00', 6.5),
		(7, 'a', 'o4', TIMESTAMP '2024-01-18 10:00', 1.0),
		(8, 'b', 'o5', TIMESTAMP '2031-05-01 10:00', 99.0)
	) t(src_row, customer_id, order_id, ts, amount)`));
	await db.exec(raw(`CREATE OR REPLACE TABLE fc_rfm AS SELECT * FROM (VALUES ('a', 'champions'), ('b', 'at_risk')) t(customer_id, segment)`));
}

describe('forecast series SQL (DuckDB-WASM)', () => {
	it('orders, revenue and customers per week; every week present; a stray far-future day cut by the range', async () => {
		await setUp();
		const src: SeriesSource = { kind: 'tx', table: 'fc_tx', range: { to: '2024-01-21' } };
		const bounds = (await db.query(seriesBoundsSql(src, 'orders'))).rows[0];
		expect(bounds).toEqual({ first_day: '2024-01-01', last_day: '2024-01-18' });
		const rows = async (metric: 'orders' | 'revenue' | 'customers') => (await db.query<{ g: string; period: string; value: number }>(seriesSql(src, metric, 'week', '2024-01-01', '2024-01-15'))).rows.map((r) => `${r.g} ${r.period} ${r.value}`);
		// orders: o1 (dated by its first line, 01-01), b's day 01-03 (no order id: one order per day) | none | o3, o4 (o9 is only a return)
		expect(await rows('orders')).toEqual(['all 2024-01-01 2', 'all 2024-01-08 0', 'all 2024-01-15 2']);
		expect(await rows('revenue')).toEqual(['all 2024-01-01 25', 'all 2024-01-08 0', 'all 2024-01-15 3.5']);
		expect(await rows('customers')).toEqual(['all 2024-01-01 2', 'all 2024-01-08 0', 'all 2024-01-15 2']);
	});

	it('groups by a customer table column (RFM segment); a customer without one is (none)', async () => {
		await setUp();
		const src: SeriesSource = { kind: 'tx', table: 'fc_tx', range: { to: '2024-01-21' }, customers: { table: 'fc_rfm', column: 'segment' } };
		const r = (await db.query<{ g: string; period: string; value: number }>(seriesSql(src, 'orders', 'week', '2024-01-01', '2024-01-15'))).rows.map((x) => `${x.g} ${x.period} ${x.value}`);
		expect(r).toEqual([
			'(none) 2024-01-01 0', '(none) 2024-01-08 0', '(none) 2024-01-15 1',
			'at_risk 2024-01-01 1', 'at_risk 2024-01-08 0', 'at_risk 2024-01-15 0',
			'champions 2024-01-01 1', 'champions 2024-01-08 0', 'champions 2024-01-15 1'
		]);
	});

	it('loadSeries drops the partial last week with a warning', async () => {
		await setUp();
		const l = await loadSeries(db, { source: { kind: 'tx', table: 'fc_tx', range: { to: '2024-01-18' } }, metric: 'orders', freq: 'week' });
		expect(l.set.first).toBe('2024-01-01');
		expect(l.set.groups).toEqual([{ group: 'all', values: [2, 0] }]);
		expect(l.warnings.map((w) => [w.code, w.params])).toEqual([['forecast.partialDropped', { period: '2024-01-15', lastDay: '2024-01-18' }]]);
	});
});
