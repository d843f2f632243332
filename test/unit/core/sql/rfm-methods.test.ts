import { describe, expect, it } from 'vitest';
import { segmentSql } from '../../../../src/core/sql/rfm.ts';
import { scoreBreaksSql } from '../../../../src/core/sql/rfm-score.ts';
import { CN8 } from '../../../../src/core/segments/presets.ts';
import { resolveScoring, type ScoringOptions } from '../../../../src/core/segments/scoring.ts';
import {
	quantileType7,
	rRfmBounds,
	scoreDimension
} from '../../../../src/core/segments/binning.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import { HAND, useHandDb, type Scores } from '../../../helpers/rfm-hand.ts';

// Options of the RFM base (frequency, monetary, returns) and rule-set coverage: rfm-options.test.ts.
const { db, score } = useHandDb();

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
