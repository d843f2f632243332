import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { funnelBarsOptions, type FunnelRow } from '../../../src/charts/funnel-bars.ts';

const render = (o: Plot.PlotOptions) => Plot.plot({ ...o, document: new JSDOM('').window.document }) as unknown as Element;
const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');

const rows = (group: string, counts: number[]): FunnelRow[] =>
	counts.map((customers, i) => ({ group, step: i + 1, step_name: ['官网', 'App', '门店'][i]!, customers, conversion: customers / counts[0]! }));

describe('funnel bars', () => {
	it.each<[string, FunnelRow[], number, string[]]>([
		['one group', rows('all', [200, 80, 20]), 3, ['200 · 100.0%', '80 · 40.0%', '20 · 10.0%', '1. 官网', '3. 门店']],
		['two groups are faceted', [...rows('A', [10, 5, 1]), ...rows('B', [20, 2, 0])], 6, ['A', 'B', '5 · 50.0%', '0 · 0.0%']]
	])('%s', (_n, data, bars, labels) => {
		const el = render(funnelBarsOptions(data, { labels: { customers: 'Customers', step: 'Step' } }));
		expect(el.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(bars);
		expect(texts(el)).toEqual(expect.arrayContaining(labels));
	});
});
