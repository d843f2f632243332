import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fmScatterOptions } from '../../../src/charts/fm-scatter.ts';
import { migrationFlowOptions } from '../../../src/charts/migration-flow.ts';
import { migrationMatrixOptions } from '../../../src/charts/migration-matrix.ts';
import { orderDistributionOptions } from '../../../src/charts/order-distribution.ts';
import { rfmPlotSet, type PlotData } from '../../../src/charts/rfm-plot-set.ts';
import { histogramOptions } from '../../../src/charts/rfm-histograms.ts';
import { scoreDomain, scoreHeatmapOptions } from '../../../src/charts/score-heatmap.ts';
import { segmentMediansOptions } from '../../../src/charts/segment-medians.ts';
import { segmentTreemapOptions } from '../../../src/charts/segment-treemap.ts';
import { shareComparisonOptions } from '../../../src/charts/share-comparison.ts';
import { fitLabel } from '../../../src/charts/label-fit.ts';
import { segmentRange, textOn, OTHERS_COLOUR } from '../../../src/charts/palette.ts';
import type { ScoreCell } from '../../../src/core/sql/rfm-plots.ts';

/** JSDOM has no canvas: ramp legends (continuous colour) are checked on the options, not drawn. */
const render = (options: Plot.PlotOptions): Element => {
	const color = options.color;
	const noRamp = color?.type === 'sequential' ? { color: { ...color, legend: false } } : {};
	return Plot.plot({ ...options, ...noRamp, document: new JSDOM('').window.document }) as unknown as Element;
};
const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');
const marks = (el: Element) => [...el.querySelectorAll('g[aria-label]')].map((g) => g.getAttribute('aria-label'));
const NAMES: Record<string, string> = { champions: 'Champions', lost: 'Lost', others: 'Others' };
const name = (id: string) => NAMES[id] ?? id;

const CELLS: ScoreCell[] = [
	{ x: 1, y: 1, customers: 4, mean_monetary: 10 },
	{ x: 2, y: 1, customers: 3, mean_monetary: 20.4 },
	{ x: 1, y: 2, customers: 2, mean_monetary: 30 },
	{ x: 2, y: 2, customers: 1, mean_monetary: 1234.6 }
];

