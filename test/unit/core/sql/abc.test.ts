import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abcSql, abcSummarySql, abcThresholds, paretoStatsSql } from '../../../../src/core/sql/abc.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
	// Revenue per customer: A 50, B 30 (two lines), C 10, D 10, E 0 (a sale and its return), F −5.
	await db.exec(sql`CREATE TABLE tx AS SELECT * FROM (VALUES
		('A', TIMESTAMP '2024-01-01', 50.0), ('B', TIMESTAMP '2024-01-02', 20.0), ('B', TIMESTAMP '2024-02-02', 10.0),
		('D', TIMESTAMP '2024-01-04', 10.0), ('C', TIMESTAMP '2024-01-03', 10.0), ('E', TIMESTAMP '2024-01-05', 8.0),
		('E', TIMESTAMP '2024-01-09', -8.0), ('F', TIMESTAMP '2024-01-06', -5.0)) t(customer_id, ts, amount)`);
});
afterAll(async () => db?.close());

describe('ABC classes', () => {
	it('sorts by revenue (ties by id), takes cumulative share of positive revenue including the customer, and classes at 70 % / 90 %', async () => {
		await db.exec(abcSql({ tx: 'tx', target: 'abc' }));
		const rows = (await db.query(sql`SELECT customer_id, revenue, rank, round(cum_share, 6) AS cum_share, abc_class FROM abc ORDER BY rank`)).rows;
		// Positive total = 100. A: 0.5 ≤ 0.7 → A; B: 0.8 → B; C (tie with D, id first): 0.9 → B; D: 1.0 → C; E 0 and F −5 → C.
		expect(rows).toEqual([
			{ customer_id: 'A', revenue: 50, rank: 1, cum_share: 0.5, abc_class: 'A' },
			{ customer_id: 'B', revenue: 30, rank: 2, cum_share: 0.8, abc_class: 'B' },
			{ customer_id: 'C', revenue: 10, rank: 3, cum_share: 0.9, abc_class: 'B' },
			{ customer_id: 'D', revenue: 10, rank: 4, cum_share: 1, abc_class: 'C' },
			{ customer_id: 'E', revenue: 0, rank: 5, cum_share: 1, abc_class: 'C' },
			{ customer_id: 'F', revenue: -5, rank: 6, cum_share: 1, abc_class: 'C' }
		]);
	});

	it('honours editable thresholds and a date window', async () => {
		await db.exec(abcSql({ tx: 'tx', target: 'abc2', a: 0.5, b: 0.8, to: '2024-01-31' }));
		const rows = (await db.query(sql`SELECT customer_id, revenue, abc_class FROM abc2 ORDER BY rank`)).rows;
		// Up to 2024-01-31 B has 20: A 50/90 = 0.556 → B (above 0.5); B 70/90 = 0.778 → B; C 80/90 → C.
		expect(rows.slice(0, 3)).toEqual([
			{ customer_id: 'A', revenue: 50, abc_class: 'B' },
			{ customer_id: 'B', revenue: 20, abc_class: 'B' },
			{ customer_id: 'C', revenue: 10, abc_class: 'C' }
		]);
	});

	it('summarises per class and computes the share of customers for 80 % of revenue and the Gini coefficient', async () => {
		const summary = (await db.query(abcSummarySql('abc'))).rows;
		expect(summary.map((r) => [r.abc_class, r.customers, r.revenue])).toEqual([
			['A', 1, 50],
			['B', 2, 40],
			['C', 3, 5]
		]);
		const stats = (await db.query(paretoStatsSql('abc'))).rows[0]!;
		// 80 % is reached at rank 2 of 6 customers.
		expect(stats.share_for_80).toBeCloseTo(2 / 6, 10);
		// Gini of [0,0,10,10,30,50] (negatives count as 0): sorted i·x sum = 3·10+4·10+5·30+6·50 = 520;
		// G = 2·520/(6·100) − 7/6 = 1.7333 − 1.1667 = 0.5667.
		expect(stats.gini).toBeCloseTo(2 * 520 / 600 - 7 / 6, 10);
	});

	it('rejects thresholds that cannot work, naming the value', () => {
		expect(() => abcThresholds({ a: 0.9, b: 0.8 })).toThrow(/0\.8/);
		expect(() => abcThresholds({ a: 1.2 })).toThrow(/1\.2/);
	});
});
