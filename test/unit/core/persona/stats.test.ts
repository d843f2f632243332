import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, chi2Statistic, chi2SurvivalDf1, erfc, fisherExact, test2x2 } from '../../../../src/core/persona/stats.ts';

/** C(n, k) exactly. */
function choose(n: number, k: number): bigint {
	let r = 1n;
	for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
	return r;
}

/** Fisher's two-sided p by exact rational enumeration (independent of the code under test: BigInt, no logs). */
function fisherByHand(a: number, b: number, c: number, d: number): number {
	const r1 = a + b;
	const c1 = a + c;
	const n = a + b + c + d;
	const prob = (x: number) => choose(r1, x) * choose(n - r1, c1 - x);
	const obs = prob(a);
	let num = 0n;
	for (let x = Math.max(0, r1 + c1 - n); x <= Math.min(r1, c1); x++) if (prob(x) <= obs) num += prob(x);
	return Number((num * 10n ** 15n) / choose(n, c1)) / 1e15;
}

describe('erfc and the χ² (1 df) p-value', () => {
	it('erfc matches published values (Abramowitz & Stegun table 7.1)', () => {
		expect(erfc(0)).toBe(1);
		expect(erfc(0.5)).toBeCloseTo(0.479500122186953, 14);
		expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
		expect(erfc(2)).toBeCloseTo(0.004677734981047, 14);
		expect(erfc(3) / 2.20904969985854e-5).toBeCloseTo(1, 12);
		expect(erfc(5) / 1.53745979442803e-12).toBeCloseTo(1, 10);
		expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 14);
	});

	it('the χ² critical values of textbook tables give their p', () => {
		expect(chi2SurvivalDf1(3.841458820694124)).toBeCloseTo(0.05, 12);
		expect(chi2SurvivalDf1(6.634896601021214)).toBeCloseTo(0.01, 12);
		expect(chi2SurvivalDf1(10.827566170662733)).toBeCloseTo(0.001, 12);
		// χ² = 1 and 4 are |Z| > 1 and |Z| > 2: 0.3173105078629141 and 0.04550026389635842.
		expect(chi2SurvivalDf1(1)).toBeCloseTo(0.3173105078629141, 14);
		expect(chi2SurvivalDf1(4)).toBeCloseTo(0.04550026389635842, 14);
		expect(chi2SurvivalDf1(0)).toBe(1);
	});
});

describe('2×2 tests', () => {
	it('χ² without continuity correction: N(ad − bc)² / (r1 r2 c1 c2)', () => {
		// 100 · (30·30 − 20·20)² / 50⁴ = 100 · 250000 / 6250000 = 4.
		expect(chi2Statistic({ a: 30, b: 20, c: 20, d: 30 })).toBeCloseTo(4, 12);
		const r = test2x2({ a: 30, b: 20, c: 20, d: 30 });
		expect(r.test).toBe('chi2');
		expect(r.p).toBeCloseTo(0.04550026389635842, 12);
	});

	it("Fisher's tea-tasting table: p = 34/70 = 0.4857", () => {
		const r = test2x2({ a: 3, b: 1, c: 1, d: 3 });
		expect(r.test).toBe('fisher');
		expect(r.p).toBeCloseTo(34 / 70, 12);
	});

	it('Fisher on [[1, 9], [11, 3]] is 0.002759 (the textbook example) and equals exact enumeration', () => {
		expect(fisherExact({ a: 1, b: 9, c: 11, d: 3 })).toBeCloseTo(0.002759456, 8);
		expect(fisherExact({ a: 1, b: 9, c: 11, d: 3 })).toBeCloseTo(fisherByHand(1, 9, 11, 3), 12);
		expect(fisherExact({ a: 5, b: 50, c: 0, d: 50 })).toBeCloseTo(fisherByHand(5, 50, 0, 50), 12);
		expect(fisherExact({ a: 40, b: 400, c: 3, d: 900 })).toBeCloseTo(fisherByHand(40, 400, 3, 900), 10);
	});

	it('an expected count under 5 switches to Fisher; a zero margin gives p = 1', () => {
		// Expected for a: 10 · 8 / 200 = 0.4.
		expect(test2x2({ a: 2, b: 8, c: 6, d: 184 }).test).toBe('fisher');
		expect(test2x2({ a: 0, b: 10, c: 0, d: 20 }).p).toBe(1);
	});
});

describe('Benjamini–Hochberg', () => {
	it('adjusts in the input order: min over later ranks of p·m/rank', () => {
		// Sorted 0.005, 0.01, 0.03, 0.04 → 0.02, 0.02, 0.04, 0.04 (m = 4).
		const got = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
		[0.02, 0.04, 0.04, 0.02].forEach((e, i) => expect(got[i]).toBeCloseTo(e, 15));
		expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
		expect(benjaminiHochberg([])).toEqual([]);
	});
});
