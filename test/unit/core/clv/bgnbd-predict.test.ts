import { describe, expect, it } from 'vitest';
import {
	bgnbdExpectedPurchases,
	bgnbdProbabilityAlive,
	bgnbdPurchaseProbability,
	bgnbdUnconditionalExpected
} from '../../../../src/core/clv/bgnbd-predict.ts';
import { fitBgNbd, type BgNbdParams } from '../../../../src/core/clv/bgnbd.ts';
import { lnBeta } from '../../../../src/core/clv/special.ts';
import { cdnowSummaryPlain, PAPER_BGNBD } from './cdnow.ts';

const fitted = fitBgNbd(cdnowSummaryPlain()).params;

describe('BG/NBD predictions vs published values (fitted parameters)', () => {
	it('E[X(39) | x=2, t_x=30.43, T=38.86] = 1.226 (Hardie’s spreadsheet)', () => {
		const got = bgnbdExpectedPurchases(fitted, { x: 2, tx: 30.43, T: 38.86 }, 39);
		expect(Math.abs(got - 1.226)).toBeLessThan(0.001);
	});

	it.each([
		[0.1429, 0.0078],
		[1, 0.0532],
		[3, 0.1506],
		[31.8571, 1.0405],
		[32, 1.0437],
		[78, 1.8576]
	])('unconditional E[X(%s)] = %s', (t, want) => {
		expect(Math.abs(bgnbdUnconditionalExpected(fitted, t) - want)).toBeLessThan(0.001);
	});

	// lifetimes docs/Quickstart.md: the top 5 customers by E[X(1) | x, t_x, T].
	it.each([
		['509', 18, 35.14, 35.86, 0.424877],
		['841', 19, 34.0, 34.14, 0.474738],
		['1981', 17, 28.43, 28.86, 0.486526],
		['157', 29, 37.71, 38.0, 0.662396],
		['1516', 26, 30.86, 31.0, 0.710623]
	])('customer %s: E[X(1)] = %s', (_id, x, tx, T, want) => {
		expect(Math.abs(bgnbdExpectedPurchases(fitted, { x, tx, T }, 1) - want)).toBeLessThan(1e-4);
	});
});

describe('P(X(t) = n) with the paper parameters (R BTYD values)', () => {
	it('P(X(39) = 0) = 0.5737864', () => {
		expect(Math.abs(bgnbdPurchaseProbability(PAPER_BGNBD, 39, 0) - 0.5737864)).toBeLessThan(1e-4);
	});

	it('P(X(2) = 10) = 1.07869e-07', () => {
		const got = bgnbdPurchaseProbability(PAPER_BGNBD, 2, 10);
		expect(Math.abs(got - 1.07869e-7) / 1.07869e-7).toBeLessThan(1e-3);
	});

	it.each([
		[11, 0.0019995214],
		[12, 0.0015170236],
		[13, 0.001163315],
		[14, 0.0009003148],
		[15, 0.0007023638],
		[16, 0.0005517902],
		[17, 0.0004361913],
		[18, 0.0003467171],
		[19, 0.0002769613],
		[20, 0.000222226]
	])('P(X(30) = %s) = %s', (n, want) => {
		expect(bgnbdPurchaseProbability(PAPER_BGNBD, 30, n)).toBeCloseTo(want, 5);
	});

	it('is a distribution whose mean is E[X(t)]', () => {
		let total = 0;
		let mean = 0;
		for (let n = 0; n < 3000; n++) {
			const p = bgnbdPurchaseProbability(PAPER_BGNBD, 30, n);
			total += p;
			mean += n * p;
		}
		expect(total).toBeCloseTo(1, 12);
		expect(mean).toBeCloseTo(bgnbdUnconditionalExpected(PAPER_BGNBD, 30), 9);
		expect(bgnbdPurchaseProbability(PAPER_BGNBD, 0, 0)).toBe(1);
		expect(bgnbdPurchaseProbability(PAPER_BGNBD, 0, 3)).toBe(0);
	});

	it('rejects a bad n or t', () => {
		expect(() => bgnbdPurchaseProbability(PAPER_BGNBD, 1, 1.5)).toThrow(
			/n must be a whole number ≥ 0, got 1.5/
		);
		expect(() => bgnbdPurchaseProbability(PAPER_BGNBD, -1, 1)).toThrow(
			/t must be a finite number ≥ 0, got -1/
		);
	});
});

