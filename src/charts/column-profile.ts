import * as Plot from '@observablehq/plot';
import type { ColumnProfile } from '../core/sql/grid-profile.ts';
import { BAR_COLOURS } from './palette.ts';

export interface ColumnProfileLabels {
	/** The column's name (the x axis of a histogram). */
	column: string;
	rows: string;
}

export interface ColumnProfileOptions {
	labels: ColumnProfileLabels;
	width?: number;
}

const FILL = BAR_COLOURS.histogram;

/**
 * A column profile's chart: a histogram of the bins (numbers; dates on a time axis) or horizontal
 * bars of the top values (text). Null when there is nothing to draw.
 */
export function columnProfileOptions(p: ColumnProfile, o: ColumnProfileOptions): Plot.PlotOptions | null {
	const width = o.width ?? 300;
	if (p.kind === 'text') {
		if (p.top.length === 0) return null;
		const data = p.top.map((t, i) => ({ ...t, label: t.value === '' ? '∅' : t.value, i }));
		return {
			width,
			height: 24 * data.length + 40,
			marginLeft: 100,
			x: { label: o.labels.rows, grid: true },
			y: { label: null, domain: data.map((d) => d.label), tickFormat: (s: string) => (s.length > 14 ? s.slice(0, 13) + '…' : s) },
			marks: [Plot.barX(data, { y: 'label', x: 'n', fill: FILL, tip: true }), Plot.ruleX([0])]
		};
	}
	if (p.bins.length === 0) return null;
	const date = p.kind === 'date';
	const data = p.bins.map((b) => (date ? { x0: new Date(b.x0), x1: new Date(b.x1), n: b.n } : b));
	const single = p.bins.length === 1;
	return {
		width,
		height: 180,
		marginLeft: 44,
		x: { label: o.labels.column, type: date ? 'utc' : 'linear', ...(single ? { domain: [p.bins[0]!.x0 - 1, p.bins[0]!.x0 + 1] } : {}) },
		y: { label: o.labels.rows, grid: true },
		marks: [
			single
				? Plot.barY(data, { x: 'x0', y: 'n', fill: FILL })
				: Plot.rectY(data, { x1: 'x0', x2: 'x1', y: 'n', fill: FILL, inset: 0.5, tip: true }),
			Plot.ruleY([0])
		]
	};
}
