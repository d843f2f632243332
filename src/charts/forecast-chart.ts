/**
 * The forecast chart: history as a line, the forecast as a thicker line with its 95 % and 80 % bands, the
 * seasonal-naive baseline dashed, and the peak periods marked. Pure: rows and labels in, Plot options out.
 */
import * as Plot from '@observablehq/plot';
import { FORECAST_COLOURS, SERIES_COLOURS } from './palette.ts';

export interface ForecastChartPoint {
	date: Date;
	value: number;
	kind: 'history' | 'forecast' | 'baseline';
	lower80?: number;
	upper80?: number;
	lower95?: number;
	upper95?: number;
}

export interface ForecastChartLabels {
	period: string;
	value: string;
	history: string;
	forecast: string;
	baseline: string;
	peak: string;
}

/** `peaks`: the forecast periods to mark. */
export function forecastChartOptions(points: readonly ForecastChartPoint[], o: { peaks: readonly Date[]; labels: ForecastChartLabels }): Plot.PlotOptions {
	const { peaks, labels } = o;
	const { series, alert } = SERIES_COLOURS;
	const history = points.filter((p) => p.kind === 'history');
	const forecast = points.filter((p) => p.kind === 'forecast');
	const baseline = points.filter((p) => p.kind === 'baseline');
	const peakPoints = forecast.filter((p) => peaks.some((d) => d.getTime() === p.date.getTime()));
	const name = (p: ForecastChartPoint) => (p.kind === 'history' ? labels.history : p.kind === 'forecast' ? labels.forecast : labels.baseline);
	return {
		width: 860,
		height: 320,
		marginLeft: 56,
		x: { type: 'utc', label: labels.period },
		y: { label: labels.value, grid: true, nice: true, zero: true },
		color: { legend: true, domain: [labels.history, labels.forecast, labels.baseline], range: [FORECAST_COLOURS.history, series, FORECAST_COLOURS.baseline] },
		marks: [
			Plot.areaY(forecast, { x: 'date', y1: 'lower95', y2: 'upper95', fill: series, fillOpacity: 0.12 }),
			Plot.areaY(forecast, { x: 'date', y1: 'lower80', y2: 'upper80', fill: series, fillOpacity: 0.22 }),
			Plot.lineY(history, { x: 'date', y: 'value', stroke: name, strokeWidth: 1.2 }),
			Plot.lineY(baseline, { x: 'date', y: 'value', stroke: name, strokeDasharray: '4,3', strokeWidth: 1.2 }),
			Plot.lineY(forecast, { x: 'date', y: 'value', stroke: name, strokeWidth: 2.2 }),
			Plot.dot(peakPoints, { x: 'date', y: 'value', r: 4, fill: alert, title: () => labels.peak }),
			Plot.tip(points, Plot.pointerX({ x: 'date', y: 'value', title: (p: ForecastChartPoint) => `${name(p)}: ${p.value.toFixed(1)}` }))
		]
	};
}
