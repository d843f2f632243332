import { describe, expect, it } from 'vitest';
import {
	fitGammaGamma,
	gammaGammaExpectedSpend,
	gammaGammaLogLikelihood,
	spendFrequencyCorrelation
} from '../../../../src/core/clv/gamma-gamma.ts';
import { cdnowSummary } from './cdnow.ts';

const summary = cdnowSummary();
const PAPER = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('Gamma-Gamma fit on the 946 CDNOW repeat customers', () => {
	const fit = fitGammaGamma(summary);

	it.each(Object.entries(PAPER))('%s within 0.5 %% of the paper', (name, want) => {
		const got = fit.params[name as keyof typeof PAPER];
		expect(Math.abs(got - want) / want).toBeLessThan(0.005);
	});

	it('uses the 946 customers with x > 0 and reports a clean fit', () => {
		expect(fit.customers).toBe(946);
		expect(fit.skippedNonPositive).toBe(0);
		expect(fit.converged).toBe(true);
		expect(fit.warnings).toEqual([]);
		const sum = summary
			.filter((c) => c.x > 0)
			.reduce((s, c) => s + gammaGammaLogLikelihood(fit.params, c), 0);
		expect(fit.logLikelihood).toBeCloseTo(sum, 6);
	});

	// lifetimes docs/Quickstart.md, E[M | x, zbar] with its fitted parameters (v = 15.4477).
	it.each([
		[1, 24.658619],
		[2, 18.911489],
		[3, 35.170981],
		[6, 71.462843],
		[9, 27.282408]
	])('customer %s: E[M] = %s with fitted parameters', (id, want) => {
		const c = summary[id - 1];
		expect(c).toBeDefined();
		expect(gammaGammaExpectedSpend(fit.params, c as (typeof summary)[number])).toBeCloseTo(want, 3);
	});

	it('mean E[M] over all 2,357 customers = 35.2529588', () => {
		const mean =
			summary.reduce((s, c) => s + gammaGammaExpectedSpend(fit.params, c), 0) / summary.length;
		expect(mean).toBeCloseTo(35.2529588, 3);
	});
});

describe('Gamma-Gamma expected spend with the paper parameters', () => {
	const want = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
	it.each(want.map((v, i) => [i + 1, v]))('customer %s: E[M] ≈ %s (±0.1)', (id, v) => {
		const c = summary[(id as number) - 1] as (typeof summary)[number];
		expect(Math.abs(gammaGammaExpectedSpend(PAPER, c) - (v as number))).toBeLessThan(0.1);
	});

	it('gives x = 0 (and zbar ≤ 0) the population mean pγ/(q−1)', () => {
		const mean = (PAPER.p * PAPER.gamma) / (PAPER.q - 1);
		expect(gammaGammaExpectedSpend(PAPER, { x: 0, zbar: 0 })).toBeCloseTo(mean, 12);
		expect(gammaGammaExpectedSpend(PAPER, { x: 2, zbar: 0 })).toBeCloseTo(mean, 12);
	});

	it('refuses an infinite population mean', () => {
		expect(() => gammaGammaExpectedSpend({ ...PAPER, q: 0.8 }, { x: 0, zbar: 0 })).toThrow(
			/infinite for q=0.8/
		);
	});
});

describe('spend–frequency correlation', () => {
	it('is 0.1139 on CDNOW repeat customers (lifetimes Quickstart: 0.113884)', () => {
		expect(Math.abs(spendFrequencyCorrelation(summary) - 0.113884)).toBeLessThan(0.001);
	});
	it('is NaN when undefined', () => {
		expect(spendFrequencyCorrelation([{ x: 1, zbar: 5 }])).toBeNaN();
		expect(
			spendFrequencyCorrelation([
				{ x: 1, zbar: 5 },
				{ x: 1, zbar: 6 }
			])
		).toBeNaN();
	});
});

describe('Gamma-Gamma on weak or bad data', () => {
	it('fits 5 customers with warnings instead of NaN', () => {
		const fit = fitGammaGamma(summary.filter((c) => c.x > 0).slice(0, 5));
		expect(fit.warnings).toContain('few-customers');
		expect(Number.isFinite(fit.logLikelihood)).toBe(true);
		for (const v of Object.values(fit.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
	});

	it('skips repeat customers whose mean spend is not positive', () => {
		const data = [...summary.slice(0, 200), { x: 2, zbar: 0 }, { x: 1, zbar: -4 }];
		const fit = fitGammaGamma(data);
		expect(fit.skippedNonPositive).toBe(2);
	});

	it.each([
		[
			() => fitGammaGamma([{ x: 0, zbar: 0 }]),
			/needs customers with x > 0 and zbar > 0, got 0 of 1/
		],
		[() => fitGammaGamma([{ x: -1, zbar: 3 }]), /customer 1: x must be a whole number ≥ 0, got -1/],
		[() => gammaGammaLogLikelihood(PAPER, { x: 0, zbar: 3 }), /needs x > 0 and zbar > 0, got x=0/],
		[
			() => gammaGammaExpectedSpend({ ...PAPER, p: -1 }, { x: 1, zbar: 3 }),
			/parameter p must be a finite number > 0, got -1/
		],
		[
			() => gammaGammaExpectedSpend(PAPER, { x: 1, zbar: Infinity }),
			/zbar must be finite, got Infinity/
		]
	])('rejects bad input %#', (call, message) => {
		expect(call).toThrow(message);
	});
});
