/**
 * The pivot table's chart: grouped bars (one group per row value, one bar per column value or inner
 * row value; plain bars for one field) or a heatmap (row values down, column values across). Pure:
 * the view passes the cells it shows, already labelled.
 */
import * as Plot from '@observablehq/plot';
import { INK, SCHEMES, SEGMENT_PALETTE, SERIES_COLOURS } from './palette.ts';

export interface PivotDatum {
	x: string;
	/** The second field's value ('' with one field). */
	series: string;
	value: number;
}

export interface PivotChartOptions {
	kind: 'bars' | 'heatmap';
	/** Names of the axes: the first field, the second field, the value shown. */
	labels: { x: string; series: string; value: string };
	/** The values in the table's order. */
	xDomain: readonly string[];
	seriesDomain: readonly string[];
	format: (v: number) => string;
	width?: number;
}

const short = (s: string) => (s.length > 16 ? s.slice(0, 15) + '…' : s);

export function pivotChartOptions(data: readonly PivotDatum[], o: PivotChartOptions): Plot.PlotOptions {
	const width = o.width ?? 900;
	const grouped = o.seriesDomain.length > 1 || (o.seriesDomain.length === 1 && o.seriesDomain[0] !== '');
	if (o.kind === 'heatmap' && grouped) {
		const cells = data.length <= 400;
		return {
			width,
			height: Math.max(160, 28 * o.xDomain.length + 90),
			marginLeft: 120,
			marginBottom: 60,
			x: { label: o.labels.series, domain: [...o.seriesDomain], tickFormat: short, tickRotate: o.seriesDomain.length > 8 ? -30 : 0 },
			y: { label: o.labels.x, domain: [...o.xDomain], tickFormat: short },
			color: { scheme: SCHEMES.count, legend: true, label: o.labels.value, tickFormat: o.format },
			marks: [
				Plot.cell(data, { x: 'series', y: 'x', fill: 'value', inset: 0.5, tip: { format: { value: o.format } } }),
				...(cells ? [Plot.text(data, { x: 'series', y: 'x', text: (d: PivotDatum) => o.format(d.value), fill: INK.text, stroke: INK.halo, strokeWidth: 3, paintOrder: 'stroke' })] : [])
			]
		};
	}
	const tilt = o.xDomain.length > 8 ? -30 : 0;
	const y = { label: o.labels.value, grid: true, tickFormat: o.format };
	if (!grouped)
		return {
			width,
			height: 320,
			marginBottom: tilt ? 80 : 40,
			marginLeft: 64,
			x: { label: o.labels.x, domain: [...o.xDomain], tickFormat: short, tickRotate: tilt },
			y,
			marks: [Plot.barY(data, { x: 'x', y: 'value', fill: SERIES_COLOURS.series, tip: { format: { y: o.format } } }), Plot.ruleY([0])]
		};
	return {
		width,
		height: 340,
		marginBottom: tilt ? 80 : 40,
		marginLeft: 64,
		fx: { label: o.labels.x, domain: [...o.xDomain], tickFormat: short, tickRotate: tilt, padding: 0.15 },
		x: { axis: null, domain: [...o.seriesDomain] },
		y,
		color: { domain: [...o.seriesDomain], range: o.seriesDomain.map((_, i) => SEGMENT_PALETTE[i % SEGMENT_PALETTE.length]!), legend: true, label: o.labels.series },
		marks: [Plot.barY(data, { fx: 'x', x: 'series', y: 'value', fill: 'series', tip: { format: { y: o.format } } }), Plot.ruleY([0])]
	};
}
