import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { columnProfileOptions } from '../../../src/charts/column-profile.ts';
import type { ColumnProfile } from '../../../src/core/sql/grid-profile.ts';

const render = (o: Plot.PlotOptions) => Plot.plot({ ...o, document: new JSDOM('').window.document }) as unknown as Element;
const base: ColumnProfile = { kind: 'number', rows: 0, missing: 0, distinct: 0, min: null, max: null, mean: null, median: null, bins: [], top: [] };
const labels = { column: '金额', rows: 'Rows' };

describe('column profile chart', () => {
	it('a histogram: one rect per bin', () => {
		const bins = [0, 1, 2, 3].map((i) => ({ x0: i * 10, x1: i * 10 + 10, n: i + 1 }));
		const o = columnProfileOptions({ ...base, bins }, { labels });
		expect(o).not.toBeNull();
		expect(render(o!).querySelectorAll('[aria-label="rect"] rect')).toHaveLength(4);
	});
	it('top values: one bar per value, blank shown as ∅', () => {
		const o = columnProfileOptions({ ...base, kind: 'text', top: [{ value: '甲', n: 3 }, { value: '', n: 1 }] }, { labels });
		const el = render(o!);
		expect(el.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(2);
		expect([...el.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['甲', '∅']));
	});
	it('nothing to draw: null', () => {
		expect(columnProfileOptions(base, { labels })).toBeNull();
		expect(columnProfileOptions({ ...base, kind: 'text' }, { labels })).toBeNull();
	});
});
