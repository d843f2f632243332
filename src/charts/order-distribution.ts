import * as Plot from '@observablehq/plot';
import type { OrderCountRow } from '../core/sql/rfm-plots.ts';
import { BAR_COLOURS } from './palette.ts';

export interface OrderDistributionLabels {
	x: string;
	customers: string;
	/** The last bar's tick, e.g. "10+". */
	capped: (n: number) => string;
}

export interface OrderDistributionOptions {
	labels: OrderDistributionLabels;
	width?: number;
}

/** Customers by number of purchases (bars), the last bar meaning "cap or more"; share on each bar. */
export function orderDistributionOptions(rows: readonly OrderCountRow[], o: OrderDistributionOptions): Plot.PlotOptions {
	const l = o.labels;
	const tick = (r: OrderCountRow) => (r.capped ? l.capped(r.frequency) : String(r.frequency));
	const data = rows.map((r) => ({ ...r, tick: tick(r) }));
	return {
		width: o.width ?? 420,
		height: 260,
		marginLeft: 56,
		marginBottom: 40,
		x: { label: l.x, domain: data.map((d) => d.tick), padding: 0.15 },
		y: { label: l.customers, grid: true },
		marks: [
			Plot.barY(data, { x: 'tick', y: 'customers', fill: BAR_COLOURS.orders, tip: { format: { x: true, y: true } } }),
			Plot.text(data, { x: 'tick', y: 'customers', text: (d: OrderCountRow) => `${(d.share * 100).toFixed(1)}%`, dy: -7, fontSize: 9 }),
			Plot.ruleY([0])
		]
	};
}
