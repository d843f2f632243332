import * as Plot from '@observablehq/plot';

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

/** R × F grid, colour = mean monetary, text = customers; a tooltip shows both. */
export function rfHeatmapOptions(cells: readonly RfCell[], l: RfHeatmapLabels, bins = 5): Plot.PlotOptions {
	const domain = Array.from({ length: bins }, (_, i) => i + 1);
	return {
		width: 460,
		height: 420,
		padding: 0.04,
		marginLeft: 60,
		x: { label: l.f, domain },
		y: { label: l.r, domain: [...domain].reverse() },
		color: { type: 'sequential', scheme: 'YlGnBu', legend: true, label: l.meanMonetary },
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
				fill: '#1b1b1b',
				fontSize: 11,
				stroke: 'white',
				strokeWidth: 2,
				paintOrder: 'stroke'
			})
		]
	};
}
