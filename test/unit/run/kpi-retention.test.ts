import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortRetentionSql, retentionCountsSql } from '../../../src/core/sql/retention.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { cohortRetention, retentionByGroup } from '../../../src/run/kpi.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { fixture, openDb } from '../../helpers/db.ts';
import { loadCsv } from '../../helpers/load-csv.ts';

/*
 * tx_retention.csv, period 2024-04-01 … 2024-06-30, lost after 90 days:
 * active at start = a purchase in [2024-01-02, 2024-03-31]: A B C H I J K (7)
 * active at end = a purchase in [2024-04-02, 2024-06-30]: A C D E J K L (7; F bought on 04-01 only)
 * new (first purchase in the period): E F; retained: A C J K; lost: B H (return only) I (next purchase after end);
 * reactivated: D L; buyers in the period: A C D E F J K L (8); ≥ 2 orders: C E J, ≥ 2 days: C E.
 */
let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	const f = await loadCsv(db, fixture('kpi', 'tx_retention.csv'));
	const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: 'customer', date: 'date', amount: 'amount', order: 'order' }));
	if (r.errors.length) throw r.errors[0];
});
afterAll(async () => {
	await db.close();
});

describe('retention and churn over a period (hand-checked)', () => {
	it('counts and rates, purchases = orders', async () => {
		const [r] = await retentionByGroup(db, { start: '2024-04-01', end: '2024-06-30', lostDays: 90, purchases: 'orders' });
		expect(r).toMatchObject({ group: 'all', customersStart: 7, customersEnd: 7, newCustomers: 2, retained: 4, lost: 3, reactivated: 2, buyers: 8, repeatBuyers: 3 });
		expect(r!.retention).toBeCloseTo(5 / 7, 12);
		expect(r!.churn).toBeCloseTo(3 / 7, 12);
		expect(r!.repurchaseRate).toBe(3 / 8);
	});
	it('purchases = days: two orders on one day count once', async () => {
		const [r] = await retentionByGroup(db, { start: '2024-04-01', end: '2024-06-30', lostDays: 90, purchases: 'days' });
		expect(r).toMatchObject({ repeatBuyers: 2, repurchaseRate: 0.25 });
	});
	it('lost after 130 days: G (2023-12-01) is active at the start, H (2024-03-01) still at the end', async () => {
		const [r] = await retentionByGroup(db, { start: '2024-04-01', end: '2024-06-30', lostDays: 130, purchases: 'orders' });
		expect(r).toMatchObject({ customersStart: 8, customersEnd: 9, lost: 3 });
	});
	it('grouped by a customer table (e.g. RFM segment)', async () => {
		await db.exec(sqlGroups());
		const rows = await retentionByGroup(db, { start: '2024-04-01', end: '2024-06-30', lostDays: 90, purchases: 'orders', by: { table: 'seg', column: 'segment' } });
		expect(rows.map((r) => [r.group, r.customersStart, r.lost])).toEqual([
			['x', 4, 2],
			['y', 3, 1]
		]);
	});
	it.each([
		[{ start: '2024-07-01', end: '2024-06-30', lostDays: 90 }, /starts/],
		[{ start: '2024-04-01', end: '2024-06-30', lostDays: 0 }, /whole number/],
		[{ start: '2024-02-30', end: '2024-06-30', lostDays: 90 }, /calendar date/]
	])('rejects %o', (o, msg) => {
		expect(() => retentionCountsSql({ tx: 'tx', purchases: 'orders', ...o })).toThrow(msg);
	});
	it('the SQL holds explicit dates, never the clock', () => {
		const q = retentionCountsSql({ tx: 'tx', start: '2024-04-01', end: '2024-06-30', lostDays: 90, purchases: 'orders' }).text + cohortRetentionSql({ tx: 'tx', end: '2024-06-30' }).text;
		expect(q).not.toMatch(/now\(\)|current_date|current_timestamp|today\(\)/i);
	});
});

import { sql } from '../../../src/core/sql/sql.ts';
function sqlGroups() {
	// A B C H → x (start-active: A B C H; lost: B H); the rest → y (start-active: I J K; lost: I).
	return sql`CREATE OR REPLACE TABLE seg AS SELECT customer_id, CASE WHEN customer_id IN ('A', 'B', 'C', 'H') THEN 'x' ELSE 'y' END AS segment FROM (SELECT DISTINCT customer_id FROM tx)`;
}

describe('cohort retention matrix by first-purchase month', () => {
	it('cohorts from 2024-01 to the end month, zeros filled (hand-checked)', async () => {
		const cells = await cohortRetention(db, { start: '2024-01-01', end: '2024-06-30' });
		const m = new Map<string, number[]>();
		for (const c of cells) m.set(c.cohort, [...(m.get(c.cohort) ?? []), c.customers]);
		expect(Object.fromEntries(m)).toEqual({
			'2024-01': [2, 0, 0, 0, 1, 0],
			'2024-02': [2, 0, 0, 0, 1],
			'2024-03': [3, 1, 1, 1],
			'2024-04': [1, 0, 0],
			'2024-05': [1, 0]
		});
		expect(cells.find((c) => c.cohort === '2024-03' && c.month_index === 1)).toMatchObject({ cohort_size: 3, retention: 1 / 3 });
	});
	it('maxMonths caps the months; without start, the 2023 cohorts appear', async () => {
		const cells = await cohortRetention(db, { end: '2024-06-30', maxMonths: 1 });
		expect([...new Set(cells.map((c) => c.cohort))]).toEqual(['2023-06', '2023-09', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
		expect(Math.max(...cells.map((c) => c.month_index))).toBe(1);
	});
});
