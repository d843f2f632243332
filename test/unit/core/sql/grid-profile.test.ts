import { describe, expect, it } from 'vitest';
import { columnProfile, columnProfileSql, PROFILE_BINS, type ProfileKind, type ProfileRow } from '../../../../src/core/sql/grid-profile.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

// 1..40 with 10 NULLs; dates 2024-01-01 + k days for k in 0..39; text with repeats and a blank.
const NUMS: (number | null)[] = [...Array.from({ length: 40 }, (_, i) => i + 1), ...Array.from({ length: 10 }, () => null)];
const WORDS = ['甲', '乙', '甲', "O'x", '甲', '乙', '', null];

async function profile(column: string, kind: ProfileKind, table: string) {
	const r = await db.query<ProfileRow>(columnProfileSql({ source: sql`SELECT * FROM ${ident(table)}`, column, kind }));
	return columnProfile(kind, r.rows);
}

describe('column profile in one query', () => {
	it('numbers: statistics and a 20-bin histogram whose counts add up', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE prof_n (${ident('金额 "a"')} INTEGER)`);
		for (const v of NUMS) await db.exec(sql`INSERT INTO prof_n VALUES (${v})`);
		const p = await profile('金额 "a"', 'number', 'prof_n');
		const vals = NUMS.filter((v): v is number => v !== null);
		expect([p.rows, p.missing, p.distinct, p.min, p.max]).toEqual([50, 10, 40, 1, 40]);
		expect(p.mean).toBeCloseTo(vals.reduce((a, b) => a + b, 0) / vals.length, 9);
		expect(p.median).toBe(20.5);
		expect(p.bins).toHaveLength(PROFILE_BINS);
		expect(p.bins.reduce((a, b) => a + b.n, 0)).toBe(40);
		// width (40 − 1) / 20 = 1.95: the first bin [1, 2.95) holds 1 and 2, the last holds 39 and 40.
		expect([p.bins[0]?.n, p.bins[19]?.n, p.bins[19]?.x1]).toEqual([2, 2, 40]);
	});

	it('dates: epoch milliseconds, min/max the first and last day', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE prof_d AS SELECT DATE '2024-01-01' + CAST(k AS INTEGER) AS d FROM range(40) r(k)`);
		const p = await profile('d', 'date', 'prof_d');
		expect([p.min, p.max, p.distinct, p.missing]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 9), 40, 0]);
		expect(p.bins.reduce((a, b) => a + b.n, 0)).toBe(40);
	});

	it('text: missing counts NULL and blank; top values most frequent first', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE prof_t (w VARCHAR)`);
		for (const w of WORDS) await db.exec(sql`INSERT INTO prof_t VALUES (${w})`);
		const p = await profile('w', 'text', 'prof_t');
		expect([p.rows, p.missing, p.distinct]).toEqual([8, 2, 4]);
		expect(p.top).toEqual([
			{ value: '甲', n: 3 },
			{ value: '乙', n: 2 },
			{ value: '', n: 1 },
			{ value: "O'x", n: 1 }
		]);
		// No rows at all: zeros, no top values (the counts come from one grouping, which is then empty).
		await db.exec(sql`CREATE OR REPLACE TABLE prof_e (w VARCHAR)`);
		const e = await profile('w', 'text', 'prof_e');
		expect([e.rows, e.missing, e.distinct, e.top]).toEqual([0, 0, 0, []]);
	});

	it('a column of one value: one bin; no values: no bins', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE prof_1 AS SELECT 7 AS x, CAST(NULL AS DOUBLE) AS y FROM range(3)`);
		const one = await profile('x', 'number', 'prof_1');
		expect(one.bins).toEqual([{ x0: 7, x1: 7, n: 3 }]);
		const none = await profile('y', 'number', 'prof_1');
		expect([none.bins, none.missing, none.min]).toEqual([[], 3, null]);
	});
});
