import { describe, expect, it } from 'vitest';
import { expectedWhileAlive, expectedWhileAliveByIntegral } from '../../../../src/core/clv/bgnbd-predict.ts';

describe('BG/NBD expectation by integral (fallback when the 2F1 series cannot converge)', () => {
	// Parameters where the closed form works: the integral must agree with it.
	const cases = [
		{ params: { r: 0.243, alpha: 4.414, a: 50, b: 120 }, x: 2, T: 38.86, t: 39 },
		{ params: { r: 1.5, alpha: 10, a: 200, b: 900 }, x: 5, T: 30, t: 52 },
		{ params: { r: 0.8, alpha: 2, a: 30, b: 30 }, x: 0, T: 10, t: 5 }
	];
	it.each(cases)('agrees with the closed form for a=$params.a, b=$params.b, x=$x', ({ params, x, T, t }) => {
		const closed = expectedWhileAlive(params, x, T, t);
		const integral = expectedWhileAliveByIntegral(params, x, T, t);
		expect(Math.abs(integral - closed) / closed).toBeLessThan(1e-6);
	});

	it('stays finite for parameters at the edge of the search box (a, b ≈ 1e6)', () => {
		const params = { r: 0.9, alpha: 30, a: 1.1e6, b: 9.8e5 };
		const v = expectedWhileAlive(params, 3, 40, 26);
		// Dropout probability ≈ a/(a+b) ≈ 0.53 almost surely: close to (1/p)(1 − (δ/(δ+p·t))^{r+x}).
		const p = params.a / (params.a + params.b);
		const approx = (1 - ((30 + 40) / (30 + 40 + p * 26)) ** (0.9 + 3)) / p;
		expect(Number.isFinite(v)).toBe(true);
		expect(Math.abs(v - approx) / approx).toBeLessThan(1e-3);
	});
});
