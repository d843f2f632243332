import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../../../../src/core/kpi/targets.ts';
import { reportKpiRows, targetSign } from '../../../../src/core/report/kpi-rows.ts';

describe('the report’s KPI rows against targets', () => {
	it('puts each value in display units against its target (CSAT ≥ 85 %, NPS > 40, retention ≥ 92 %, churn < 10 %)', () => {
		const rows = reportKpiRows(
			{
				nps: { nps: 0.41, n: 200 },
				csat: { csat: 0.84, n: 180 },
				ces: null,
				retention: { retainedShare: 0.7, churn: 0.3, repurchaseRate: 0.25, customersStart: 1000, buyers: 400 }
			},
			DEFAULT_TARGETS
		);
		// By hand: NPS 41 > 40 met; CSAT 84 misses 85 by 1 (band 5): close; retention 70 misses 92 by 22: missed;
		// churn 30 against < 10: missed by 20; repurchase has no target.
		expect(rows.map((r) => [r.kpi, Math.round(r.value * 10) / 10, r.n, r.light])).toEqual([
			['nps', 41, 200, 'green'],
			['csat', 84, 180, 'amber'],
			['retention', 70, 1000, 'red'],
			['churn', 30, 1000, 'red'],
			['repurchase', 25, 400, 'none']
		]);
		expect(rows.at(-1)!.target).toBeNull();
	});

	it('leaves out a KPI with no value, and retention and churn when nobody was a customer at the start', () => {
		const rows = reportKpiRows({ nps: { nps: Number.NaN, n: 0 }, csat: null, ces: { mean: 2.5, n: 12 }, retention: { retainedShare: Number.NaN, churn: Number.NaN, repurchaseRate: 0.5, customersStart: 0, buyers: 2 } }, DEFAULT_TARGETS);
		expect(rows.map((r) => r.kpi)).toEqual(['ces', 'repurchase']);
		expect(rows[0]!.light).toBe('green');
	});

	it('writes the comparison of a target', () => {
		expect([DEFAULT_TARGETS.csat, DEFAULT_TARGETS.nps, DEFAULT_TARGETS.ces, DEFAULT_TARGETS.churn].map(targetSign)).toEqual(['≥', '>', '≤', '<']);
	});
});
