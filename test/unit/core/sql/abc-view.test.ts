import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abcClassTableSql, abcCustomersSql, abcSql, abcSummarySql, txDayRangeSql } from '../../../../src/core/sql/abc.ts';
import { segmentLabelSql } from '../../../../src/core/sql/rfm-columns.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
	// Revenue per customer: A 50, B 30, C 10, D 10, E 0 (a sale and its return), F −5.
	await db.exec(sql`CREATE TABLE tx AS SELECT * FROM (VALUES
		('A', TIMESTAMP '2024-01-01 09:00', 50.0), ('B', TIMESTAMP '2024-01-02', 20.0), ('B', TIMESTAMP '2024-02-02', 10.0),
		('D', TIMESTAMP '2024-01-04', 10.0), ('C', TIMESTAMP '2024-01-03', 10.0), ('E', TIMESTAMP '2024-01-05', 8.0),
		('E', TIMESTAMP '2024-01-09', -8.0), ('F', TIMESTAMP '2024-03-06 23:59', -5.0)) t(customer_id, ts, amount)`);
	// RFM segments for all but F.
	await db.exec(sql`CREATE TABLE rfm AS SELECT * FROM (VALUES ('A', 'champions'), ('B', 'loyal'), ('C', 'others'),
		('D', 'user rule'), ('E', 'hibernating')) t(customer_id, segment)`);
	await db.exec(abcSql({ tx: 'tx', target: 'abc' }));
});
afterAll(async () => db?.close());

describe('ABC class table', () => {
	it('lists A, B and C with customers, shares, revenue and mean revenue per customer', async () => {
		const rows = (await db.query(abcClassTableSql('abc'))).rows;
		// A: {A 50}; B: {B 30, C 10}; C: {D 10, E 0, F −5}. Positive total 100.
		expect(rows).toEqual([
			{ abc_class: 'A', customers: 1, customer_share: 1 / 6, revenue: 50, revenue_share: 0.5, avg_revenue: 50 },
			{ abc_class: 'B', customers: 2, customer_share: 2 / 6, revenue: 40, revenue_share: 0.4, avg_revenue: 20 },
			{ abc_class: 'C', customers: 3, customer_share: 3 / 6, revenue: 5, revenue_share: 0.1, avg_revenue: 1.67 }
		]);
	});

	it('agrees with abcSummarySql on counts, revenue and shares', async () => {
		const table = (await db.query(abcClassTableSql('abc'))).rows;
		const summary = (await db.query(abcSummarySql('abc'))).rows;
		expect(table.map((r) => [r.abc_class, r.customers, r.revenue, r.revenue_share])).toEqual(
			summary.map((r) => [r.abc_class, r.customers, r.revenue, r.revenue_share])
		);
	});

	it.each([
		// One customer above 70 % on its own: A is empty but still listed, with zeros and no mean.
		['an empty class', sql`SELECT * FROM (VALUES ('X', TIMESTAMP '2024-01-01', 90.0), ('Y', TIMESTAMP '2024-01-01', 10.0)) t(customer_id, ts, amount)`, [['A', 0, 0, 0, null], ['B', 1, 0.5, 0.9, 90], ['C', 1, 0.5, 0.1, 10]]],
		// Nothing positive: everyone is C, shares of revenue are 0 rather than NULL.
		['no positive revenue', sql`SELECT * FROM (VALUES ('X', TIMESTAMP '2024-01-01', -3.0), ('Y', TIMESTAMP '2024-01-01', 0.0)) t(customer_id, ts, amount)`, [['A', 0, 0, 0, null], ['B', 0, 0, 0, null], ['C', 2, 1, 0, -1.5]]]
	] as const)('%s', async (_name, data, expected) => {
		await db.exec(sql`CREATE OR REPLACE TABLE tx_edge AS ${data}`);
		await db.exec(abcSql({ tx: 'tx_edge', target: 'abc_edge' }));
		const rows = (await db.query(abcClassTableSql('abc_edge'))).rows;
		expect(rows.map((r) => [r.abc_class, r.customers, r.customer_share, r.revenue_share, r.avg_revenue])).toEqual(expected);
	});
});

describe('ABC customer list', () => {
	it('lists customers in rank order with their translated RFM segment (NULL when they have none)', async () => {
		const segment = segmentLabelSql({ champions: '冠军客户', loyal: '忠诚客户', others: '其他' });
		const rows = (await db.query(abcCustomersSql({ abc: 'abc', rfm: 'rfm', segment }))).rows;
		expect(rows).toEqual([
			{ customer_id: 'A', revenue: 50, cum_share: 0.5, abc_class: 'A', segment: '冠军客户' },
			{ customer_id: 'B', revenue: 30, cum_share: 0.8, abc_class: 'B', segment: '忠诚客户' },
			{ customer_id: 'C', revenue: 10, cum_share: 0.9, abc_class: 'B', segment: '其他' },
			{ customer_id: 'D', revenue: 10, cum_share: 1, abc_class: 'C', segment: 'user rule' },
			{ customer_id: 'E', revenue: 0, cum_share: 1, abc_class: 'C', segment: 'hibernating' },
			{ customer_id: 'F', revenue: -5, cum_share: 1, abc_class: 'C', segment: null }
		]);
	});

	it.each([
		['A', ['A']],
		['B', ['B', 'C']],
		['C', ['D', 'E', 'F']]
	] as const)('class %s only', async (abcClass, ids) => {
		const rows = (await db.query(abcCustomersSql({ abc: 'abc', rfm: 'rfm', abcClass }))).rows;
		expect(rows.map((r) => r.customer_id)).toEqual(ids);
		expect(new Set(rows.map((r) => r.abc_class))).toEqual(new Set([abcClass]));
	});

	it('names columns for a grid, adds the rank and shows the cumulative share as a percentage', async () => {
		const res = await db.query(
			abcCustomersSql({ abc: 'abc', rfm: 'rfm', abcClass: 'B', withRank: true, percent: true, names: { customer_id: '客户 "编号"', rank: '排名', cum_share: '累计占比 %' } })
		);
		expect(res.columns.map((c) => c.name)).toEqual(['客户 "编号"', '排名', 'revenue', '累计占比 %', 'abc_class', 'segment']);
		expect(res.rows.map((r) => [r['排名'], r['累计占比 %']])).toEqual([[2, 80], [3, 90]]);
	});

	it('works without an RFM table (segment is NULL)', async () => {
		const rows = (await db.query(abcCustomersSql({ abc: 'abc', abcClass: 'A' }))).rows;
		expect(rows).toEqual([{ customer_id: 'A', revenue: 50, cum_share: 0.5, abc_class: 'A', segment: null }]);
	});
});

describe('transaction day range', () => {
	it('gives the first and last day as YYYY-MM-DD', async () => {
		const rows = (await db.query(txDayRangeSql('tx'))).rows;
		expect(rows).toEqual([{ first_day: '2024-01-01', last_day: '2024-03-06' }]);
	});
});
