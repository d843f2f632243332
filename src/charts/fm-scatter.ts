import * as Plot from '@observablehq/plot';
import type { ScatterPoint } from '../core/sql/rfm-plots.ts';
import { segmentRange } from './palette.ts';

export interface FmScatterLabels {
	f: string;
	m: string;
	segment: string;
	customer: string;
	/** Segment id → display name. */
	name: (id: string) => string;
}

export interface FmScatterOptions {
	/** Segment ids in rule order: they fix the colour order, so colours match the other plots. */
	segments: readonly string[];
	labels: FmScatterLabels;
	width?: number;
}

/**
 * F against M on log scales, one dot per customer (or per sampled customer), coloured by segment.
 * `segments` fixes the colour order (the rule set's ids), so colours match the other plots.
 */
export function fmScatterOptions(points: readonly ScatterPoint[], o: FmScatterOptions): Plot.PlotOptions {
	const { segments, labels: l } = o;
	const seen = new Set(points.map((p) => p.segment));
	const ids = segments.filter((s) => seen.has(s));
	for (const s of seen) if (!ids.includes(s)) ids.push(s);
	const range = segmentRange(ids);
	// Grid lines and ticks at powers of ten only: a log axis's minor lines would crowd the plot.
	const lo = Math.floor(Math.log10(points.reduce((a, p) => Math.min(a, p.monetary), 1)));
	const hi = Math.ceil(Math.log10(points.reduce((a, p) => Math.max(a, p.monetary), 10)));
	const decades = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
	const r = points.length > 20_000 ? 1 : points.length > 2_000 ? 1.6 : 2.4;
	return {
		width: o.width ?? 640,
		height: 420,
		marginLeft: 64,
		marginBottom: 40,
		// Some room on both sides, so F = 1 does not sit on the axis.
		x: { type: 'log', label: l.f, grid: true, domain: [0.8, points.reduce((a, p) => Math.max(a, p.frequency), 2) * 1.25] },
		y: { type: 'log', label: l.m, grid: true, ticks: decades, tickFormat: '~s' },
		color: { type: 'ordinal', domain: ids.map(l.name), range, legend: true, label: l.segment },
		marks: [
			Plot.dot(points, {
				x: 'frequency',
				y: 'monetary',
				fill: (p: ScatterPoint) => l.name(p.segment),
				r,
				fillOpacity: 0.55,
				tip: { channels: { [l.customer]: 'customer_id' }, format: { fill: true, x: true, y: ',.2f' } }
			})
		]
	};
}
