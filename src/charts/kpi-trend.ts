import * as Plot from '@observablehq/plot';
import { SERIES_COLOURS } from './palette.ts';

export interface KpiTrendPoint {
	period: string;
	value: number;
	/** Interval bounds (NaN when none). */
	low: number;
	high: number;
	n: number;
}

export interface KpiTrendLabels {
	period: string;
	value: string;
	target: string;
	n: string;
}

export interface KpiTrendOptions {
	labels: KpiTrendLabels;
	/** The KPI's target (a dashed, labelled rule), if any. */
	target?: number;
}

/** A KPI over months or quarters: the interval as a band, the line and dots, and the target as a dashed rule. */
export function kpiTrendOptions(points: readonly KpiTrendPoint[], o: KpiTrendOptions): Plot.PlotOptions {
	const { labels: l, target } = o;
	const { series, alert } = SERIES_COLOURS;
	const band = points.filter((p) => Number.isFinite(p.low) && Number.isFinite(p.high));
	const ys = points.flatMap((p) => [p.value, ...(Number.isFinite(p.low) ? [p.low, p.high] : [])]);
	if (target !== undefined && Number.isFinite(target)) ys.push(target);
	const marks: Plot.Markish[] = [
		Plot.areaY(band, { x: 'period', y1: 'low', y2: 'high', fill: series, fillOpacity: 0.15 }),
		Plot.lineY(points, { x: 'period', y: 'value', stroke: series, strokeWidth: 2 }),
		Plot.dot(points, { x: 'period', y: 'value', fill: series, r: 3, tip: { channels: { [l.n]: 'n' }, format: { y: '.1f' } } })
	];
	if (target !== undefined && Number.isFinite(target)) {
		marks.push(Plot.ruleY([target], { stroke: alert, strokeDasharray: '6,4' }));
		marks.push(Plot.text([target], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => `${l.target} ${target}`, fill: alert, fontSize: 11 }));
	}
	return {
		width: 720,
		height: 280,
		marginLeft: 50,
		marginBottom: 45,
		x: { type: 'point', label: l.period, tickRotate: points.length > 12 ? -40 : 0 },
		y: { label: l.value, grid: true, domain: ys.length ? [Math.min(...ys, 0), Math.max(...ys)] : undefined, nice: true },
		marks
	};
}
