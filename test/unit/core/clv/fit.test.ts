import { describe, expect, it } from 'vitest';
import { prepareRfm, type CustomerSummary } from '../../../../src/core/clv/prepare.ts';
import { runClv } from '../../../../src/core/clv/fit.ts';
import type { ClvColumns, ClvFitInput } from '../../../../src/core/clv/fit-types.ts';
import { CALIBRATION_END, cdnowTransactions } from '../clv/cdnow.ts';


const cols = (cs: readonly Pick<CustomerSummary, 'x' | 'tx' | 'T' | 'zbar' | 'holdoutPurchases'>[]): ClvColumns => ({
	x: Float64Array.from(cs, (c) => c.x),
	tx: Float64Array.from(cs, (c) => c.tx),
	T: Float64Array.from(cs, (c) => c.T),
	zbar: Float64Array.from(cs, (c) => c.zbar),
	holdout: Float64Array.from(cs, (c) => c.holdoutPurchases)
});

describe('runClv (what the worker runs)', () => {
	const prepared = prepareRfm(cdnowTransactions(), { calibrationEnd: CALIBRATION_END, unit: 'week' });
	const births = new Map<number, number>();
	for (const c of prepared.customers) births.set(c.firstDay, (births.get(c.firstDay) ?? 0) + 1);
	const startDay = Math.min(...births.keys());
	const input: ClvFitInput = {
		calibration: cols(prepared.customers),
		unit: 'week',
		holdoutLength: prepared.holdoutLength,
		horizonMonths: 12,
		monthlyDiscountRate: 0.01,
		tracking: { startDay, weeks: 78, births: [...births].map(([firstDay, n]) => ({ firstDay, n })), repeatsByWeek: [] }
	};
	const stages: string[] = [];
	const r = runClv(input, (s) => stages.push(s));

	it('reports progress through every stage and fits CDNOW without warnings', () => {
		expect([...new Set(stages)]).toEqual(['bgnbd', 'gammagamma', 'scoring', 'checks']);
		expect(r.warnings).toEqual([]);
		expect(r.bgnbd.params.r).toBeCloseTo(0.2426, 3);
		expect(r.correlation).toBeCloseTo(0.11, 2);
	});

	it('compares hold-out purchases for calibration frequencies 0 … 7+ and tracks expected repeats upward', () => {
		expect(r.frequencyCheck.map((f) => f.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(r.frequencyCheck.reduce((s, f) => s + f.customers, 0)).toBe(2357);
		expect(r.tracking).toHaveLength(78);
		expect(r.tracking.every((t, i) => i === 0 || t.expected >= (r.tracking[i - 1]?.expected ?? 0))).toBe(true);
		expect(r.scores.clv.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
	});

	it.each([
		['only single purchases', [{ x: 0, tx: 0, T: 10, zbar: 0, holdoutPurchases: 0 }, { x: 0, tx: 0, T: 5, zbar: 0, holdoutPurchases: 1 }], ['few-customers', 'no-repeat-customers']],
		['a handful of customers', [{ x: 2, tx: 5, T: 10, zbar: 20, holdoutPurchases: 1 }, { x: 1, tx: 1, T: 8, zbar: 30, holdoutPurchases: 0 }, { x: 0, tx: 0, T: 3, zbar: 0, holdoutPurchases: 0 }], ['few-customers']]
	] as const)('warns on %s instead of failing', (_name, cs, expected) => {
		const res = runClv({ calibration: cols(cs), unit: 'week', holdoutLength: 4, horizonMonths: 3, monthlyDiscountRate: 0.01 });
		for (const w of expected) expect(res.warnings).toContain(w);
		expect(res.scores.pAlive.every((p) => p >= 0 && p <= 1)).toBe(true);
	});
});
