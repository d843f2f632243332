/**
 * Accuracy against R's forecast package (test/fixtures/forecast/make-refs.R, its outputs committed beside
 * it): the same backtest definition on AirPassengers (monthly, H = 12) and UCI Online Retail daily purchase
 * invoices (one year, weekly seasonality, H = 28). Seasonal naive is the same method in both, so its errors
 * must agree to the fixture's rounding; Clientele's chosen model must have a MASE within 10 % of the better
 * of R's ets and stlf, and not above seasonal naive's where R's models beat it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../../src/core/forecast/auto.ts';
import type { Freq } from '../../../../src/core/forecast/design.ts';
import { periodRange } from '../../../../src/core/forecast/periods.ts';
import { fixture } from '../../../helpers/db.ts';

const csv = (name: string) =>
	fs.readFileSync(fixture('forecast', name), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
interface Ref {
	series: string;
	model: string;
	mae: number;
	rmse: number;
	mape: number;
	mape_left_out: number;
	smape: number;
	mase: number;
	coverage_80: number;
	coverage_95: number;
}
const refs = (() => {
	const [head = [], ...rows] = csv('refs.csv');
	return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, i < 2 ? r[i] : Number(r[i])])) as unknown as Ref);
})();
const ref = (series: string, model: string) => refs.find((r) => r.series === series && r.model === model)!;

const cases: { series: string; file: string; freq: Freq; h: number }[] = [
	{ series: 'airpassengers', file: 'airpassengers.csv', freq: 'month', h: 12 },
	{ series: 'online-retail-daily', file: 'online-retail-daily.csv', freq: 'day', h: 28 }
];

describe.each(cases)('against R forecast: $series', ({ series, file, freq, h }) => {
	const rows = csv(file).slice(1);
	const y = rows.map((r) => Number(r[1]));
	const result = forecastSeries(y, { freq, dates: periodRange(rows[0]![0]!, freq, y.length + h), holidays: [] }, 'auto', h);

	it("seasonal naive's backtest equals R's snaive", () => {
		const r = ref(series, 'snaive');
		const b = result.baselineBacktest!;
		expect(b.origins).toBe(4);
		const pairs: [number, number][] = [[b.mae, r.mae], [b.rmse, r.rmse], [b.mape, r.mape], [b.smape, r.smape], [b.mase, r.mase], [b.coverage80, r.coverage_80], [b.coverage95, r.coverage_95]];
		for (const [ours, theirs] of pairs) expect(ours).toBeCloseTo(theirs, 4);
		expect(b.mapeLeftOut).toBe(r.mape_left_out);
	});

	it("the chosen model's MASE is within 10 % of the better of R's ets and stlf", () => {
		const better = Math.min(ref(series, 'ets').mase, ref(series, 'stlf').mase);
		const ours = result.backtest!.mase;
		expect(result.backtest!.origins).toBe(4);
		expect(ours).toBeLessThanOrEqual(1.1 * better);
		if (better < ref(series, 'snaive').mase) expect(ours).toBeLessThanOrEqual(result.baselineBacktest!.mase);
	});
});
