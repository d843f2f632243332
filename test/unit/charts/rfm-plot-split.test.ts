import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { rfmPlotSet, scoreFigures, segmentFigures, type PlotData } from '../../../src/charts/rfm-plot-set.ts';
import type { ScoreCell } from '../../../src/core/sql/rfm-plots.ts';

/*
 * The plot set in two parts: figures of the scores alone (not redrawn after a rule change) and
 * figures of the segments. Together they are the whole set, in display order.
 */
const CELLS: ScoreCell[] = [
	{ x: 1, y: 1, customers: 4, mean_monetary: 10 },
	{ x: 2, y: 2, customers: 1, mean_monetary: 30 }
];
const DATA: PlotData = {
	histR: [{ bin: 0, x0: 0, x1: 10, customers: 2, overflow: false }],
	histF: [{ bin: 0, x0: 1, x1: 2, customers: 2, overflow: false }],
	histM: [{ bin: 0, x0: 0, x1: 10, customers: 2, overflow: false }],
	orders: [{ frequency: 1, customers: 2, share: 1, capped: false }],
	rf: CELLS,
	fm: CELLS,
	rm: CELLS,
	scatter: [
		{ customer_id: 'a', frequency: 1, monetary: 5, segment: 'lost' },
		{ customer_id: 'b', frequency: 2, monetary: 50, segment: 'champions' }
	],
	stats: { total: 2, positive: 2 },
	totals: [
		{ segment: 'lost', customers: 1, revenue: 5, customer_share: 0.5, revenue_share: 0.1, median_recency: 30, median_frequency: 1, median_monetary: 5 },
		{ segment: 'champions', customers: 1, revenue: 50, customer_share: 0.5, revenue_share: 0.9, median_recency: 2, median_frequency: 2, median_monetary: 50 }
	]
};
const t = (key: string, p?: Record<string, string | number>) => (p ? `${key} ${JSON.stringify(p)}` : key);
const ctx = { t, fmt: (v: number) => String(v), segments: ['champions', 'lost', 'others'], name: (id: string) => id.toUpperCase(), heatMeasure: 'mean' as const, treemapSize: 'customers' as const, sampleLimit: 5000 };
const texts = (o: Plot.PlotOptions) => {
	const el = Plot.plot({ ...o, color: o.color?.type === 'sequential' ? { ...o.color, legend: false } : o.color, document: new JSDOM('').window.document }) as unknown as Element;
	// All text, legends (HTML swatches) included.
	return el.textContent ?? '';
};

describe('RFM plot set in two parts', () => {
	it('score figures then segment figures make the whole set', () => {
		const all = rfmPlotSet(DATA, ctx).map((f) => f.id);
		const parts = [...scoreFigures(DATA, ctx), ...segmentFigures(DATA, ctx)].map((f) => f.id);
		expect(parts).toEqual(all);
		expect(scoreFigures(DATA, ctx).map((f) => f.id)).toEqual(['plot-hist-r', 'plot-hist-f', 'plot-hist-m', 'plot-orders', 'plot-heat-rf', 'plot-heat-fm', 'plot-heat-rm']);
	});

	const cases: [string, string[]][] = [
		['plot-fm-scatter', ['CHAMPIONS', 'LOST']],
		['plot-shares', ['CHAMPIONS', 'LOST']],
		['plot-medians', ['CHAMPIONS', 'LOST']]
	];
	it.each(cases)('%s names the segments (it must be redrawn after a rule change)', (id, names) => {
		const f = segmentFigures(DATA, ctx).find((x) => x.id === id)!;
		for (const n of names) expect(texts(f.options)).toContain(n);
	});

	it('the score figures do not name segments (they need no redraw after a rule change)', () => {
		for (const f of scoreFigures(DATA, ctx)) expect(texts(f.options)).not.toMatch(/CHAMPIONS|LOST/);
	});

	it('the scatter note states how many customers are drawn', () => {
		const f = segmentFigures({ ...DATA, stats: { total: 9000, positive: 8000 } }, ctx).find((x) => x.id === 'plot-fm-scatter')!;
		expect(f.note).toBe('plots.scatter.sampled {"shown":2,"eligible":8000,"limit":5000} plots.scatter.excluded {"count":1000}');
	});
});
