import * as Plot from '@observablehq/plot';
import type { Quadrant } from '../core/sql/value-matrix.ts';
import { INK, QUADRANT_COLOURS } from './palette.ts';

export interface MatrixPoint {
	customer_id: string;
	current_value: number;
	potential_value: number;
	quadrant: Quadrant;
}

export interface MatrixLabels {
	current: string;
	potential: string;
	quadrants: Record<Quadrant, string>;
}

export interface MatrixChartOptions {
	splits: { current: number; potential: number } | null;
	/** Symmetric log axes (values can be 0 or negative). */
	log?: boolean;
	labels: MatrixLabels;
	width?: number;
}

/** Where each quadrant's name sits in the frame. */
const CORNER: Record<Quadrant, 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left'> = {
	core: 'top-right',
	potential: 'top-left',
	general: 'bottom-right',
	low: 'bottom-left'
};

/** 1, 10, 100, 1k, 10k, 1M … */
export function shortNumber(v: number): string {
	const a = Math.abs(v);
	if (a >= 1e6) return `${v / 1e6}M`;
	if (a >= 1e3) return `${v / 1e3}k`;
	return String(v);
}

/** Powers of ten (and their negatives, and 0) spanning [min, max]: readable ticks on a symlog axis. */
export function symlogTicks(min: number, max: number): number[] {
	const ticks = [0];
	let negative = 0;
	for (let p = 1; p <= 1e12; p *= 10) {
		if (p <= max * 1.0001) ticks.push(p);
		if (-p >= min * 1.0001) negative = -p;
	}
	// Negative values are rare (returns): one tick at their decade keeps the axis readable.
	return negative ? [negative, ...ticks] : ticks;
}

function extent(values: number[]): [number, number] {
	return [Math.min(0, ...values), Math.max(0, ...values)];
}

/** Current (x) vs potential (y) scatter coloured by quadrant, with the split lines and quadrant names. */
export function valueMatrixOptions(points: readonly MatrixPoint[], o: MatrixChartOptions): Plot.PlotOptions {
	const l = o.labels;
	const order: Quadrant[] = ['core', 'potential', 'general', 'low'];
	const type = o.log ? 'symlog' : 'linear';
	const marks: Plot.Markish[] = [
		Plot.dot(points, {
			x: 'current_value',
			y: 'potential_value',
			r: 2.5,
			fill: (d: MatrixPoint) => l.quadrants[d.quadrant],
			fillOpacity: 0.6,
			title: (d: MatrixPoint) => `${d.customer_id}\n${l.quadrants[d.quadrant]}\n${l.current}: ${d.current_value.toFixed(2)}\n${l.potential}: ${d.potential_value.toFixed(2)}`
		}),
		// Each quadrant's name outside the frame, at its corner: the top two above it, the bottom two
		// below the x axis's ticks (its title sits in the middle between them), never over the points.
		...order.map((q) =>
			Plot.text([l.quadrants[q]], {
				frameAnchor: CORNER[q],
				textAnchor: CORNER[q].endsWith('left') ? 'start' : 'end',
				lineAnchor: CORNER[q].startsWith('top') ? 'bottom' : 'top',
				dy: CORNER[q].startsWith('top') ? -8 : 26,
				fontWeight: 600,
				fontSize: 12,
				fill: QUADRANT_COLOURS[q],
				stroke: INK.halo,
				strokeWidth: 4,
				paintOrder: 'stroke'
			})
		)
	];
	if (o.splits) {
		marks.push(Plot.ruleX([o.splits.current], { stroke: INK.rule, strokeDasharray: '4,3' }));
		marks.push(Plot.ruleY([o.splits.potential], { stroke: INK.rule, strokeDasharray: '4,3' }));
	}
	return {
		width: o.width ?? 640,
		height: 460,
		marginLeft: 64,
		marginTop: 30,
		marginBottom: 48,
		grid: true,
		x: { label: l.current, labelAnchor: 'center', labelOffset: 42, type, nice: !o.log, ticks: o.log ? symlogTicks(...extent(points.map((p) => p.current_value))) : undefined, tickFormat: o.log ? shortNumber : undefined },
		y: { label: l.potential, type, nice: !o.log, ticks: o.log ? symlogTicks(...extent(points.map((p) => p.potential_value))) : undefined, tickFormat: o.log ? shortNumber : undefined },
		color: { domain: order.map((q) => l.quadrants[q]), range: order.map((q) => QUADRANT_COLOURS[q]), legend: true },
		marks
	};
}
