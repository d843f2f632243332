import { describe, expect, it } from 'vitest';
import {
	bgnbdLogLikelihood,
	bgnbdTotalLogLikelihood,
	fitBgNbd
} from '../../../../src/core/clv/bgnbd.ts';
import { prepareRfm } from '../../../../src/core/clv/prepare.ts';
import { groupRfm, type RfmInput } from '../../../../src/core/clv/rfm-groups.ts';
import { lnGamma } from '../../../../src/core/clv/special.ts';
import {
	CALIBRATION_END,
	cdnowSummaryPlain,
	cdnowTransactions,
	LIFETIMES_BGNBD,
	PAPER_BGNBD
} from './cdnow.ts';

const prepared = prepareRfm(cdnowTransactions(), {
	calibrationEnd: CALIBRATION_END,
	unit: 'week',
	roundDecimals: 2
}).customers;

describe('BG/NBD fit on CDNOW (FHL 2005)', () => {
	const fit = fitBgNbd(prepared);

	it.each(Object.entries(PAPER_BGNBD))('%s within 0.5 %% of the paper', (name, want) => {
		const got = fit.params[name as keyof typeof PAPER_BGNBD];
		expect(Math.abs(got - want) / want).toBeLessThan(0.005);
	});

	it.each(Object.entries(LIFETIMES_BGNBD))(
		'%s matches the lifetimes MLE to 1e-5 relative',
		(name, want) => {
			const got = fit.params[name as keyof typeof LIFETIMES_BGNBD];
			expect(Math.abs(got - want) / want).toBeLessThan(1e-5);
		}
	);

	it('has log-likelihood −9582.4 and reports a clean fit', () => {
		expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
		expect(Math.abs(fit.logLikelihood + 9582.4)).toBeLessThan(0.1);
		expect(fit.converged).toBe(true);
		expect(fit.warnings).toEqual([]);
		expect(fit.customers).toBe(2357);
		expect(fit.groups).toBeLessThan(2357);
	});

	it('gives the same fit on the published summary file', () => {
		const other = fitBgNbd(cdnowSummaryPlain());
		expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
	});

	it('gives the same fit when the starts are explored on a subsample', () => {
		const staged = fitBgNbd(prepared, { exploreSampleSize: 500 });
		for (const k of ['r', 'alpha', 'a', 'b'] as const) {
			expect(Math.abs(staged.params[k] - fit.params[k]) / fit.params[k]).toBeLessThan(1e-4);
		}
	});
});

describe('BG/NBD likelihood', () => {
	it('sums per-customer terms to the grouped total', () => {
		const sum = prepared.reduce((s, c) => s + bgnbdLogLikelihood(PAPER_BGNBD, c), 0);
		expect(bgnbdTotalLogLikelihood(PAPER_BGNBD, prepared)).toBeCloseTo(sum, 6);
	});

	it('matches the formula written out for one customer', () => {
		const { r, alpha, a, b } = PAPER_BGNBD;
		const [x, tx, T] = [2, 30.43, 38.86];
		const lnB = (p: number, q: number): number => lnGamma(p) + lnGamma(q) - lnGamma(p + q);
		const common = Math.exp(lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha));
		const l1 = Math.exp(lnB(a, b + x) - lnB(a, b)) * common * (alpha + T) ** -(r + x);
		const l2 = Math.exp(lnB(a + 1, b + x - 1) - lnB(a, b)) * common * (alpha + tx) ** -(r + x);
		expect(bgnbdLogLikelihood(PAPER_BGNBD, { x, tx, T })).toBeCloseTo(Math.log(l1 + l2), 12);
	});

	it.each([
		[{ x: -1, tx: 0, T: 1 }, /customer 1: x must be a whole number ≥ 0, got -1/],
		[{ x: 1.5, tx: 0, T: 1 }, /x must be a whole number ≥ 0, got 1.5/],
		[{ x: 1, tx: 2, T: 1 }, /t_x \(2\) exceeds T \(1\)/],
		[{ x: 0, tx: 0.5, T: 1 }, /t_x must be 0 when x = 0, got 0.5/],
		[{ x: 0, tx: 0, T: NaN }, /T must be a finite number ≥ 0, got NaN/]
	])('rejects %j', (customer, message) => {
		expect(() => bgnbdLogLikelihood(PAPER_BGNBD, customer)).toThrow(message);
	});

	it.each([
		[{ ...PAPER_BGNBD, r: 0 }, /parameter r must be a finite number > 0, got 0/],
		[{ ...PAPER_BGNBD, b: NaN }, /parameter b must be a finite number > 0, got NaN/]
	])('rejects parameters %j', (params, message) => {
		expect(() => bgnbdLogLikelihood(params, { x: 0, tx: 0, T: 1 })).toThrow(message);
	});
});

describe('grouping', () => {
	it('merges identical (x, t_x, T) and indexes distinct values', () => {
		const rows: RfmInput[] = [
			{ x: 0, tx: 0, T: 5 },
			{ x: 2, tx: 3, T: 5 },
			{ x: 0, tx: 0, T: 5 },
			{ x: 2, tx: 3, T: 6 }
		];
		const g = groupRfm(rows);
		expect(Array.from(g.weight)).toEqual([2, 1, 1]);
		expect(Array.from(g.groupOf)).toEqual([0, 1, 0, 2]);
		expect(Array.from(g.uniqueT)).toEqual([5, 6]);
		expect(Array.from(g.uniqueX)).toEqual([0, 2]);
	});
});

describe('BG/NBD fit on weak data', () => {
	it.each([
		['5 customers', prepared.slice(0, 5), 'few-customers'],
		['nobody bought twice', prepared.filter((c) => c.x === 0).slice(0, 200), 'no-repeat-customers'],
		['one customer', [{ x: 3, tx: 10, T: 20 }], 'few-customers']
	])(
		'%s: returns finite numbers and a warning instead of throwing',
		(_name, customers, warning) => {
			const fit = fitBgNbd(customers);
			expect(fit.warnings).toContain(warning);
			expect(typeof fit.converged).toBe('boolean');
			expect(Number.isFinite(fit.logLikelihood)).toBe(true);
			for (const v of Object.values(fit.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
		}
	);

	it('rejects an empty customer list', () => {
		expect(() => fitBgNbd([])).toThrow(/at least one customer, got 0/);
	});
});
