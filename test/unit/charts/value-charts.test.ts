import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { frequencyCheckOptions, trackingOptions, type CheckLabels } from '../../../src/charts/clv-checks.ts';
import { valueMatrixOptions, type MatrixLabels, type MatrixPoint } from '../../../src/charts/value-matrix.ts';


const render = (o: Plot.PlotOptions): Element => {
	const doc = new JSDOM('').window.document;
	return Plot.plot({ ...o, document: doc }) as unknown as Element;
};

const L: MatrixLabels = { current: 'Revenue', potential: 'CLV', quadrants: { core: 'Core', potential: 'Potential', general: 'General', low: 'Low' } };
const points: MatrixPoint[] = [
	{ customer_id: 'a', current_value: 100, potential_value: 900, quadrant: 'core' },
	{ customer_id: 'b', current_value: 10, potential_value: 800, quadrant: 'potential' },
	{ customer_id: 'c', current_value: 200, potential_value: 5, quadrant: 'general' },
	{ customer_id: 'd', current_value: 0, potential_value: 0, quadrant: 'low' }
];

describe('valueMatrixOptions', () => {
	it.each([
		['linear with splits', { splits: { current: 50, potential: 100 }, log: false }, 'linear', 2],
		['symlog with splits', { splits: { current: 50, potential: 100 }, log: true }, 'symlog', 2],
		['no splits yet', { splits: null }, 'linear', 0]
	] as const)('%s', (_name, o, type, rules) => {
		const opts = valueMatrixOptions(points, { ...o, labels: L });
		expect(opts.x?.type).toBe(type);
		const svg = render(opts);
		expect(svg.querySelectorAll('circle')).toHaveLength(4);
		expect(svg.querySelectorAll('[aria-label^="rule"]')).toHaveLength(rules);
		const text = svg.textContent ?? '';
		for (const name of ['Core', 'Potential', 'General', 'Low', 'Revenue', 'CLV']) expect(text).toContain(name);
	});
});

const CL: CheckLabels = { actual: 'Actual', predicted: 'Model', frequency: 'Repeat purchases', holdoutMean: 'Mean hold-out', week: 'Week', cumulative: 'Cumulative', holdoutStart: 'Hold-out starts' };

describe('CLV check charts', () => {
	it('draws actual and model per calibration frequency, the last tick as 7+', () => {
		const rows = [0, 1, 2, 7].map((f) => ({ frequency: f, customers: 10, actual: f / 2, predicted: f / 2 + 0.1 }));
		const svg = render(frequencyCheckOptions(rows, { labels: CL }));
		expect(svg.querySelectorAll('[aria-label="line"] path')).toHaveLength(2);
		expect(svg.querySelectorAll('circle')).toHaveLength(8);
		const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
		expect(ticks).toEqual(['0', '1', '2', '7+']);
	});

	it.each([
		['with a hold-out', 30, 1],
		['without', null, 0]
	] as const)('tracking plot %s marks its start', (_name, start, rules) => {
		const rows = Array.from({ length: 52 }, (_, w) => ({ week: w, actual: w * 3, expected: w * 2.9 }));
		const svg = render(trackingOptions(rows, { labels: CL, holdoutStartWeek: start }));
		expect(svg.querySelectorAll('[aria-label="line"] path')).toHaveLength(2);
		expect(svg.querySelectorAll('[aria-label^="rule"]')).toHaveLength(rules);
		expect((svg.textContent ?? '').includes('Hold-out starts')).toBe(rules === 1);
	});
});

describe('symlog ticks', () => {
	it.each([
		[0, 950, [0, 1, 10, 100]],
		[-20, 1000, [-10, 0, 1, 10, 100, 1000]],
		[0, 0, [0]]
	] as const)('[%d, %d]', async (min, max, want) => {
		const { symlogTicks } = await import('../../../src/charts/value-matrix.ts');
		expect(symlogTicks(min, max)).toEqual(want);
	});
});

describe('shortNumber', () => {
	it.each([
		[0, '0'],
		[10, '10'],
		[1000, '1k'],
		[-10000, '-10k'],
		[2500000, '2.5M']
	] as const)('%d → %s', async (v, want) => {
		const { shortNumber } = await import('../../../src/charts/value-matrix.ts');
		expect(shortNumber(v)).toBe(want);
	});
});
