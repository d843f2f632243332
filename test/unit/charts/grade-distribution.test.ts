import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { gradeDistributionOptions } from '../../../src/charts/grade-distribution.ts';

describe('gradeDistributionOptions', () => {
	it('draws the histogram of totals and a named rule at each cut-off above 0', () => {
		const options = gradeDistributionOptions(
			[
				{ x0: 0, customers: 3 },
				{ x0: 80, customers: 2 }
			],
			{ bin: 2, max: 100, cutoffs: [{ name: 'VIP', min: 80 }, { name: '重要', min: 60 }, { name: '一般', min: 0 }], labels: { total: 'Total', customers: 'Customers' } }
		);
		const el = Plot.plot({ ...options, document: new JSDOM('').window.document }) as unknown as Element;
		expect(el.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(2);
		expect(el.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(2);
		const texts = [...el.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toEqual(expect.arrayContaining(['VIP ≥ 80', '重要 ≥ 60']));
		expect(texts).not.toContain('一般 ≥ 0');
	});
});
