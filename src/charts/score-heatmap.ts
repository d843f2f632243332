import * as Plot from '@observablehq/plot';
import type { ScoreCell } from '../core/sql/rfm-plots.ts';
import { INK, SCHEMES } from './palette.ts';

export type HeatMeasure = 'mean' | 'count';

export interface ScoreHeatmapLabels {
	x: string;
	y: string;
	meanMonetary: string;
	customers: string;
}

export interface ScoreHeatmapOptions {
	/** What the colour shows: mean monetary or customers. */
	measure: HeatMeasure;
	labels: ScoreHeatmapLabels;
	width?: number;
}

/** 1 … highest score seen (at least 2), so a 2-level split and 10 bins both fill the grid. */
export function scoreDomain(cells: readonly ScoreCell[]): number[] {
	const max = Math.max(2, ...cells.flatMap((c) => [c.x, c.y]));
	return Array.from({ length: max }, (_, i) => i + 1);
}

/**
 * A score × score grid coloured by mean monetary or by customers; the text shows the other
 * measure's companion (customers), so the count is always readable.
 */
export function scoreHeatmapOptions(cells: readonly ScoreCell[], o: ScoreHeatmapOptions): Plot.PlotOptions {
	const { measure, labels: l, width = 380 } = o;
	const domain = scoreDomain(cells);
	const fill = measure === 'mean' ? 'mean_monetary' : 'customers';
	const value = (d: ScoreCell) => (measure === 'mean' ? d.mean_monetary : d.customers);
	const lo = Math.min(...cells.map(value));
	const hi = Math.max(...cells.map(value));
	/** Whether a cell is in the dark part of the colour ramp (white text reads better there). */
	const dark = (d: ScoreCell) => hi > lo && (value(d) - lo) / (hi - lo) > 0.6;
	return {
		width,
		height: width - 20,
		padding: 0.04,
		marginLeft: 56,
		marginBottom: 40,
		x: { label: l.x, domain },
		y: { label: l.y, domain: [...domain].reverse() },
		color: { type: 'sequential', scheme: measure === 'mean' ? SCHEMES.money : SCHEMES.count, legend: true, label: measure === 'mean' ? l.meanMonetary : l.customers },
		marks: [
			Plot.cell(cells, {
				x: 'x',
				y: 'y',
				fill,
				inset: 0.5,
				tip: { channels: { [l.customers]: 'customers', [l.meanMonetary]: 'mean_monetary' }, format: { fill: false, x: true, y: true } }
			}),
			Plot.text(cells, {
				x: 'x',
				y: 'y',
				text: (d: ScoreCell) => (measure === 'mean' ? Math.round(d.mean_monetary).toLocaleString() : d.customers.toLocaleString()),
				fill: (d: ScoreCell) => (dark(d) ? INK.onDark : INK.text),
				fontSize: domain.length > 6 ? 8 : 10
			})
		]
	};
}
