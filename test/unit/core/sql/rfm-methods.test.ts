import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	rfmCustomersSql,
	segmentSql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode
} from '../../../../src/core/sql/rfm.ts';
import { scoreBreaksSql, scoresSql } from '../../../../src/core/sql/rfm-score.ts';
import { coverageSql, coverageSummarySql } from '../../../../src/core/sql/rfm-coverage.ts';
import { CN8 } from '../../../../src/core/segments/presets.ts';
import { matchSegment, type SegmentSet } from '../../../../src/core/segments/rules.ts';
import { resolveScoring, type ScoringOptions } from '../../../../src/core/segments/scoring.ts';
import {
	quantileType7,
	rRfmBounds,
	scoreDimension
} from '../../../../src/core/segments/binning.ts';
import { raw, sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	// Eight hand-made customers, one per class of the Chinese 8-class model (means: R 151.875, F 5, M 387.5).
	await db.exec(
		raw(`CREATE TABLE hand AS SELECT * FROM (VALUES
		('A', 5, 10, 900.0), ('B', 10, 1, 800.0), ('C', 200, 9, 700.0), ('D', 300, 1, 600.0),
		('E', 20, 8, 10.0), ('F', 30, 2, 20.0), ('G', 250, 7, 30.0), ('H', 400, 2, 40.0))
		AS t(customer_id, recency_days, frequency, monetary)`)
	);
	await db.exec(
		raw(`ALTER TABLE hand ADD COLUMN first_ts TIMESTAMP; ALTER TABLE hand ADD COLUMN last_ts TIMESTAMP;
		ALTER TABLE hand ADD COLUMN prospect BOOLEAN DEFAULT FALSE`)
	);
});
afterAll(async () => {
	await db.close();
});

type Scores = Record<string, [number, number, number]>;
async function score(scoring: ScoringOptions, source = 'hand'): Promise<Scores> {
	await db.exec(scoresSql({ source, target: 'hand_scores', scoring }));
	const rows = (
		await db.query<{ customer_id: string; r_score: number; f_score: number; m_score: number }>(
			sql`SELECT customer_id, r_score, f_score, m_score FROM hand_scores ORDER BY customer_id`
		)
	).rows;
	return Object.fromEntries(rows.map((r) => [r.customer_id, [r.r_score, r.f_score, r.m_score]]));
}

const HAND = {
	ids: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
	r: [5, 10, 200, 300, 20, 30, 250, 400],
	f: [10, 1, 9, 1, 8, 2, 7, 2],
	m: [900, 800, 700, 600, 10, 20, 30, 40]
};