describe('RFM chart builders', () => {
	it('histogram: regular bars blue, the overflow bar grey with a marker', () => {
		const o = histogramOptions(
				[
					{ bin: 0, x0: 0, x1: 10, customers: 5, overflow: false },
					{ bin: 1, x0: 10, x1: 20, customers: 3, overflow: false },
					{ bin: 2, x0: 20, x1: 30, customers: 1, overflow: true }
				],
				{ labels: { x: 'Days', customers: 'Customers', overflow: (v) => `above ${v}`, format: (v) => String(v) } }
		);
		const el = render(o);
		expect(el.querySelectorAll('g[fill="#4e79a7"] rect').length).toBe(2);
		expect(el.querySelectorAll('g[fill="#b8b8b8"] rect').length).toBe(1);
		expect(texts(el)).toEqual(expect.arrayContaining(['>', 'Days →']));
		const over = (o.marks ?? [])[1] as unknown as { data: unknown[]; channels: { title: { value: (d: unknown) => string } } };
		expect(over.channels.title.value(over.data[0])).toBe('above 20\nCustomers: 1');
	});

	it('order distribution: one bar per count, the capped one labelled "n+", shares on bars', () => {
		const el = render(
			orderDistributionOptions(
				[
					{ frequency: 1, customers: 6, share: 0.6, capped: false },
					{ frequency: 2, customers: 4, share: 0.4, capped: true }
				],
				{ labels: { x: 'Purchases', customers: 'Customers', capped: (n) => `${n}+` } }
			)
		);
		expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(2);
		expect(texts(el)).toEqual(expect.arrayContaining(['1', '2+', '60.0%', '40.0%']));
	});

	it.each([
		['mean', ['10', '20', '30', '1,235'], 'Mean monetary'],
		['count', ['4', '3', '2', '1'], 'Customers']
	] as const)('heatmap coloured by %s: a cell per pair, numbers written, legend titled', (measure, shown, legend) => {
		const o = scoreHeatmapOptions(CELLS, { measure, labels: { x: 'F score', y: 'R score', meanMonetary: 'Mean monetary', customers: 'Customers' } });
		const el = render(o);
		expect(el.querySelectorAll('g[aria-label="cell"] rect').length).toBe(4);
		expect(texts(el)).toEqual(expect.arrayContaining([...shown]));
		expect(o.color).toMatchObject({ legend: true, label: legend });
	});

	it('heatmap domain covers 1 … highest score, at least 2', () => {
		expect(scoreDomain(CELLS)).toEqual([1, 2]);
		expect(scoreDomain([{ x: 1, y: 7, customers: 1, mean_monetary: 1 }])).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(scoreDomain([])).toEqual([1, 2]);
	});

	it('scatter: log axes, one dot per point, colours in rule order with Others grey', () => {
		const points = [
			{ customer_id: 'a', frequency: 1, monetary: 10, segment: 'lost' },
			{ customer_id: 'b', frequency: 5, monetary: 1000, segment: 'champions' },
			{ customer_id: 'c', frequency: 2, monetary: 50, segment: 'others' }
		];
		const o = fmScatterOptions(points, { segments: ['champions', 'lost', 'others'], labels: { f: 'Purchases', m: 'Revenue', segment: 'Segment', customer: 'Customer', name } });
		expect((o.x as { type: string }).type).toBe('log');
		expect((o.y as { type: string }).type).toBe('log');
		expect((o.color as { domain: string[]; range: string[] }).domain).toEqual(['Champions', 'Lost', 'Others']);
		expect((o.color as { range: string[] }).range[2]).toBe(OTHERS_COLOUR);
		const el = render(o);
		expect(el.querySelectorAll('g[aria-label="dot"] circle').length).toBe(3);
		expect(el.textContent).toContain('Champions');
	});

	it('treemap: a rect per positive segment, names and details written, long names cut', () => {
		const el = render(
			segmentTreemapOptions(
				[
					{ segment: 'champions', value: 60, share: 0.6 },
					{ segment: 'lost', value: 40, share: 0.4 },
					{ segment: 'others', value: 0, share: 0 }
				],
				{ segments: ['champions', 'lost', 'others'], labels: { name, detail: (v, s) => `${v} · ${(s * 100).toFixed(0)}%` }, width: 400, height: 200 }
			)
		);
		expect(el.querySelectorAll('g[aria-label="rect"] rect').length).toBe(2);
		expect(texts(el)).toEqual(expect.arrayContaining(['Champions', 'Lost', '60 · 60%', '40 · 40%']));
		expect(fitLabel('Potential Loyalist', 50, 12)).toMatch(/…$/);
		expect(fitLabel('重要价值客户', 40, 12)).toBe('重要…');
		expect(fitLabel('ab', 5, 12)).toBe('');
	});

	it('share comparison: two dots and a joining line per segment', () => {
		const el = render(
			shareComparisonOptions(
				[
					{ segment: 'champions', label: 'Champions', customer_share: 0.1, revenue_share: 0.5 },
					{ segment: 'lost', label: 'Lost', customer_share: 0.4, revenue_share: 0.05 }
				],
				{ labels: { customerShare: 'Share of customers', revenueShare: 'Share of revenue', share: 'Share' } }
			)
		);
		expect(el.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
		expect(el.querySelectorAll('g[aria-label="link"] path').length).toBe(2);
		expect(el.textContent).toContain('Share of revenue');
	});

	it('medians: three columns, a bar and its value per segment', () => {
		const el = render(
			segmentMediansOptions(
				[
					{ segment: 'champions', label: 'Champions', median_recency: 5, median_frequency: 8, median_monetary: 900 },
					{ segment: 'lost', label: 'Lost', median_recency: 300, median_frequency: 1, median_monetary: 40 }
				],
				{ labels: { recency: 'Median days', frequency: 'Median purchases', monetary: 'Median revenue', format: (v) => String(v) } }
			)
		);
		expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(6);
		expect(texts(el)).toEqual(expect.arrayContaining(['Median days', 'Median purchases', 'Median revenue', '5', '300', '8', '1', '900', '40']));
	});

	it('colours: Others is grey, the rest follow the palette; text colour follows luminance', () => {
		expect(segmentRange(['a', 'others', 'b'])).toEqual(['#4e79a7', OTHERS_COLOUR, '#f28e2c']);
		expect(textOn('#edc949')).toBe('#1b1b1b');
		expect(textOn('#4e79a7')).toBe('#ffffff');
	});
});

describe('the plot set', () => {
	const DATA: PlotData = {
		histR: [{ bin: 0, x0: 0, x1: 10, customers: 2, overflow: false }],
		histF: [{ bin: 0, x0: 1, x1: 2, customers: 2, overflow: false }],
		histM: [
			{ bin: 0, x0: 0, x1: 10, customers: 1, overflow: false },
			{ bin: 1, x0: 10, x1: 20, customers: 1, overflow: true }
		],
		orders: [{ frequency: 1, customers: 2, share: 1, capped: false }],
		rf: CELLS,
		fm: CELLS,
		rm: CELLS,
		scatter: [{ customer_id: 'a', frequency: 1, monetary: 5, segment: 'lost' }],
		stats: { total: 3, positive: 2 },
		totals: [{ segment: 'lost', customers: 2, revenue: 5, customer_share: 1, revenue_share: 1, median_recency: 1, median_frequency: 1, median_monetary: 2.5 }]
	};
	const t = (key: string, p?: Record<string, string | number>) => (p ? `${key} ${JSON.stringify(p)}` : key);

	it('has the eleven figures, each renders, the sample and the overflow are stated', () => {
		const figs = rfmPlotSet(DATA, { t, fmt: (v) => String(v), segments: ['lost', 'others'], name, heatMeasure: 'count', treemapSize: 'revenue', sampleLimit: 1 });
		expect(figs.map((f) => f.id)).toEqual(['plot-hist-r', 'plot-hist-f', 'plot-hist-m', 'plot-orders', 'plot-heat-rf', 'plot-heat-fm', 'plot-heat-rm', 'plot-fm-scatter', 'plot-treemap', 'plot-shares', 'plot-medians']);
		for (const f of figs) expect(marks(render(f.options)).length).toBeGreaterThan(0);
		const scatter = figs.find((f) => f.id === 'plot-fm-scatter')!;
		expect(scatter.note).toBe('plots.scatter.sampled {"shown":1,"eligible":2,"limit":1} plots.scatter.excluded {"count":1}');
		expect(figs.find((f) => f.id === 'plot-hist-m')!.note).toBe('plots.overflowNote');
		expect(figs.find((f) => f.id === 'plot-hist-r')!.note).toBeUndefined();
		expect(figs.find((f) => f.id === 'plot-treemap')!.title).toBe('plots.treemap.byRevenue');
		expect(figs.find((f) => f.id === 'plot-heat-rf')!.title).toBe('plots.heat.rf · plots.heat.byCount');
	});
});

describe('migration charts', () => {
	const FLOWS = [
		{ from: 'champions', to: 'champions', value: 30 },
		{ from: 'champions', to: 'lost', value: 10 },
		{ from: '__new__', to: 'lost', value: 5 }
	];
	it('flow: a bar per node, a band per flow, column titles and labels with counts', () => {
		const el = render(
			migrationFlowOptions(FLOWS, { fromOrder: ['champions', 'lost', '__new__'], toOrder: ['champions', 'lost'], colour: () => '#888888', labels: { name: (id) => (id === '__new__' ? 'New' : name(id)), fromTitle: '2025-09-30', toTitle: '2026-01-01', customers: 'Customers' }, width: 600, height: 300 })
		);
		expect(el.querySelectorAll('g[aria-label="rect"] rect').length).toBe(4);
		expect(el.querySelectorAll('g[aria-label="area"] path').length).toBe(3);
		expect(texts(el)).toEqual(expect.arrayContaining(['2025-09-30', '2026-01-01', 'Champions 40', 'New 5', 'Champions 30', 'Lost 15']));
	});

	it('matrix: a cell per pair with its count, rows and columns in rule order', () => {
		const cells = FLOWS.map((f) => ({ from: f.from, to: f.to, customers: f.value, row_share: f.from === 'champions' ? f.value / 40 : 1 }));
		const o = migrationMatrixOptions(cells, { fromOrder: ['champions', 'lost', '__new__'], toOrder: ['champions', 'lost'], labels: { name, from: 'From', to: 'To', rowShare: 'Row share', customers: 'Customers' } });
		expect((o.y as { domain: string[] }).domain).toEqual(['Champions', '__new__']);
		const el = render(o);
		expect(el.querySelectorAll('g[aria-label="cell"] rect').length).toBe(3);
		expect(texts(el)).toEqual(expect.arrayContaining(['30', '10', '5']));
	});
});
