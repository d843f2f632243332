import * as Plot from '@observablehq/plot';
import { SERIES_COLOURS } from './palette.ts';

export interface FunnelRow {
	group: string;
	step: number;
	step_name: string;
	customers: number;
	conversion: number | null;
}

export interface FunnelLabels {
	customers: string;
	step: string;
}

export interface FunnelBarsOptions {
	labels: FunnelLabels;
}

/** The funnel: one bar per step (customers), labelled with the conversion from step 1; one panel per group. */
export function funnelBarsOptions(rows: readonly FunnelRow[], o: FunnelBarsOptions): Plot.PlotOptions {
	const l = o.labels;
	const groups = [...new Set(rows.map((r) => r.group))];
	const steps = [...new Map(rows.map((r) => [r.step, `${r.step}. ${r.step_name}`])).entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
	const data = rows.map((r) => ({ ...r, label: `${r.step}. ${r.step_name}` }));
	return {
		width: 640,
		height: Math.max(120, groups.length * (steps.length * 26 + 30) + 40),
		marginLeft: 120,
		// Room inside the frame for the labels after the bars; group names sit in the right margin.
		marginRight: groups.length > 1 ? 140 : 20,
		x: { label: l.customers, grid: true, domain: [0, Math.max(1, ...rows.map((r) => r.customers)) * 1.35] },
		y: { label: null, domain: steps },
		fy: groups.length > 1 ? { label: null, domain: groups } : undefined,
		marks: [
			Plot.barX(data, { x: 'customers', y: 'label', fy: groups.length > 1 ? 'group' : undefined, fill: SERIES_COLOURS.series, tip: true }),
			Plot.text(data, {
				x: 'customers',
				y: 'label',
				fy: groups.length > 1 ? 'group' : undefined,
				text: (d: FunnelRow) => `${d.customers.toLocaleString()} · ${((d.conversion ?? 0) * 100).toFixed(1)}%`,
				textAnchor: 'start',
				dx: 4,
				fontSize: 10
			}),
			Plot.ruleX([0])
		]
	};
}
