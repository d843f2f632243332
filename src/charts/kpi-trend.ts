import * as Plot from '@observablehq/plot';

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

/** A KPI over months or quarters: the interval as a band, the line and dots, and the target as a dashed rule. */
export function kpiTrendOptions(points: readonly KpiTrendPoint[], l: KpiTrendLabels, target?: number): Plot.PlotOptions {
	const band = points.filter((p) => Number.isFinite(p.low) && Number.isFinite(p.high));
	const ys = points.flatMap((p) => [p.value, ...(Number.isFinite(p.low) ? [p.low, p.high] : [])]);
	if (target !== undefined && Number.isFinite(target)) ys.push(target);
	const marks: Plot.Markish[] = [
		Plot.areaY(band, { x: 'period', y1: 'low', y2: 'high', fill: 'steelblue', fillOpacity: 0.15 }),
		Plot.lineY(points, { x: 'period', y: 'value', stroke: 'steelblue', strokeWidth: 2 }),
		Plot.dot(points, { x: 'period', y: 'value', fill: 'steelblue', r: 3, tip: { channels: { [l.n]: 'n' }, format: { y: '.1f' } } })
	];
	if (target !== undefined && Number.isFinite(target)) {
		marks.push(Plot.ruleY([target], { stroke: '#c0392b', strokeDasharray: '6,4' }));
		marks.push(Plot.text([target], { y: (d: number) => d, frameAnchor: 'right', dy: -7, text: () => `${l.target} ${target}`, fill: '#c0392b', fontSize: 11 }));
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
