import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	histogramSql,
	orderCountSql,
	scatterSampleSql,
	scatterStatsSql,
	scoreCellsSql,
	segmentTotalsSql
} from '../../../../src/core/sql/rfm-plots.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

/*
 * A hand-made segment table (total revenue 330):
 *   id   R   F   M    r f m  segment
 *   c01  1   1   10   5 1 1  a
 *   c02  2   1   20   5 1 2  a
 *   c03  3   2   30   4 2 2  b
 *   c04  5   3   40   4 3 3  b
 *   c05 10   4   50   3 4 3  b
 *   c06 20   5   60   2 5 4  c
 *   c07 50  12  100   1 5 5  c
 *   c08 100  1    0   1 1 1  others
 *   c09  7   2   -5   3 2 1  others
 *   c10  4   1   25   4 1 2  a
 */
const ROWS = [
	['c01', 1, 1, 10, 5, 1, 1, 'a'],
	['c02', 2, 1, 20, 5, 1, 2, 'a'],
	['c03', 3, 2, 30, 4, 2, 2, 'b'],
	['c04', 5, 3, 40, 4, 3, 3, 'b'],
	['c05', 10, 4, 50, 3, 4, 3, 'b'],
	['c06', 20, 5, 60, 2, 5, 4, 'c'],
	['c07', 50, 12, 100, 1, 5, 5, 'c'],
	['c08', 100, 1, 0, 1, 1, 1, 'others'],
	['c09', 7, 2, -5, 3, 2, 1, 'others'],
	['c10', 4, 1, 25, 4, 1, 2, 'a']
] as const;

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	await db.exec(sql`CREATE TABLE rfm (customer_id VARCHAR, recency_days INTEGER, frequency INTEGER, monetary DOUBLE,
		r_score INTEGER, f_score INTEGER, m_score INTEGER, segment VARCHAR)`);
	for (const r of ROWS) await db.exec(sql`INSERT INTO rfm VALUES (${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]})`);
});
afterAll(async () => {
	await db?.close();
});

describe('histogramSql', () => {
	it.each([
		{
			// p99 of M = 60 + 0.91·40 = 96.4; width = (96.4 + 5) / 2 = 50.7; x − lo ≤ 45 → bin 0, 55 and 65 → bin 1; 100 → overflow.
			name: 'monetary, 2 bins',
			column: 'monetary' as const,
			bins: 2,
			want: [
				{ bin: 0, customers: 7, overflow: false, x0: -5 },
				{ bin: 1, customers: 2, overflow: false, x0: 45.7 },
				{ bin: 2, customers: 1, overflow: true, x0: 96.4 }
			]
		},
		{
			// p99 of R = 50 + 0.91·50 = 95.5; whole-number width ceil((95.5 − 1 + 1) / 3) = 32; 50 → bin 1; 100 → overflow; bin 2 empty.
			name: 'recency, 3 whole-number bins',
			column: 'recency_days' as const,
			bins: 3,
			want: [
				{ bin: 0, customers: 8, overflow: false, x0: 1 },
				{ bin: 1, customers: 1, overflow: false, x0: 33 },
				{ bin: 3, customers: 1, overflow: true, x0: 97 }
			]
		}
	])('$name', async ({ column, bins, want }) => {
		const rows = (await db.query(histogramSql({ rfm: 'rfm', column, bins }))).rows;
		expect(rows.map((r) => ({ bin: r.bin, customers: r.customers, overflow: r.overflow }))).toEqual(want.map(({ x0: _x0, ...w }) => w));
		rows.forEach((r, i) => expect(r.x0).toBeCloseTo(want[i]!.x0, 6));
	});

	it('rejects a bad bin count', () => {
		expect(() => histogramSql({ rfm: 'rfm', column: 'frequency', bins: 1 })).toThrow(/bins/);
	});
});

describe('orderCountSql', () => {
	it('counts 1, 2 and "3 or more" purchases', async () => {
		const rows = (await db.query(orderCountSql({ rfm: 'rfm', cap: 3 }))).rows;
		expect(rows).toEqual([
			{ frequency: 1, customers: 4, share: 0.4, capped: false },
			{ frequency: 2, customers: 2, share: 0.2, capped: false },
			{ frequency: 3, customers: 4, share: 0.4, capped: true }
		]);
	});
});

describe('scoreCellsSql', () => {
	it.each([
		{ x: 'f_score' as const, y: 'r_score' as const, cells: 9, check: { x: 1, y: 5, customers: 2, mean_monetary: 15 } },
		{ x: 'm_score' as const, y: 'f_score' as const, cells: 8, check: { x: 2, y: 1, customers: 2, mean_monetary: 22.5 } },
		{ x: 'm_score' as const, y: 'r_score' as const, cells: 9, check: { x: 1, y: 1, customers: 1, mean_monetary: 0 } }
	])('$y × $x', async ({ x, y, cells, check }) => {
		const rows = (await db.query(scoreCellsSql({ rfm: 'rfm', x, y }))).rows;
		expect(rows).toHaveLength(cells);
		expect(rows.reduce((a, r) => a + Number(r.customers), 0)).toBe(10);
		expect(rows.find((r) => r.x === check.x && r.y === check.y)).toEqual(check);
	});
});

describe('scatter sample', () => {
	it('counts customers drawable on log scales', async () => {
		expect((await db.query(scatterStatsSql('rfm'))).rows).toEqual([{ total: 10, positive: 8 }]);
	});

	it('is deterministic, bounded and leaves out non-positive values', async () => {
		const a = (await db.query(scatterSampleSql({ rfm: 'rfm', limit: 3 }))).rows;
		const b = (await db.query(scatterSampleSql({ rfm: 'rfm', limit: 3 }))).rows;
		expect(a).toHaveLength(3);
		expect(b).toEqual(a);
		const all = (await db.query(scatterSampleSql({ rfm: 'rfm' }))).rows.map((r) => r.customer_id).sort();
		expect(all).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c10']);
		const other = (await db.query(scatterSampleSql({ rfm: 'rfm', limit: 3, seed: 'another' }))).rows;
		expect(other).toHaveLength(3);
	});
});

describe('segmentTotalsSql', () => {
	it('sums, shares and medians per segment', async () => {
		const rows = (await db.query(segmentTotalsSql('rfm'))).rows;
		expect(rows.map((r) => [r.segment, r.customers, r.revenue, r.customer_share, r.median_recency, r.median_frequency, r.median_monetary])).toEqual([
			['a', 3, 55, 0.3, 2, 1, 20],
			['b', 3, 120, 0.3, 5, 3, 40],
			['c', 2, 160, 0.2, 35, 8.5, 80],
			['others', 2, -5, 0.2, 53.5, 1.5, -2.5]
		]);
		expect(rows.map((r) => r.revenue_share)).toEqual([55 / 330, 120 / 330, 160 / 330, -5 / 330].map((v) => expect.closeTo(v, 12)));
	});
});
