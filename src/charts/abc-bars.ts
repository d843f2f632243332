import * as Plot from '@observablehq/plot';
import { SHARE_COLOURS } from './palette.ts';

export interface AbcBarRow {
	abc_class: string;
	/** Axis label of the class, e.g. "A". */
	label: string;
	customer_share: number;
	revenue_share: number;
}

export interface AbcBarLabels {
	customerShare: string;
	revenueShare: string;
	share: string;
}

export interface AbcBarsOptions {
	labels: AbcBarLabels;
	width?: number;
}

interface Bar {
	label: string;
	measure: string;
	value: number;
}

/** Customer share and revenue share side by side for each class (grouped vertical bars, labelled). */
export function abcBarsOptions(rows: readonly AbcBarRow[], o: AbcBarsOptions): Plot.PlotOptions {
	const l = o.labels;
	const measures = [l.customerShare, l.revenueShare];
	const bars: Bar[] = rows.flatMap((r) => [
		{ label: r.label, measure: l.customerShare, value: r.customer_share },
		{ label: r.label, measure: l.revenueShare, value: r.revenue_share }
	]);
	const text = (d: Bar) => `${(d.value * 100).toFixed(1)}%`;
	return {
		width: o.width ?? 480,
		height: 340,
		marginTop: 24,
		marginLeft: 50,
		x: { axis: null, domain: measures, padding: 0.1 },
		fx: { label: null, domain: rows.map((r) => r.label), padding: 0.2 },
		y: { label: l.share, percent: true, domain: [0, 100], grid: true, tickFormat: (d: number) => `${d}%` },
		color: { legend: true, domain: measures, range: [SHARE_COLOURS.customers, SHARE_COLOURS.revenue] },
		marks: [
			Plot.barY(bars, { x: 'measure', fx: 'label', y: 'value', fill: 'measure', title: (d: Bar) => `${d.label}\n${d.measure}: ${text(d)}` }),
			Plot.text(bars, { x: 'measure', fx: 'label', y: 'value', text, dy: -8, fontSize: 11 }),
			Plot.ruleY([0])
		]
	};
}
