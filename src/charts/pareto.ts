import * as Plot from '@observablehq/plot';
import { PARETO_COLOURS as C, INK } from './palette.ts';

export interface ParetoPoint {
	/** Cumulative share of customers (rank / n), 0–1. */
	customer_share: number;
	/** Cumulative share of revenue, 0–1. */
	cum_share: number;
}

export interface ParetoLabels {
	customers: string;
	revenue: string;
	/** Short names of the two shares in the tooltip. */
	tipCustomers: string;
	tipRevenue: string;
	/** Text of the 80 % line, e.g. "80 % of revenue". */
	line80: string;
	/** Text of the diagonal, e.g. "equal revenue per customer". */
	equality: string;
	/** Marker at the point where 80 % is reached; null when it is not (no positive revenue). */
	marker: string | null;
}

export interface ParetoOptions {
	labels: ParetoLabels;
	/** Share of customers that makes 80 % of revenue (0–1), or null. */
	shareFor80: number | null;
	/** Class cut-offs (cumulative revenue share) drawn as light, labelled rules, e.g. A ≤ 70 %. */
	thresholds?: readonly { value: number; label: string }[];
	width?: number;
	height?: number;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * The Pareto (Lorenz) curve: cumulative share of customers (best first) against cumulative share of
 * revenue, from (0, 0); the equality diagonal; the 80 % line and where the curve crosses it; a
 * tooltip that follows the pointer along the curve.
 */
export function paretoOptions(points: readonly ParetoPoint[], o: ParetoOptions): Plot.PlotOptions {
	const l = o.labels;
	const curve: ParetoPoint[] = points.length && points[0]!.customer_share > 0 ? [{ customer_share: 0, cum_share: 0 }, ...points] : [...points];
	const marks: Plot.Markish[] = [
		Plot.ruleY(o.thresholds ?? [], { y: 'value', stroke: C.threshold, strokeDasharray: '2,3' }),
		Plot.text(o.thresholds ?? [], { x: 0, y: 'value', text: 'label', textAnchor: 'start', dx: 4, dy: -6, fill: C.note, fontSize: 10 }),
		Plot.line(
			[
				{ x: 0, y: 0 },
				{ x: 1, y: 1 }
			],
			{ x: 'x', y: 'y', stroke: C.diagonal, strokeDasharray: '5,4' }
		),
		Plot.text([l.equality], { x: 0.55, y: 0.55, text: (d: string) => d, textAnchor: 'start', dx: 10, dy: 4, fill: C.note, fontSize: 11 }),
		Plot.ruleY([0.8], { stroke: C.line80, strokeDasharray: '4,3' }),
		Plot.text([l.line80], { x: 1, y: 0.8, text: (d: string) => d, textAnchor: 'end', dy: 10, fill: C.line80Text, fontSize: 11 }),
		Plot.areaY(curve, { x: 'customer_share', y: 'cum_share', fill: C.curve, fillOpacity: 0.08 }),
		Plot.line(curve, { x: 'customer_share', y: 'cum_share', stroke: C.curve, strokeWidth: 2 })
	];
	if (o.shareFor80 !== null && l.marker !== null) {
		const p = { customer_share: o.shareFor80, cum_share: 0.8 };
		marks.push(
			Plot.ruleX([p], { x: 'customer_share', y1: 0, y2: 0.8, stroke: C.line80, strokeDasharray: '4,3' }),
			Plot.dot([p], { x: 'customer_share', y: 'cum_share', r: 4.5, fill: C.line80, stroke: INK.halo }),
			Plot.text([p], { x: 'customer_share', y: 'cum_share', text: () => l.marker, textAnchor: 'start', dx: 8, dy: 14, fill: C.line80Text, fontWeight: 600, fontSize: 12 })
		);
	}
	marks.push(
		Plot.ruleX(curve, Plot.pointerX({ x: 'customer_share', stroke: C.curve, strokeOpacity: 0.4 })),
		Plot.tip(
			curve,
			Plot.pointerX({
				x: 'customer_share',
				y: 'cum_share',
				title: (d: ParetoPoint) => `${l.tipCustomers}: ${pct(d.customer_share)}\n${l.tipRevenue}: ${pct(d.cum_share)}`,
				// CJK glyphs are taller than Plot's default line height allows for.
				lineHeight: 1.4
			})
		)
	);
	return {
		width: o.width ?? 720,
		height: o.height ?? 420,
		marginLeft: 56,
		marginBottom: 44,
		x: { label: l.customers, percent: true, domain: [0, 100], grid: true, tickFormat: (d: number) => `${d}%` },
		y: { label: l.revenue, percent: true, domain: [0, 100], grid: true, tickFormat: (d: number) => `${d}%` },
		marks
	};
}