describe('scoring methods on hand-checked customers', () => {
	const cases: { name: string; scoring: ScoringOptions; expected: Scores }[] = [
		{
			name: 'mean split: R recent below the mean, F/M high strictly above',
			scoring: { method: 'mean' },
			expected: {
				A: [2, 2, 2],
				B: [2, 1, 2],
				C: [1, 2, 2],
				D: [1, 1, 2],
				E: [2, 2, 1],
				F: [2, 1, 1],
				G: [1, 2, 1],
				H: [1, 1, 1]
			}
		},
		{
			name: 'median split (R 115, F 4.5, M 320)',
			scoring: { method: 'median' },
			expected: {
				A: [2, 2, 2],
				B: [2, 1, 2],
				C: [1, 2, 2],
				D: [1, 1, 2],
				E: [2, 2, 1],
				F: [2, 1, 1],
				G: [1, 2, 1],
				H: [1, 1, 1]
			}
		},
		{
			name: 'thresholds: a value on a cut point goes up (R 30,200; F 2,5,8; M 100)',
			scoring: {
				method: 'thresholds',
				r: { thresholds: [30, 200] },
				f: { thresholds: [2, 5, 8] },
				m: { thresholds: [100] }
			},
			expected: {
				A: [3, 4, 2],
				B: [3, 1, 2],
				C: [1, 4, 2],
				D: [1, 1, 2],
				E: [3, 4, 1],
				F: [2, 2, 1],
				G: [1, 3, 1],
				H: [1, 2, 1]
			}
		},
		{
			// F sorted 1,1,2,2,7,8,9,10; type-7 quantiles 1.75, 4.5, 8.25 → breaks 2.75, 5.5, 9.25: bin 2 is empty.
			name: 'r-rfm with 4 bins: breaks = quantiles + 1, equal values share a score, a bin may be empty',
			scoring: { method: 'r-rfm', bins: 4 },
			expected: {
				A: [4, 4, 4],
				B: [4, 1, 4],
				C: [2, 3, 3],
				D: [1, 1, 3],
				E: [3, 3, 1],
				F: [3, 1, 1],
				G: [2, 3, 2],
				H: [1, 1, 2]
			}
		},
		{
			// 8 rows in 3 tiles of 3, 3, 2 rows; F = 2 for both F and H, split by customer id.
			name: 'ntile: ties broken by customer id',
			scoring: { method: 'ntile', bins: 3 },
			expected: {
				A: [3, 3, 3],
				B: [3, 1, 3],
				C: [2, 3, 2],
				D: [1, 1, 2],
				E: [2, 2, 1],
				F: [2, 1, 1],
				G: [1, 2, 1],
				H: [1, 2, 2]
			}
		}
	];
	for (const c of cases) {
		it(c.name, async () => {
			expect(await score(c.scoring)).toEqual(c.expected);
			// The pure reference agrees.
			const s = resolveScoring(c.scoring);
			const ref = (['r', 'f', 'm'] as const).map((d) => scoreDimension(d, HAND[d], s[d], HAND.ids));
			expect(
				Object.fromEntries(HAND.ids.map((id, i) => [id, [ref[0]![i], ref[1]![i], ref[2]![i]]]))
			).toEqual(c.expected);
		});
	}

	it('per-dimension methods mix (R thresholds, F median, M ntile)', async () => {
		const s = await score({
			r: { method: 'thresholds', thresholds: [30] },
			f: { method: 'median' },
			m: { method: 'ntile', bins: 2 }
		});
		expect(s).toEqual({
			A: [2, 2, 2],
			B: [2, 1, 2],
			C: [1, 2, 2],
			D: [1, 1, 2],
			E: [2, 2, 1],
			F: [1, 1, 1],
			G: [1, 2, 1],
			H: [1, 1, 1]
		});
	});

	it('the Chinese 8-class model puts each hand customer in its own class', async () => {
		await score({ method: 'mean' });
		await db.exec(segmentSql({ scores: 'hand_scores', target: 'hand_cn8', set: CN8 }));
		const rows = (
			await db.query<{ customer_id: string; segment: string }>(
				sql`SELECT customer_id, segment FROM hand_cn8 ORDER BY customer_id`
			)
		).rows;
		expect(rows.map((r) => r.segment)).toEqual([
			'cn8_important_value',
			'cn8_important_develop',
			'cn8_important_keep',
			'cn8_important_retain',
			'cn8_general_value',
			'cn8_general_develop',
			'cn8_general_keep',
			'cn8_general_retain'
		]);
	});

	it('mean split: a value equal to the mean is low (F) and not recent (R)', () => {
		expect(scoreDimension('f', [1, 2, 3], { method: 'mean', bins: 2 })).toEqual([1, 1, 2]);
		expect(scoreDimension('r', [1, 2, 3], { method: 'mean', bins: 2 })).toEqual([2, 1, 1]);
		expect(scoreDimension('f', [1, 2, 3, 10], { method: 'mean', bins: 2 })).toEqual([1, 1, 1, 2]);
		expect(scoreDimension('f', [1, 2, 3, 10], { method: 'median', bins: 2 })).toEqual([1, 1, 2, 2]);
	});

	it('breaks: bounds and customers per bin, as the UI shows them', async () => {
		const scoring: ScoringOptions = {
			method: 'r-rfm',
			bins: 4,
			m: { method: 'mean' },
			r: { method: 'thresholds', thresholds: [30, 200] }
		};
		await score(scoring);
		const rows = (await db.query(scoreBreaksSql({ scores: 'hand_scores', scoring }))).rows;
		expect(
			rows.filter((r) => r.dim === 'f').map((r) => [r.bin, r.score, r.lower, r.upper, r.customers])
		).toEqual([
			[1, 1, 1, 2.75, 4],
			[2, 2, 2.75, 5.5, 0],
			[3, 3, 5.5, 9.25, 3],
			[4, 4, 9.25, 11, 1]
		]);
		expect(
			rows.filter((r) => r.dim === 'r').map((r) => [r.bin, r.score, r.lower, r.upper, r.customers])
		).toEqual([
			[1, 3, 5, 30, 3],
			[2, 2, 30, 200, 1],
			[3, 1, 200, 401, 4]
		]);
		expect(
			rows.filter((r) => r.dim === 'm').map((r) => [r.bin, r.score, r.lower, r.upper, r.customers])
		).toEqual([
			[1, 1, 10, 387.5, 4],
			[2, 2, 387.5, 900, 4]
		]);
	});
});

describe('R type-7 quantiles (reference)', () => {
	it.each([
		[[1, 2, 3, 4], 0.5, 2.5],
		[[1, 1, 2, 2, 7, 8, 9, 10], 0.25, 1.75],
		[[10], 0.3, 10],
		[[3, 1, 2].sort((a, b) => a - b), 1, 3]
	])('quantile(%j, %d) = %d', (xs, p, q) => {
		expect(quantileType7(xs, p)).toBeCloseTo(q, 12);
	});
	it('user thresholds are used as given, no +1', () => {
		expect(rRfmBounds([1, 5, 9], 3, [4, 6])).toEqual({ lower: [1, 4, 6], upper: [4, 6, 10] });
	});
});

