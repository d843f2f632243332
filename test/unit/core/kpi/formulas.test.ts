import { describe, expect, it } from 'vitest';
import { csatFromCounts, csatFromScores, satisfiedFrom } from '../../../../src/core/kpi/csat.ts';
import { npsCategory, npsDifference, npsFromCounts, npsFromScores, toPoints } from '../../../../src/core/kpi/nps.ts';
import { retentionFromCounts } from '../../../../src/core/kpi/retention.ts';
import { meanFromSums, normalQuantile, wilsonInterval, zFor } from '../../../../src/core/kpi/stats.ts';
import { DEFAULT_TARGETS, kpiLight, trafficLight, type Target } from '../../../../src/core/kpi/targets.ts';


describe('NPS: the R NPS package unit test (scores 0,7,7,9,9,9)', () => {
	const s = npsFromScores([0, 7, 7, 9, 9, 9]);
	it('NPS = 1/3 (33.3 points)', () => {
		expect(s.nps).toBeCloseTo(1 / 3, 12);
		expect(toPoints(s.nps)).toBeCloseTo(33.333, 3);
	});
	it('variance 5/9 and standard error 0.304 on the −1..1 scale', () => {
		expect(s.variance).toBeCloseTo(5 / 9, 12);
		expect(s.se).toBeCloseTo(0.304, 3);
	});
	it('95 % Wald interval NPS ± 1.96·se', () => {
		expect(s.ciLow).toBeCloseTo(1 / 3 - 1.959964 * s.se, 6);
		expect(s.ciHigh).toBeCloseTo(1 / 3 + 1.959964 * s.se, 6);
	});
	it('counts: 1 detractor, 2 passives, 3 promoters', () => {
		expect(s).toMatchObject({ n: 6, detractors: 1, passives: 2, promoters: 3 });
	});
});

describe('NPS categories and edge cases', () => {
	it.each([
		[0, 'detractor'],
		[6, 'detractor'],
		[7, 'passive'],
		[8, 'passive'],
		[9, 'promoter'],
		[10, 'promoter']
	] as const)('%i is a %s', (score, cat) => {
		expect(npsCategory(score)).toBe(cat);
	});
	it.each([11, -1, 7.5, NaN])('%s is not an NPS answer', (v) => {
		expect(() => npsCategory(v)).toThrow(RangeError);
	});
	it.each([
		{ name: 'all promoters', c: { detractors: 0, passives: 0, promoters: 4 }, nps: 1, variance: 0 },
		{ name: 'all detractors', c: { detractors: 5, passives: 0, promoters: 0 }, nps: -1, variance: 0 },
		{ name: 'half and half', c: { detractors: 2, passives: 0, promoters: 2 }, nps: 0, variance: 1 },
		{ name: 'all passives', c: { detractors: 0, passives: 3, promoters: 0 }, nps: 0, variance: 0 }
	])('$name: nps $nps, variance $variance, interval inside [−1, 1]', ({ c, nps, variance }) => {
		const s = npsFromCounts(c);
		expect(s.nps).toBe(nps);
		expect(s.variance).toBeCloseTo(variance, 12);
		expect(s.ciLow).toBeGreaterThanOrEqual(-1);
		expect(s.ciHigh).toBeLessThanOrEqual(1);
	});
	it('no answers: NaN, not a division error', () => {
		expect(Number.isNaN(npsFromCounts({ detractors: 0, passives: 0, promoters: 0 }).nps)).toBe(true);
	});
	it('rejects counts that are not whole numbers ≥ 0', () => {
		expect(() => npsFromCounts({ detractors: -1, passives: 0, promoters: 1 })).toThrow(/detractors/);
	});
	it('a 90 % interval is narrower than a 95 % one', () => {
		const a = npsFromScores([0, 7, 7, 9, 9, 9], { confidence: 0.9 });
		const b = npsFromScores([0, 7, 7, 9, 9, 9]);
		expect(a.ciHigh - a.ciLow).toBeLessThan(b.ciHigh - b.ciLow);
	});
});

describe('NPS two-group difference', () => {
	it('diff = a − b, se = √(se_a² + se_b²), 95 % interval', () => {
		const a = npsFromScores([0, 7, 7, 9, 9, 9]);
		const b = npsFromCounts({ detractors: 2, passives: 1, promoters: 3 });
		const d = npsDifference(a, b);
		expect(d.diff).toBeCloseTo(1 / 3 - 1 / 6, 12);
		expect(d.se).toBeCloseTo(Math.hypot(a.se, b.se), 12);
		expect(d.ciLow).toBeCloseTo(d.diff - 1.959964 * d.se, 6);
		expect(d.significant).toBe(false);
	});
	it('large clearly different groups are significant', () => {
		const a = npsFromCounts({ detractors: 100, passives: 100, promoters: 800 });
		const b = npsFromCounts({ detractors: 500, passives: 200, promoters: 300 });
		expect(npsDifference(a, b)).toMatchObject({ significant: true });
		expect(npsDifference(a, b).diff).toBeCloseTo(0.9, 12);
	});
});

