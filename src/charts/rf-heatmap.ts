import * as Plot from '@observablehq/plot';
import { INK, SCHEMES } from './palette.ts';

export interface RfCell {
	r_score: number;
	f_score: number;
	customers: number;
	mean_monetary: number;
}

export interface RfHeatmapLabels {
	r: string;
	f: string;
	meanMonetary: string;
	customers: string;
}

export interface RfHeatmapOptions {
	labels: RfHeatmapLabels;
	/** Score levels per axis. */
	bins?: number;
	/** Size in px (default 460 × 420). */
	width?: number;
	height?: number;
}

/** R × F grid, colour = mean monetary, text = customers; a tooltip shows both. */
export function rfHeatmapOptions(cells: readonly RfCell[], o: RfHeatmapOptions): Plot.PlotOptions {
	const { labels: l, bins = 5 } = o;
	const domain = Array.from({ length: bins }, (_, i) => i + 1);
	return {
		width: o.width ?? 460,
		height: o.height ?? 420,
		padding: 0.04,
		marginLeft: 60,
		x: { label: l.f, domain },
		y: { label: l.r, domain: [...domain].reverse() },
		color: { type: 'sequential', scheme: SCHEMES.money, legend: true, label: l.meanMonetary },
		marks: [
			Plot.cell(cells, {
				x: 'f_score',
				y: 'r_score',
				fill: 'mean_monetary',
				inset: 0.5,
				tip: {
					channels: { [l.customers]: 'customers' },
					format: { fill: ',.0f', x: true, y: true }
				}
			}),
			Plot.text(cells, {
				x: 'f_score',
				y: 'r_score',
				text: (d: RfCell) => String(d.customers),
				fill: INK.text,
				fontSize: 11,
				stroke: INK.halo,
				strokeWidth: 2,
				paintOrder: 'stroke'
			})
		]
	};
}
