import * as Plot from '@observablehq/plot';
import { SHARE_COLOURS } from './palette.ts';

export interface SegmentShareRow {
	segment: string;
	label: string;
	share: number;
	revenue_share: number;
}

export interface SegmentShareLabels {
	customerShare: string;
	revenueShare: string;
	measure: string;
	share: string;
}

export interface SegmentSharesOptions {
	labels: SegmentShareLabels;
	width?: number;
	/** Height of one segment's pair of bars (default 44; the RFM results use a compact 28). */
	facetHeight?: number;
}

/** Customers and revenue share per segment as paired horizontal bars, sorted by revenue share. */
export function segmentSharesOptions(rows: readonly SegmentShareRow[], o: SegmentSharesOptions): Plot.PlotOptions {
	const l = o.labels;
	const order = [...rows].sort((a, b) => b.revenue_share - a.revenue_share).map((r) => r.label);
	const long = rows.flatMap((r) => [
		{ label: r.label, measure: l.customerShare, value: r.share },
		{ label: r.label, measure: l.revenueShare, value: r.revenue_share }
	]);
	return {
		width: o.width ?? 640,
		height: 40 + rows.length * (o.facetHeight ?? 44),
		marginLeft: 130,
		marginRight: 50,
		x: { label: l.share, percent: true, grid: true },
		y: { axis: null, domain: [l.customerShare, l.revenueShare] },
		fy: { label: null, domain: order },
		color: { legend: true, domain: [l.customerShare, l.revenueShare], range: [SHARE_COLOURS.customers, SHARE_COLOURS.revenue] },
		marks: [
			Plot.barX(long, { x: 'value', y: 'measure', fy: 'label', fill: 'measure', tip: { format: { value: '.1%', y: false } }, title: (d: { label: string; measure: string; value: number }) => `${d.label}\n${d.measure}: ${(d.value * 100).toFixed(1)}%` }),
			Plot.text(long, { x: 'value', y: 'measure', fy: 'label', text: (d: { value: number }) => `${(d.value * 100).toFixed(1)}%`, dx: 4, textAnchor: 'start', fontSize: 10 }),
			Plot.ruleX([0])
		]
	};
}
