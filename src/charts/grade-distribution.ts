import * as Plot from '@observablehq/plot';
import { SERIES_COLOURS, SHARE_COLOURS } from './palette.ts';

/** Tier cut-offs: a dashed rule each, in the palette's alert red. */
const CUT_COLOUR = SERIES_COLOURS.alert;

/** Customers per bin of the total (x0 = the bin's start). */
export interface TotalBin {
	x0: number;
	customers: number;
}

export interface GradeDistributionOptions {
	/** Width of a bin (the SQL's: the largest total / 50). */
	bin: number;
	/** The largest total (100, or 100 per indicator for the scoring method). */
	max: number;
	/** The tiers' cut-offs (names and minimum totals), best first. */
	cutoffs: readonly { name: string; min: number }[];
	labels: { total: string; customers: string };
	width?: number;
}

/** The distribution of totals as a histogram, with each tier's cut-off drawn and named. */
export function gradeDistributionOptions(bins: readonly TotalBin[], o: GradeDistributionOptions): Plot.PlotOptions {
	const rows = bins.map((b) => ({ x1: b.x0, x2: b.x0 + o.bin, customers: b.customers }));
	const cuts = o.cutoffs.filter((c) => c.min > 0);
	return {
		width: o.width ?? 640,
		height: 300,
		marginTop: 28,
		marginLeft: 56,
		x: { label: o.labels.total, domain: [0, o.max + o.bin] },
		y: { label: o.labels.customers, grid: true },
		marks: [
			Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'customers', fill: SHARE_COLOURS.customers, inset: 0.5, title: (d: (typeof rows)[number]) => `${d.x1}–${d.x2}: ${d.customers}` }),
			Plot.ruleX(cuts, { x: 'min', stroke: CUT_COLOUR, strokeWidth: 2, strokeDasharray: '4,3' }),
			Plot.text(cuts, { x: 'min', frameAnchor: 'top', dy: -14, text: (d: { name: string; min: number }) => `${d.name} ≥ ${d.min}`, fontSize: 11, textAnchor: 'start', dx: 3 }),
			Plot.ruleY([0])
		]
	};
}
