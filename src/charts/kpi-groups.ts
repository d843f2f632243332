import * as Plot from '@observablehq/plot';
import { SERIES_COLOURS } from './palette.ts';

export interface KpiGroupRow {
	label: string;
	value: number;
	low: number;
	high: number;
	n: number;
}

export interface KpiGroupLabels {
	value: string;
	group: string;
	target: string;
	n: string;
}

export interface KpiGroupsOptions {
	labels: KpiGroupLabels;
	/** The KPI's target (a dashed rule), if any. */
	target?: number;
}

/** One KPI per group: a dot with its interval, sorted by value, and the target as a dashed rule. */
export function kpiGroupsOptions(rows: readonly KpiGroupRow[], o: KpiGroupsOptions): Plot.PlotOptions {
	const { labels: l, target } = o;
	const data = rows.filter((r) => Number.isFinite(r.value)).sort((a, b) => b.value - a.value);
	const withCi = data.filter((r) => Number.isFinite(r.low) && Number.isFinite(r.high));
	const marks: Plot.Markish[] = [
		Plot.ruleY(withCi, { y: 'label', x1: 'low', x2: 'high', stroke: SERIES_COLOURS.interval, strokeWidth: 2 }),
		Plot.dot(data, { y: 'label', x: 'value', fill: SERIES_COLOURS.series, r: 4, tip: { channels: { [l.n]: 'n' }, format: { x: '.1f' } } }),
		Plot.text(data, { y: 'label', x: 'value', text: (d: KpiGroupRow) => d.value.toFixed(1), dy: -9, fontSize: 10 })
	];
	if (target !== undefined && Number.isFinite(target)) marks.push(Plot.ruleX([target], { stroke: SERIES_COLOURS.alert, strokeDasharray: '6,4' }));
	return {
		width: 560,
		height: Math.max(120, 34 * data.length + 50),
		marginLeft: 130,
		x: { label: l.value, grid: true },
		y: { label: null, domain: data.map((d) => d.label) },
		marks
	};
}
