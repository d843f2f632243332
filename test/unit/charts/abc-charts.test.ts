import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { abcBarsOptions, type AbcBarRow } from '../../../src/charts/abc-bars.ts';
import { paretoOptions, type ParetoLabels, type ParetoPoint } from '../../../src/charts/pareto.ts';

const render = (options: Plot.PlotOptions): Element => {
	const document = new JSDOM('').window.document;
	return Plot.plot({ ...options, document }) as unknown as Element;
};
const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');
const ariaMarks = (el: Element) => [...el.querySelectorAll('g[aria-label]')].map((g) => g.getAttribute('aria-label'));

const POINTS: ParetoPoint[] = [
	{ customer_share: 0.25, cum_share: 0.5 },
	{ customer_share: 0.5, cum_share: 0.8 },
	{ customer_share: 0.75, cum_share: 0.95 },
	{ customer_share: 1, cum_share: 1 }
];
const LABELS: ParetoLabels = {
	customers: 'Share of customers',
	revenue: 'Share of revenue',
	tipCustomers: 'Top customers',
	tipRevenue: 'Their share of revenue',
	line80: '80% of revenue',
	equality: 'equal revenue per customer',
	marker: '50.0% of customers'
};

describe('paretoOptions', () => {
	it('draws the curve from (0, 0), the diagonal, the 80 % line, the marker and a pointer tooltip', () => {
		const options = paretoOptions(POINTS, { labels: LABELS, shareFor80: 0.5, thresholds: [{ value: 0.7, label: 'A ≤ 70%' }, { value: 0.9, label: 'B ≤ 90%' }] });
		const el = render(options);
		const marks = ariaMarks(el);
		expect(marks).toEqual(expect.arrayContaining(['line', 'area', 'rule', 'dot', 'text']));
		// The curve starts at the origin: 5 points for 4 ranks.
		const curve = (options.marks ?? []).find((m) => m instanceof Plot.Line && (m as unknown as { data: unknown[] }).data.length === 5);
		expect(curve).toBeDefined();
		const shown = texts(el);
		expect(shown).toEqual(expect.arrayContaining(['80% of revenue', 'equal revenue per customer', '50.0% of customers', 'Share of customers →', '50%', '80%', 'A ≤ 70%', 'B ≤ 90%']));
		expect(shown.some((t) => t.startsWith('↑ Share of revenue'))).toBe(true);
		// A tooltip mark follows the pointer (empty until the pointer moves).
		const tip = (options.marks ?? []).find((m) => m instanceof Plot.Tip) as unknown as { channels: { title: { value: (d: ParetoPoint) => string } } };
		expect(tip.channels.title.value(POINTS[1]!)).toBe('Top customers: 50.0%\nTheir share of revenue: 80.0%');
	});

	it.each([
		['no marker when 80 % is never reached', null, '50.0% of customers', false],
		['no marker without a text', 0.5, null, false],
		['a marker otherwise', 0.5, '50.0% of customers', true]
	] as const)('%s', (_name, shareFor80, marker, shown) => {
		const el = render(paretoOptions(POINTS, { labels: { ...LABELS, marker }, shareFor80 }));
		expect(texts(el).includes('50.0% of customers')).toBe(shown);
		expect(el.querySelectorAll('g[aria-label="dot"] circle').length).toBe(shown ? 1 : 0);
	});

	it('keeps a curve that already starts at 0 as it is, and renders with no points at all', () => {
		const from0 = paretoOptions([{ customer_share: 0, cum_share: 0 }, ...POINTS], { labels: LABELS, shareFor80: 0.5 });
		const lines = (from0.marks ?? []).filter((m) => m instanceof Plot.Line).map((m) => (m as unknown as { data: unknown[] }).data.length);
		expect(lines).toContain(5);
		expect(() => render(paretoOptions([], { labels: { ...LABELS, marker: null }, shareFor80: null }))).not.toThrow();
	});
});

const ROWS: AbcBarRow[] = [
	{ abc_class: 'A', label: 'A', customer_share: 0.2, revenue_share: 0.7 },
	{ abc_class: 'B', label: 'B', customer_share: 0.3, revenue_share: 0.2 },
	{ abc_class: 'C', label: 'C', customer_share: 0.5, revenue_share: 0.1 }
];

describe('abcBarsOptions', () => {
	it('draws two bars per class, labelled with their percentages, and a legend', () => {
		const options = abcBarsOptions(ROWS, { labels: { customerShare: '客户占比', revenueShare: '销售额占比', share: '占比' } });
		const el = render(options);
		expect(el.querySelectorAll('g[aria-label="bar"] rect').length).toBe(6);
		const shown = texts(el);
		expect(shown).toEqual(expect.arrayContaining(['20.0%', '70.0%', '30.0%', '20.0%', '50.0%', '10.0%', 'A', 'B', 'C']));
		// The legend (a swatches div) names both measures.
		expect(el.textContent).toContain('客户占比');
		expect(el.textContent).toContain('销售额占比');
		expect([...el.querySelectorAll('rect title')].map((t) => t.textContent)).toContain('A\n销售额占比: 70.0%');
	});

	it('keeps the class order given and renders an empty list', () => {
		const options = abcBarsOptions([...ROWS].reverse(), { labels: { customerShare: 'c', revenueShare: 'r', share: 's' } });
		expect((options.fx as { domain: string[] }).domain).toEqual(['C', 'B', 'A']);
		expect(() => render(abcBarsOptions([], { labels: { customerShare: 'c', revenueShare: 'r', share: 's' } }))).not.toThrow();
	});
});
