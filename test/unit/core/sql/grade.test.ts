import { describe, expect, it } from 'vitest';
import type {
	Better,
	GradeMethod,
	GradeStandard,
	MissingPolicy,
	PointsRule,
	Tier
} from '../../../../src/core/grade/standard.ts';
import {
	gradeDistributionSql,
	gradeOutputSql,
	gradePointsSql,
	gradeSensitivitySql,
	gradeTableSql,
	gradeTierSummarySql
} from '../../../../src/core/sql/grade.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

/*
 * Hand-checked points, totals and tiers over a fixed value table (columns v0 v1 v2 as
 * gradeInputSql writes them):
 *
 *   id  v0 (A)  v1 (B)  v2 (C)  revenue
 *   c1   10       5      0       100
 *   c2   20       5      9.99    200
 *   c3   20       5     10       300
 *   c4   30       5     50       400
 *   c5   —        5    100       500
 *   c6   40       5      —       600
 *
 * A, quantiles k = 4 (higher better): n = 5 values; c = values ≤ x (peers included):
 *   10: c=1, ⌈4·1/5⌉=1 → 0;  20: c=3, ⌈12/5⌉=3 → 66.67 (both 20s: a tie shares the group);
 *   30: c=4, ⌈16/5⌉=4 → 100; 40: c=5, 4 → 100.
 *   lower-better (on −x: values ≥ x): 40: 1/5 → 1 → 0; 30: 2/5 → ⌈1.6⌉=2 → 33.33; 20: 4/5 → 4 → 100; 10 → 100.
 * B, all equal: quantiles → everyone in the top group (100); minmax hi = lo → 100.
 * C, thresholds [5, 10, 50] points [0, 40, 70, 100]: 0 → 0, 9.99 → 40, 10 → 70 (t ≤ x), 50 → 100, 100 → 100.
 * A, minmax clip [0.1, 0.9]: type-7 quantiles of 10,20,20,30,40: lo = 10 + 0.4·10 = 14, hi = 30 + 0.6·10 = 36;
 *   10 → clipped to 14 → 0; 20 (c2, c3) → 600/22 = 27.27; 30 → 1600/22 = 72.73; 40 → clipped to 36 → 100.
 *
 * Weighted, weights A 50, B 20, C 30 (A quantiles 4, B minmax, C thresholds):
 *   c1 (0·50 + 100·20 + 0·30)/100 = 20;  c2 (3333.33 + 2000 + 1200)/100 = 65.33;  c3 (3333.33 + 2000 + 2100)/100 = 74.33
 *   c4 100;  c5 renormalise (2000 + 3000)/50 = 100, zero 5000/100 = 50;  c6 renormalise (5000 + 2000)/70 = 100, zero 70.
 * Tiers VIP ≥ 80, 重要 ≥ 65.33, 普通 ≥ 20, 一般 ≥ 0: c1 exactly at 20 → 普通; c2 at 65.33 → 重要.
 * Scoring (Σ points): c1 100, c2 206.67 (206.666… rounded before comparing), c3 236.67, c4 300,
 *   c5 renormalise 200·3/2 = 300 (zero 200), c6 300 (zero 200). Tiers VIP ≥ 250, 重要 ≥ 206.67, 普通 ≥ 100, 一般 ≥ 0:
 *   c2 reaches 重要 only because its total is rounded first.
 */
const db = useDb();

const INPUT = sql`CREATE OR REPLACE TABLE gi AS SELECT * FROM (VALUES
	('c1', 100.0, 10.0, 5.0, 0.0), ('c2', 200.0, 20.0, 5.0, 9.99), ('c3', 300.0, 20.0, 5.0, 10.0),
	('c4', 400.0, 30.0, 5.0, 50.0), ('c5', 500.0, NULL, 5.0, 100.0), ('c6', 600.0, 40.0, 5.0, NULL)
) t(customer_id, revenue, v0, v1, v2)`;