describe('scoring options are validated', () => {
	it.each([
		[{ bins: 11 }, 'rfm.badBins'],
		[{ bins: 1 }, 'rfm.badBins'],
		[{ method: 'thresholds' }, 'rfm.badThresholds'],
		[{ f: { method: 'thresholds', thresholds: [5, 3] } }, 'rfm.badThresholds'],
		[{ f: { method: 'mean', thresholds: [5] } }, 'rfm.thresholdsNotUsed'],
		[{ method: 'quartile' }, 'rfm.badMethod']
	] as [ScoringOptions, string][])('%j → %s', (o, code) => {
		expect(() => resolveScoring(o)).toThrow(expect.objectContaining({ code }));
	});
	it('mean and median always have two levels; thresholds set the bin count', () => {
		const s = resolveScoring({
			method: 'median',
			bins: 7,
			f: { method: 'r-rfm', thresholds: [1, 2, 3] }
		});
		expect([s.r.bins, s.f.bins, s.m.bins]).toEqual([2, 4, 2]);
	});
});

describe('coverage of a rule set', () => {
	const set: SegmentSet = {
		id: 'overlap',
		rules: [
			{ id: 'big', r: [1, 2], f: [1, 2], m: [2, 2] },
			{ id: 'recent', r: [2, 2], f: [1, 2], m: [1, 2] },
			{ id: 'frequent', r: [1, 2], f: [2, 2], m: [1, 2] }
		]
	};
	it('per customer: how many rules match, which, and the winner; per rule: matched, won, shadowed', async () => {
		await score({ method: 'mean' });
		const rows = (await db.query(coverageSql({ scores: 'hand_scores', set }))).rows;
		expect(rows.map((r) => [r.customer_id, r.matches, r.matched, r.segment])).toEqual([
			['A', 3, 'big,recent,frequent', 'big'],
			['B', 2, 'big,recent', 'big'],
			['C', 2, 'big,frequent', 'big'],
			['D', 1, 'big', 'big'],
			['E', 2, 'recent,frequent', 'recent'],
			['F', 1, 'recent', 'recent'],
			['G', 1, 'frequent', 'frequent'],
			['H', 0, '', 'others']
		]);
		for (const r of rows)
			expect(r.segment).toBe(
				matchSegment(set, r.r_score as number, r.f_score as number, r.m_score as number)
			);
		const none = (await db.query(coverageSql({ scores: 'hand_scores', set, filter: 'none' }))).rows;
		expect(none.map((r) => r.customer_id)).toEqual(['H']);
		const overlap = (await db.query(coverageSql({ scores: 'hand_scores', set, filter: 'overlap' })))
			.rows;
		expect(overlap.map((r) => r.customer_id)).toEqual(['A', 'B', 'C', 'E']);
		const summary = (await db.query(coverageSummarySql({ scores: 'hand_scores', set }))).rows;
		expect(summary.map((r) => [r.segment, r.matched, r.won, r.shadowed])).toEqual([
			['big', 4, 4, 0],
			['recent', 4, 2, 2],
			['frequent', 4, 1, 3],
			['others', 1, 1, 0]
		]);
	});
});

describe('frequency, monetary and returns options', () => {
	beforeAll(async () => {
		// P: order O1 in two lines (100 + 50), a return in O2 (−30), a cancelled order C3 (−20), O4 (40).
		await db.exec(
			raw(`CREATE TABLE tx AS SELECT src_row, customer_id, order_id, CAST(ts AS TIMESTAMP) AS ts, amount FROM (VALUES
			(1, 'P', 'O1', '2024-01-01', 100.0), (2, 'P', 'O1', '2024-01-01', 50.0), (3, 'P', 'O2', '2024-01-05', -30.0),
			(4, 'P', 'C3', '2024-01-06', -20.0), (5, 'P', 'O4', '2024-01-10', 40.0)) AS t(src_row, customer_id, order_id, ts, amount)`)
		);
	});
	const cases: [FrequencyMode, MonetaryMode, ReturnsMode, number, number][] = [
		['orders', 'total', 'net', 2, 140],
		['days', 'total', 'net', 2, 140],
		['rows', 'total', 'net', 5, 140],
		['rows', 'total', 'exclude', 3, 190],
		['rows', 'total', 'drop-cancelled', 4, 160],
		['orders', 'average', 'net', 2, 70],
		['rows', 'average', 'exclude', 3, 63.33]
	];
	it.each(cases)(
		'frequency %s, monetary %s, returns %s → F %d, M %d',
		async (frequency, monetary, returns, f, m) => {
			await db.exec(
				rfmCustomersSql({
					tx: 'tx',
					target: 'opt_base',
					asOf: '2024-01-31',
					frequency,
					monetary,
					returns
				})
			);
			const row = (await db.query(sql`SELECT recency_days, frequency, monetary FROM opt_base`))
				.rows[0];
			expect(row).toEqual({ recency_days: 21, frequency: f, monetary: m });
		}
	);
});
