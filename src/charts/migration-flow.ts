import * as Plot from '@observablehq/plot';
import { flowLayout, type FlowInput, type FlowLink, type FlowNode } from './flow-layout.ts';
import { fitLabel } from './label-fit.ts';

export interface MigrationFlowLabels {
	name: (id: string) => string;
	/** Column headings, e.g. the two dates. */
	fromTitle: string;
	toTitle: string;
	customers: string;
}

export interface MigrationFlowOptions {
	/** Segment ids top to bottom in each column. */
	fromOrder: readonly string[];
	toOrder: readonly string[];
	/** Colour of a segment id. */
	colour: (id: string) => string;
	labels: MigrationFlowLabels;
	width?: number;
	height?: number;
}

const STEPS = 24;
const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * Two stacked columns (segments at the earlier and the later date) joined by bands whose width is
 * the number of customers moving. Pixel coordinates on identity scales; `colour` maps ids.
 */
export function migrationFlowOptions(flows: readonly FlowInput[], o: MigrationFlowOptions): Plot.PlotOptions {
	const { labels: l, width = 760, height = 460 } = o;
	const top = 26;
	const labelW = Math.min(170, width * 0.24);
	const barW = 14;
	const xa = labelW;
	const xb = width - labelW - barW;
	const layout = flowLayout(flows, { fromOrder: o.fromOrder, toOrder: o.toOrder, height: height - top - 6, gap: 6 });
	const nodes = layout.nodes.map((n) => ({ ...n, y0: n.y0 + top, y1: n.y1 + top, x: n.side === 'from' ? xa : xb }));
	const band = layout.links.flatMap((k: FlowLink, i) =>
		Array.from({ length: STEPS + 1 }, (_, s) => {
			const t = s / STEPS;
			const e = smooth(t);
			return { i, link: k, x: xa + barW + (xb - xa - barW) * t, y1: top + k.sy0 + (k.ty0 - k.sy0) * e, y2: top + k.sy1 + (k.ty1 - k.sy1) * e };
		})
	);
	const label = (n: FlowNode) => (n.y1 - n.y0 >= 9 ? fitLabel(`${l.name(n.id)} ${n.value.toLocaleString()}`, labelW - 10, 11) : '');
	const tip = (k: FlowLink) => `${l.name(k.from)} → ${l.name(k.to)}\n${l.customers}: ${k.value.toLocaleString()}`;
	return {
		width,
		height,
		margin: 0,
		x: { type: 'identity', axis: null },
		y: { type: 'identity', axis: null },
		marks: [
			Plot.areaY(band, { x: 'x', y1: 'y1', y2: 'y2', z: 'i', fill: (d: { link: FlowLink }) => o.colour(d.link.from), fillOpacity: 0.35, curve: 'linear' }),
			Plot.rect(nodes, { x1: 'x', x2: (n: { x: number }) => n.x + barW, y1: 'y0', y2: 'y1', fill: (n: FlowNode) => o.colour(n.id), title: (n: FlowNode) => `${l.name(n.id)}\n${l.customers}: ${n.value.toLocaleString()}`, tip: true }),
			Plot.text(nodes.filter((n) => n.side === 'from'), { x: xa - 6, y: (n: FlowNode) => (n.y0 + n.y1) / 2, text: label, textAnchor: 'end', fontSize: 11 }),
			Plot.text(nodes.filter((n) => n.side === 'to'), { x: xb + barW + 6, y: (n: FlowNode) => (n.y0 + n.y1) / 2, text: label, textAnchor: 'start', fontSize: 11 }),
			Plot.text([l.fromTitle], { x: xa + barW / 2, y: 12, text: (d: string) => d, fontWeight: 600, fontSize: 12 }),
			Plot.text([l.toTitle], { x: xb + barW / 2, y: 12, text: (d: string) => d, fontWeight: 600, fontSize: 12 }),
			Plot.tip(layout.links.map((k) => ({ k, x: (xa + xb + barW) / 2, y: top + (k.sy0 + k.sy1 + k.ty0 + k.ty1) / 4 })), Plot.pointer({ x: 'x', y: 'y', title: (d: { k: FlowLink }) => tip(d.k) }))
		]
	};
}