function standard(method: GradeMethod, missing: MissingPolicy, tiers: Tier[]): GradeStandard {
	return {
		name: 'test',
		method,
		missing,
		indicators: [
			{ name: 'A', weight: 50, better: 'higher', points: { quantiles: 4 } },
			{ name: 'B', weight: 20, better: 'higher', points: { minmax: { clip: [0.01, 0.99] } } },
			{
				name: 'C',
				weight: 30,
				better: 'higher',
				points: { thresholds: [5, 10, 50], points: [0, 40, 70, 100] }
			}
		],
		tiers
	};
}
const WEIGHTED_TIERS = [
	{ name: 'VIP', min: 80 },
	{ name: '重要', min: 65.33 },
	{ name: '普通', min: 20 },
	{ name: '一般', min: 0 }
];
const SCORING_TIERS = [
	{ name: 'VIP', min: 250 },
	{ name: '重要', min: 206.67 },
	{ name: '普通', min: 100 },
	{ name: '一般', min: 0 }
];
const WORDS = { total: 'total', ungraded: 'not graded, missing:' };

async function grade(s: GradeStandard) {
	await db.exec(INPUT);
	await db.exec(gradePointsSql({ input: 'gi', target: 'gp', indicators: s.indicators }));
	await db.exec(gradeTableSql({ points: 'gp', target: 'gt', standard: s, words: WORDS }));
	return (await db.query(gradeOutputSql({ points: 'gp', grade: 'gt', standard: s }))).rows;
}

const POINT_CASES: [string, PointsRule, Better, (number | null)[]][] = [
	['quantiles, higher better', { quantiles: 4 }, 'higher', [0, 66.67, 66.67, 100, null, 100]],
	['quantiles, lower better (on −x)', { quantiles: 4 }, 'lower', [100, 100, 100, 33.33, null, 0]],
	[
		'minmax with clip 0.1–0.9 (linear interpolation)',
		{ minmax: { clip: [0.1, 0.9] } },
		'higher',
		[0, 27.27, 27.27, 72.73, null, 100]
	],
	[
		'minmax, lower better',
		{ minmax: { clip: [0, 1] } },
		'lower',
		[100, 66.67, 66.67, 33.33, null, 0]
	]
];

describe('grading points', () => {
	it.each(POINT_CASES)('%s', async (_n, rule, better, expected) => {
		await db.exec(INPUT);
		await db.exec(
			gradePointsSql({
				input: 'gi',
				target: 'gp',
				indicators: [{ name: 'A', weight: 1, better, points: rule }]
			})
		);
		const rows = (
			await db.query<{ p: number | null }>(
				sql`SELECT round(p0, 2) AS p FROM gp ORDER BY customer_id`
			)
		).rows;
		expect(rows.map((r) => r.p)).toEqual(expected);
	});

	it('gives everyone 100 when all values are equal (quantiles and minmax, either direction)', async () => {
		await db.exec(INPUT);
		const rules = [{ quantiles: 5 }, { minmax: { clip: [0.01, 0.99] as [number, number] } }];
		const indicators = rules.flatMap((points) =>
			(['higher', 'lower'] as const).map((better) => ({ name: 'B', weight: 1, better, points }))
		);
		// Every indicator reads v1 (all 5.0): points columns p0…p3 over copies of it.
		await db.exec(
			sql`CREATE OR REPLACE TABLE gi AS SELECT customer_id, revenue, v1 AS v0, v1, v1 AS v2, v1 AS v3 FROM gi`
		);
		await db.exec(gradePointsSql({ input: 'gi', target: 'gp', indicators }));
		const rows = (await db.query<Record<string, number>>(sql`SELECT p0, p1, p2, p3 FROM gp`)).rows;
		expect(rows.flatMap((r) => Object.values(r))).toEqual(Array(24).fill(100));
	});

	it('reads thresholds as x < t1 → p0 … x ≥ tk → pk, boundaries included above', async () => {
		const rows = await grade(standard('weighted', 'renormalise', WEIGHTED_TIERS));
		expect(rows.map((r) => r.points_C)).toEqual([0, 40, 70, 100, 100, null]);
	});
});

