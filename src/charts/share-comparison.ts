import * as Plot from '@observablehq/plot';
import { SHARE_COLOURS } from './palette.ts';

export interface ShareRow {
	segment: string;
	label: string;
	customer_share: number;
	revenue_share: number;
}

export interface ShareComparisonLabels {
	customerShare: string;
	revenueShare: string;
	share: string;
}

export interface ShareComparisonOptions {
	labels: ShareComparisonLabels;
	width?: number;
}

const { customers: CUSTOMERS, revenue: REVENUE } = SHARE_COLOURS;

/**
 * Customer share against revenue share per segment as a dumbbell: a line joins the two dots, so
 * segments earning more than their headcount (line to the right, orange beyond blue) stand out.
 * Sorted by revenue share.
 */
export function shareComparisonOptions(rows: readonly ShareRow[], o: ShareComparisonOptions): Plot.PlotOptions {
	const l = o.labels;
	const order = [...rows].sort((a, b) => b.revenue_share - a.revenue_share).map((r) => r.label);
	const long = rows.flatMap((r) => [
		{ label: r.label, measure: l.customerShare, value: r.customer_share },
		{ label: r.label, measure: l.revenueShare, value: r.revenue_share }
	]);
	const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
	return {
		width: o.width ?? 640,
		height: 50 + rows.length * 30,
		marginLeft: 140,
		marginRight: 20,
		marginBottom: 36,
		x: { label: `${l.share} (%)`, percent: true, grid: true, labelAnchor: 'center', labelArrow: 'none' },
		y: { label: null, domain: order },
		color: { legend: true, domain: [l.customerShare, l.revenueShare], range: [CUSTOMERS, REVENUE] },
		marks: [
			Plot.ruleX([0]),
			Plot.link(rows, {
				x1: 'customer_share',
				x2: 'revenue_share',
				y: 'label',
				stroke: (r: ShareRow) => (r.revenue_share >= r.customer_share ? REVENUE : CUSTOMERS),
				strokeWidth: 3,
				strokeOpacity: 0.45
			}),
			Plot.dot(long, {
				x: 'value',
				y: 'label',
				fill: 'measure',
				r: 5,
				title: (d: { label: string; measure: string; value: number }) => `${d.label}\n${d.measure}: ${pct(d.value)}`,
				tip: true
			})
		]
	};
}
