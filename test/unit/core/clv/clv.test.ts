import { describe, expect, it } from 'vitest';
import { bgnbdExpectedPurchases } from '../../../../src/core/clv/bgnbd-predict.ts';
import { fitBgNbd } from '../../../../src/core/clv/bgnbd.ts';
import {
	customerLifetimeValues,
	DAYS_PER_MONTH,
	unitsPerMonth
} from '../../../../src/core/clv/clv.ts';
import { fitGammaGamma, gammaGammaExpectedSpend } from '../../../../src/core/clv/gamma-gamma.ts';
import { cdnowSummary, PAPER_BGNBD } from './cdnow.ts';

const summary = cdnowSummary();
const bgnbd = fitBgNbd(summary).params;
const gammaGamma = fitGammaGamma(summary).params;
const first10 = summary.slice(0, 10);

describe('CLV regression against lifetimes (Quickstart, freq="D": 30 model units per month)', () => {
	const want = [
		140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574,
		167.418216, 38.180574
	];
	const values = customerLifetimeValues(first10, { bgnbd, gammaGamma, unitsPerMonth: 30 });
	it.each(want.map((v, i) => [i + 1, v]))('customer %s: CLV = %s (±0.5 %%)', (id, v) => {
		const got = values[(id as number) - 1]?.clv ?? NaN;
		expect(Math.abs(got - (v as number)) / (v as number)).toBeLessThan(0.005);
	});
});

describe('CLV units', () => {
	it('defaults to weeks with 30.4375/7 units per month', () => {
		expect(unitsPerMonth()).toBeCloseTo(30.4375 / 7, 12);
		expect(unitsPerMonth({ unit: 'week' })).toBeCloseTo(4.348214, 6);
		expect(unitsPerMonth({ unit: 'day' })).toBe(DAYS_PER_MONTH);
		expect(unitsPerMonth({ unit: 'day', unitsPerMonth: 30 })).toBe(30);
		const byDefault = customerLifetimeValues(first10, { bgnbd, gammaGamma });
		const explicit = customerLifetimeValues(first10, {
			bgnbd,
			gammaGamma,
			unitsPerMonth: 30.4375 / 7
		});
		const lifetimesD = customerLifetimeValues(first10, { bgnbd, gammaGamma, unitsPerMonth: 30 });
		byDefault.forEach((v, i) => {
			expect(v.clv).toBeCloseTo(explicit[i]?.clv ?? NaN, 10);
			expect(v.clv).toBeLessThan(lifetimesD[i]?.clv ?? NaN);
		});
	});

	it('equals the formula summed by hand for one customer', () => {
		const c = summary[0] as (typeof summary)[number];
		const u = 30.4375 / 7;
		const m = gammaGammaExpectedSpend(gammaGamma, c);
		let want = 0;
		for (let k = 1; k <= 6; k++) {
			const step =
				bgnbdExpectedPurchases(bgnbd, c, k * u) - bgnbdExpectedPurchases(bgnbd, c, (k - 1) * u);
			want += (m * step) / 1.02 ** k;
		}
		const [got] = customerLifetimeValues([c], {
			bgnbd,
			gammaGamma,
			horizonMonths: 6,
			monthlyDiscountRate: 0.02
		});
		expect(got?.clv).toBeCloseTo(want, 10);
		expect(got?.expectedSpend).toBeCloseTo(m, 12);
		expect(got?.expectedPurchases).toBeCloseTo(bgnbdExpectedPurchases(bgnbd, c, 6 * u), 10);
	});

	it('without discounting, CLV = E[M] × expected purchases over the horizon', () => {
		const values = customerLifetimeValues(first10, {
			bgnbd: PAPER_BGNBD,
			gammaGamma,
			monthlyDiscountRate: 0,
			unit: 'week'
		});
		for (const v of values) expect(v.clv).toBeCloseTo(v.expectedSpend * v.expectedPurchases, 10);
	});

	it.each([
		[{ horizonMonths: 0 }, /horizonMonths must be a whole number ≥ 1, got 0/],
		[{ monthlyDiscountRate: -1 }, /monthlyDiscountRate must be a finite number > −1, got -1/],
		[{ unitsPerMonth: 0 }, /unitsPerMonth must be a finite number > 0, got 0/],
		[{ unit: 'year' }, /unit must be 'day' or 'week', got "year"/],
		[{ bgnbd: { ...bgnbd, a: 0 } }, /parameter a must be a finite number > 0, got 0/]
	])('rejects %j', (bad, message) => {
		expect(() =>
			customerLifetimeValues(first10, { bgnbd, gammaGamma, ...(bad as object) })
		).toThrow(message);
	});
});