describe('CSAT: top-two-box share with a Wilson interval', () => {
	it.each([
		[5, 4],
		[7, 6],
		[10, 9]
	] as const)('on a %i-point scale, satisfied from %i', (scale, from) => {
		expect(satisfiedFrom(scale)).toBe(from);
	});
	it('5 of 8 (blanks excluded): 62.5 %, Wilson [30.57 %, 86.32 %] as R prop.test(5, 8, correct = FALSE)', () => {
		const s = csatFromScores([5, 4, 3, null, 2, 5, null, 4, 1, 5], 5);
		expect(s).toMatchObject({ n: 8, satisfied: 5, csat: 0.625 });
		expect(s.ciLow).toBeCloseTo(0.3057, 4);
		expect(s.ciHigh).toBeCloseTo(0.8632, 4);
	});
	it('stays inside [0, 1] at 0 and at n', () => {
		expect(csatFromCounts({ n: 10, satisfied: 10 }).ciHigh).toBe(1);
		expect(csatFromCounts({ n: 10, satisfied: 0 }).ciLow).toBe(0);
		expect(csatFromCounts({ n: 10, satisfied: 10 }).ciLow).toBeCloseTo(0.7225, 4);
	});
	it('rejects an answer outside the scale', () => {
		expect(() => csatFromScores([6], 5)).toThrow(/1–5/);
	});
	it('rejects satisfied > n', () => {
		expect(() => csatFromCounts({ n: 2, satisfied: 3 })).toThrow(RangeError);
	});
});

describe('statistics helpers', () => {
	it.each([
		[0.975, 1.959963985],
		[0.95, 1.644853627],
		[0.5, 0],
		[0.001, -3.090232306]
	])('normalQuantile(%f) = %f', (p, z) => {
		expect(normalQuantile(p)).toBeCloseTo(z, 7);
	});
	it('zFor(0.95) = 1.96, zFor(0.99) = 2.576', () => {
		expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
		expect(zFor(0.99)).toBeCloseTo(2.575829, 6);
		expect(() => zFor(1)).toThrow(RangeError);
	});
	it('Wilson interval of 0 of 0 is undefined (NaN)', () => {
		expect(Number.isNaN(wilsonInterval(0, 0, 1.96).low)).toBe(true);
	});
	it('mean from sums: 1,2,3,4 → mean 2.5, sd 1.291, interval ± 1.96·sd/2', () => {
		const m = meanFromSums({ n: 4, sum: 10, sumSq: 30 });
		expect(m.mean).toBe(2.5);
		expect(m.sd).toBeCloseTo(1.290994, 6);
		expect(m.ciLow).toBeCloseTo(2.5 - 1.959964 * (1.290994 / 2), 5);
	});
});

describe('retention formulas', () => {
	it('hand-checked counts (see tx_retention.csv): retention (E − N)/S, churn lost/S, repurchase', () => {
		const r = retentionFromCounts({ customersStart: 7, customersEnd: 7, newCustomers: 2, retained: 4, lost: 3, reactivated: 2, buyers: 8, repeatBuyers: 3 });
		expect(r.retention).toBeCloseTo(5 / 7, 12);
		expect(r.churn).toBeCloseTo(3 / 7, 12);
		expect(r.retainedShare).toBeCloseTo(4 / 7, 12);
		expect(r.repurchaseRate).toBe(3 / 8);
	});
	it('no customers at the start: NaN rates', () => {
		const r = retentionFromCounts({ customersStart: 0, customersEnd: 1, newCustomers: 1, retained: 0, lost: 0, reactivated: 0, buyers: 1, repeatBuyers: 0 });
		expect(Number.isNaN(r.retention) && Number.isNaN(r.churn)).toBe(true);
		expect(r.repurchaseRate).toBe(0);
	});
});

describe('traffic light against targets', () => {
	it.each([
		['csat', 85, 'green'],
		['csat', 84.9, 'amber'],
		['csat', 80, 'amber'],
		['csat', 79.9, 'red'],
		['nps', 40, 'amber'],
		['nps', 40.1, 'green'],
		['nps', 29, 'red'],
		['retention', 92, 'green'],
		['retention', 90, 'amber'],
		['churn', 9.9, 'green'],
		['churn', 10, 'amber'],
		['churn', 15.5, 'red'],
		['churn', NaN, 'none']
	] as const)('%s %f → %s (defaults: CSAT ≥ 85, NPS > 40, retention ≥ 92, churn < 10)', (kpi, v, light) => {
		expect(kpiLight(kpi, v)).toBe(light);
	});
	it('edited targets replace the defaults', () => {
		const t: Target = { ...DEFAULT_TARGETS.nps, value: 20 };
		expect(trafficLight(30, t)).toBe('green');
		expect(kpiLight('nps', 30, { ...DEFAULT_TARGETS, nps: t })).toBe('green');
	});
	it('null value → none; a broken target throws', () => {
		expect(trafficLight(null, DEFAULT_TARGETS.csat)).toBe('none');
		expect(() => trafficLight(1, { ...DEFAULT_TARGETS.csat, amberBand: -1 })).toThrow(RangeError);
	});
});