/** tanh-sinh quadrature of f over (0, 1), f given p and 1 − p (both accurate near the ends). */
function integrate01(f: (p: number, q: number) => number): number {
	const h = 1 / 64;
	let sum = 0;
	for (let k = -6 * 64; k <= 6 * 64; k++) {
		const y = (Math.PI / 2) * Math.sinh(k * h);
		const p = 1 / (1 + Math.exp(-2 * y));
		const q = 1 / (1 + Math.exp(2 * y));
		const weight = (h * (Math.PI / 2) * Math.cosh(k * h)) / (2 * Math.cosh(y) ** 2);
		if (p > 0 && q > 0 && weight > 0) sum += weight * f(p, q);
	}
	return sum;
}

/**
 * E[X(t) | x, t_x, T] from its definition: P(alive) × E_p[(1 − (Δ/(Δ+pt))^{r+x}) / p] with
 * p ~ Beta(a, b+x) and Δ = α+T (the posterior of λ integrated out), by quadrature.
 */
function expectedByQuadrature(
	params: BgNbdParams,
	x: number,
	tx: number,
	T: number,
	t: number
): number {
	const { r, alpha, a, b } = params;
	const delta = alpha + T;
	const norm = lnBeta(a, b + x);
	const whileAlive = integrate01((p, q) => {
		const density = Math.exp((a - 1) * Math.log(p) + (b + x - 1) * Math.log(q) - norm);
		return (density * -Math.expm1(-(r + x) * Math.log1p((p * t) / delta))) / p;
	});
	return bgnbdProbabilityAlive(params, { x, tx, T }) * whileAlive;
}

describe('E[X(t) | …] against direct numerical integration', () => {
	const sets: [string, BgNbdParams][] = [
		['paper', PAPER_BGNBD],
		['a = 1 exactly', { r: 0.5, alpha: 3, a: 1, b: 2 }],
		['a ≈ 1', { r: 0.5, alpha: 3, a: 1 + 3e-5, b: 2 }],
		['a > 1', { r: 2, alpha: 10, a: 3.5, b: 1.2 }],
		['a − r integer', { r: 0.5, alpha: 2, a: 1.5, b: 4 }],
		['a + b = 1 (pole at x = 0)', { r: 0.8, alpha: 5, a: 0.4, b: 0.6 }]
	];
	const customers: [number, number, number][] = [
		[0, 0, 0],
		[0, 0, 20],
		[2, 30.43, 38.86],
		[40, 35, 36]
	];
	const horizons = [0.5, 10, 39, 300, 5000];
	for (const [name, params] of sets) {
		it(`${name}: x, t_x, T × t`, () => {
			for (const [x, tx, T] of customers) {
				for (const t of horizons) {
					const got = bgnbdExpectedPurchases(params, { x, tx, T }, t);
					const want = expectedByQuadrature(params, x, tx, T, t);
					expect(
						Math.abs(got - want) / want,
						`x=${x} T=${T} t=${t}: ${got} vs ${want}`
					).toBeLessThan(1e-9);
				}
			}
		});
	}

	it('is 0 at t = 0, increasing in t, and P(alive) ∈ (0, 1]', () => {
		const c = { x: 5, tx: 20, T: 38 };
		expect(bgnbdExpectedPurchases(PAPER_BGNBD, c, 0)).toBe(0);
		let previous = 0;
		for (const t of [0.1, 1, 5, 20, 50, 100, 1000]) {
			const e = bgnbdExpectedPurchases(PAPER_BGNBD, c, t);
			expect(e).toBeGreaterThan(previous);
			previous = e;
		}
		expect(bgnbdProbabilityAlive(PAPER_BGNBD, { x: 0, tx: 0, T: 30 })).toBe(1);
		const p = bgnbdProbabilityAlive(PAPER_BGNBD, { x: 5, tx: 2, T: 38 });
		expect(p).toBeGreaterThan(0);
		expect(p).toBeLessThan(1);
	});

	it('rejects a negative horizon', () => {
		expect(() => bgnbdExpectedPurchases(PAPER_BGNBD, { x: 0, tx: 0, T: 1 }, -2)).toThrow(
			/t must be a finite number ≥ 0, got -2/
		);
	});
});
