import * as Plot from '@observablehq/plot';
import { INK } from './palette.ts';

export interface FlowLink {
	step: number;
	source: string;
	target: string;
	customers: number;
}

export interface JourneyFlowLabels {
	step: string;
	customers: string;
	other: string;
}

export interface JourneyFlowOptions {
	labels: JourneyFlowLabels;
	/** Links drawn per step; the rest are summed into "other". */
	top?: number;
}

/**
 * Paths as a flow: columns are steps (1, 2, 3 …), rows touchpoints; a link from step i to i+1 has
 * a width proportional to the customers taking it. Per step the `top` biggest links are drawn, the
 * rest are summed into a link to "other".
 */
export function journeyFlowOptions(links: readonly FlowLink[], o: JourneyFlowOptions): Plot.PlotOptions {
	const { labels: l, top = 8 } = o;
	const kept: FlowLink[] = [];
	for (const step of [...new Set(links.map((d) => d.step))].sort((a, b) => a - b)) {
		const these = links.filter((d) => d.step === step).sort((a, b) => b.customers - a.customers);
		kept.push(...these.slice(0, top));
		const rest = these.slice(top).reduce((a, d) => a + d.customers, 0);
		if (rest > 0) kept.push({ step, source: l.other, target: l.other, customers: rest });
	}
	// A node's size is the larger of the customers arriving and leaving (the first step has no arrivals).
	const nodes = new Map<string, { step: number; touchpoint: string; customers: number; inflow: number; outflow: number }>();
	const node = (step: number, touchpoint: string) => {
		const k = `${step}|${touchpoint}`;
		return nodes.get(k) ?? nodes.set(k, { step, touchpoint, customers: 0, inflow: 0, outflow: 0 }).get(k)!;
	};
	for (const d of kept) {
		node(d.step, d.source).outflow += d.customers;
		node(d.step + 1, d.target).inflow += d.customers;
	}
	for (const n of nodes.values()) n.customers = Math.max(n.inflow, n.outflow);
	const nodeRows = [...nodes.values()];
	const names = [...new Set(nodeRows.sort((a, b) => b.customers - a.customers).map((n) => n.touchpoint))].filter((n) => n !== l.other);
	if (nodeRows.some((n) => n.touchpoint === l.other)) names.push(l.other);
	const max = Math.max(1, ...kept.map((d) => d.customers));
	const steps = [...new Set(nodeRows.map((n) => n.step))].sort((a, b) => a - b);
	return {
		width: Math.max(480, steps.length * 200),
		height: 60 + names.length * 36,
		marginLeft: 90,
		marginRight: 40,
		x: { type: 'point', label: l.step, domain: steps, inset: 20 },
		y: { type: 'point', label: null, domain: names, inset: 15 },
		marks: [
			Plot.link(kept, {
				x1: 'step',
				y1: 'source',
				x2: (d: FlowLink) => d.step + 1,
				y2: 'target',
				stroke: 'source',
				strokeOpacity: 0.45,
				strokeWidth: (d: FlowLink) => 1 + (14 * d.customers) / max,
				curve: 'bump-x',
				tip: { channels: { [l.customers]: 'customers' } }
			}),
			Plot.dot(nodeRows, { x: 'step', y: 'touchpoint', r: 5, fill: INK.rule }),
			Plot.text(nodeRows, { x: 'step', y: 'touchpoint', text: (d: { customers: number }) => d.customers.toLocaleString(), dy: -11, fontSize: 10 })
		]
	};
}
