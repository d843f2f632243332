import * as Plot from '@observablehq/plot';
import type { HistogramBin } from '../core/sql/rfm-plots.ts';
import { BAR_COLOURS, INK } from './palette.ts';

export interface HistogramLabels {
	/** The x axis: the measure and its unit. */
	x: string;
	customers: string;
	/** Tip and text for the overflow bin, e.g. "above {value}". */
	overflow: (from: string) => string;
	format: (v: number) => string;
}

export interface HistogramOptions {
	labels: HistogramLabels;
	width?: number;
}

/** One R, F or M histogram: bars per bin; the overflow bin (above the 99th percentile) is hatched grey. */
export function histogramOptions(bins: readonly HistogramBin[], o: HistogramOptions): Plot.PlotOptions {
	const l = o.labels;
	const regular = bins.filter((b) => !b.overflow);
	const over = bins.filter((b) => b.overflow);
	const tipTitle = (b: HistogramBin) =>
		b.overflow
			? `${l.overflow(l.format(b.x0))}\n${l.customers}: ${b.customers.toLocaleString()}`
			: `${l.format(b.x0)} – ${l.format(b.x1)}\n${l.customers}: ${b.customers.toLocaleString()}`;
	return {
		width: o.width ?? 420,
		height: 260,
		marginLeft: 56,
		marginBottom: 40,
		x: { label: l.x, tickFormat: l.format },
		y: { label: l.customers, grid: true },
		marks: [
			Plot.rectY(regular, { x1: 'x0', x2: 'x1', y: 'customers', fill: BAR_COLOURS.histogram, inset: 0.5, title: tipTitle, tip: true }),
			Plot.rectY(over, { x1: 'x0', x2: 'x1', y: 'customers', fill: BAR_COLOURS.overflow, inset: 0.5, title: tipTitle, tip: true }),
			Plot.text(over, { x: (b: HistogramBin) => (b.x0 + b.x1) / 2, y: 'customers', text: () => '>', dy: -8, fill: INK.muted }),
			Plot.ruleY([0])
		]
	};
}
