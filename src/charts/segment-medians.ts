import * as Plot from '@observablehq/plot';
import { RFM_COLOURS } from './palette.ts';

export interface MedianRow {
	segment: string;
	label: string;
	median_recency: number;
	median_frequency: number;
	median_monetary: number;
}

export interface SegmentMediansLabels {
	recency: string;
	frequency: string;
	monetary: string;
	format: (v: number) => string;
}

export interface SegmentMediansOptions {
	labels: SegmentMediansLabels;
	width?: number;
}

interface Bar {
	label: string;
	dim: string;
	value: number;
	/** value ÷ the largest value of its dimension: bars compare within a column. */
	rel: number;
}

/**
 * Median recency, frequency and monetary per segment as three columns of bars (one scale per
 * column: each bar is relative to its column's largest median); the number is printed on the bar.
 */
export function segmentMediansOptions(rows: readonly MedianRow[], o: SegmentMediansOptions): Plot.PlotOptions {
	const l = o.labels;
	const dims = [
		{ key: 'median_recency', name: l.recency },
		{ key: 'median_frequency', name: l.frequency },
		{ key: 'median_monetary', name: l.monetary }
	] as const;
	const bars: Bar[] = dims.flatMap((d) => {
		const max = Math.max(0, ...rows.map((r) => r[d.key]));
		return rows.map((r) => ({ label: r.label, dim: d.name, value: r[d.key], rel: max > 0 ? Math.max(0, r[d.key]) / max : 0 }));
	});
	const labels = rows.map((r) => r.label);
	return {
		width: o.width ?? 640,
		height: 50 + rows.length * 26,
		marginLeft: 140,
		marginRight: 10,
		marginTop: 28,
		x: { axis: null, domain: [0, 1.45] },
		y: { label: null, domain: labels },
		fx: { label: null, domain: dims.map((d) => d.name), axis: 'top' },
		color: { domain: dims.map((d) => d.name), range: [RFM_COLOURS.recency, RFM_COLOURS.frequency, RFM_COLOURS.monetary] },
		marks: [
			Plot.barX(bars, { x: 'rel', y: 'label', fx: 'dim', fill: 'dim', fillOpacity: 0.8, inset: 2 }),
			Plot.text(bars, { x: 'rel', y: 'label', fx: 'dim', text: (b: Bar) => l.format(b.value), textAnchor: 'start', dx: 3, fontSize: 10 }),
			Plot.ruleX([0])
		]
	};
}