describe('grading totals and tiers', () => {
	it.each([
		[
			'weighted, renormalise',
			standard('weighted', 'renormalise', WEIGHTED_TIERS),
			[20, 65.33, 74.33, 100, 100, 100],
			['普通', '重要', '重要', 'VIP', 'VIP', 'VIP']
		],
		[
			'weighted, zero',
			standard('weighted', 'zero', WEIGHTED_TIERS),
			[20, 65.33, 74.33, 100, 50, 70],
			['普通', '重要', '重要', 'VIP', '普通', '重要']
		],
		[
			'weighted, ungraded',
			standard('weighted', 'ungraded', WEIGHTED_TIERS),
			[20, 65.33, 74.33, 100, null, null],
			['普通', '重要', '重要', 'VIP', null, null]
		],
		[
			'scoring, renormalise',
			standard('scoring', 'renormalise', SCORING_TIERS),
			[100, 206.67, 236.67, 300, 300, 300],
			['普通', '重要', '重要', 'VIP', 'VIP', 'VIP']
		],
		[
			'scoring, zero',
			standard('scoring', 'zero', SCORING_TIERS),
			[100, 206.67, 236.67, 300, 200, 200],
			['普通', '重要', '重要', 'VIP', '普通', '普通']
		],
		[
			'scoring, ungraded',
			standard('scoring', 'ungraded', SCORING_TIERS),
			[100, 206.67, 236.67, 300, null, null],
			['普通', '重要', '重要', 'VIP', null, null]
		]
	] as const)('%s', async (_n, s, totals, tiers) => {
		const rows = await grade(s);
		expect(rows.map((r) => r.total)).toEqual(totals);
		expect(rows.map((r) => r.tier)).toEqual(tiers);
		expect(rows.map((r) => r.missing)).toEqual(['', '', '', '', 'A', 'C']);
	});

	it('writes the output columns in order and a reason in words', async () => {
		const s = standard('weighted', 'ungraded', WEIGHTED_TIERS);
		const rows = await grade(s);
		expect(Object.keys(rows[0] ?? {})).toEqual([
			'customer_id',
			'A',
			'B',
			'C',
			'points_A',
			'points_B',
			'points_C',
			'total',
			'tier',
			'missing'
		]);
		const reasons = (
			await db.query<{ reason: string }>(sql`SELECT reason FROM gt ORDER BY customer_id`)
		).rows.map((r) => r.reason);
		expect(reasons[0]).toBe('total 20.0 ≥ 20 → 普通 (A 0.0, B 100.0, C 0.0)');
		expect(reasons[4]).toBe('not graded, missing: A');
	});

	it('summarises tiers best first, the ungraded last, with mean values', async () => {
		const s = standard('weighted', 'ungraded', WEIGHTED_TIERS);
		await grade(s);
		const rows = (await db.query(gradeTierSummarySql({ points: 'gp', grade: 'gt', standard: s })))
			.rows;
		expect(rows.map((r) => [r.tier, r.customers, r.revenue, r.with_missing, r.m0])).toEqual([
			['VIP', 1, 400, 0, 30],
			['重要', 2, 500, 0, 20],
			['普通', 1, 100, 0, 10],
			[null, 2, 1100, 2, 40]
		]);
		const dist = (await db.query(gradeDistributionSql({ grade: 'gt', standard: s }))).rows;
		expect(dist).toEqual([
			{ x0: 20, customers: 1 },
			{ x0: 64, customers: 1 },
			{ x0: 74, customers: 1 },
			{ x0: 100, customers: 1 }
		]);
	});

	it('counts customers who change tier when a weight moves ±5 points and the others absorb it', async () => {
		const s = standard('weighted', 'renormalise', WEIGHTED_TIERS);
		await grade(s);
		const r = (
			await db.query<Record<string, number>>(
				gradeSensitivitySql({ points: 'gp', grade: 'gt', standard: s })
			)
		).rows[0]!;
		// A +5 → 55/18/27: c1 18 (一般). A −5 → 45/22/33: c2 65.2 (普通). B +5 → 46.875/25/28.125: none.
		// B −5 → 53.125/15/31.875: c1 15, c2 63.17. C +5 → 46.43/18.57/35: c1 18.57, c2 63.52. C −5 → 53.57/21.43/25: none.
		expect([r.d0_plus, r.d0_minus, r.d1_plus, r.d1_minus, r.d2_plus, r.d2_minus]).toEqual([
			1, 1, 0, 2, 2, 0
		]);
		expect([r.u0_plus, r.u0_minus, r.u1_plus, r.u1_minus, r.u2_plus, r.u2_minus]).toEqual([
			0, 0, 0, 0, 0, 0
		]);
	});
});
