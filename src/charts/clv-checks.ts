import * as Plot from '@observablehq/plot';
import { CHECK_COLOURS, INK } from './palette.ts';

export interface FrequencyCheckPoint {
	frequency: number;
	customers: number;
	actual: number;
	predicted: number;
}

export interface TrackingPoint {
	week: number;
	actual: number;
	expected: number;
}

export interface CheckLabels {
	actual: string;
	predicted: string;
	/** x axis of the calibration/hold-out chart: repeat purchases in calibration. */
	frequency: string;
	/** y axis: mean hold-out purchases per customer. */
	holdoutMean: string;
	/** Tracking chart axes and the hold-out marker. */
	week: string;
	cumulative: string;
	holdoutStart: string;
}

export interface FrequencyCheckOptions {
	labels: CheckLabels;
	/** The last frequency shown on its own (its tick reads "7+"). */
	maxFrequency?: number;
	width?: number;
}

export interface TrackingOptions {
	labels: CheckLabels;
	/** Week the hold-out starts at (a marked rule), or null without a hold-out. */
	holdoutStartWeek: number | null;
	width?: number;
}

const COLORS = [CHECK_COLOURS.actual, CHECK_COLOURS.predicted];

/** Mean hold-out purchases per calibration frequency (0 … 7+): actual vs model, as two lines. */
export function frequencyCheckOptions(rows: readonly FrequencyCheckPoint[], o: FrequencyCheckOptions): Plot.PlotOptions {
	const { labels: l, maxFrequency = 7, width = 560 } = o;
	const tick = (f: number) => (f >= maxFrequency ? `${maxFrequency}+` : String(f));
	const long = rows.flatMap((r) => [
		{ f: tick(r.frequency), series: l.actual, value: r.actual, n: r.customers },
		{ f: tick(r.frequency), series: l.predicted, value: r.predicted, n: r.customers }
	]);
	return {
		width,
		height: 300,
		marginLeft: 50,
		marginBottom: 40,
		grid: true,
		x: { label: l.frequency, type: 'point', domain: rows.map((r) => tick(r.frequency)), padding: 0.3 },
		y: { label: l.holdoutMean, zero: true },
		color: { domain: [l.actual, l.predicted], range: COLORS, legend: true },
		marks: [
			Plot.lineY(long.filter((d) => d.series === l.actual), { x: 'f', y: 'value', stroke: 'series' }),
			Plot.lineY(long.filter((d) => d.series === l.predicted), { x: 'f', y: 'value', stroke: 'series', strokeDasharray: '5,3' }),
			Plot.dot(long, { x: 'f', y: 'value', fill: 'series', r: 3, title: (d: { series: string; value: number; n: number; f: string }) => `${d.f}: ${d.series} ${d.value.toFixed(2)} (n = ${d.n})` })
		]
	};
}

/** Cumulative repeat purchases per week, actual vs expected, with the start of the hold-out marked. */
export function trackingOptions(rows: readonly TrackingPoint[], o: TrackingOptions): Plot.PlotOptions {
	const { labels: l, holdoutStartWeek, width = 560 } = o;
	const long = rows.flatMap((r) => [
		{ week: r.week + 1, series: l.actual, value: r.actual },
		{ week: r.week + 1, series: l.predicted, value: r.expected }
	]);
	const marks: Plot.Markish[] = [
		Plot.lineY(long.filter((d) => d.series === l.actual), { x: 'week', y: 'value', stroke: 'series' }),
		Plot.lineY(long.filter((d) => d.series === l.predicted), { x: 'week', y: 'value', stroke: 'series', strokeDasharray: '5,3' })
	];
	if (holdoutStartWeek !== null) {
		marks.push(Plot.ruleX([holdoutStartWeek], { stroke: INK.marker, strokeDasharray: '2,3' }));
		marks.push(Plot.text([l.holdoutStart], { x: holdoutStartWeek, frameAnchor: 'top', textAnchor: 'end', dx: -4, dy: 6, fill: INK.muted, fontSize: 11 }));
	}
	return {
		width,
		height: 300,
		marginLeft: 60,
		marginBottom: 40,
		grid: true,
		x: { label: l.week },
		y: { label: l.cumulative, zero: true },
		color: { domain: [l.actual, l.predicted], range: COLORS, legend: true },
		marks
	};
}
