import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { journeyChannelsOptions } from '../../../src/charts/journey-channels.ts';
import { journeyCurveOptions } from '../../../src/charts/journey-curve.ts';
import { journeyFlowOptions, type FlowLink } from '../../../src/charts/journey-flow.ts';
import { journeyLanesOptions } from '../../../src/charts/journey-lanes.ts';

function render(options: Plot.PlotOptions): Element {
	const color = options.color as Record<string, unknown> | undefined;
	const c = color ? { color: { ...color, legend: false } } : {};
	return Plot.plot({ ...options, ...c, document: new JSDOM('').window.document } as Plot.PlotOptions) as unknown as Element;
}
const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('journey lanes', () => {
	const cells = [
		{ stage: '接触前', touchpoint: '社交媒体', events: 1200, mean_score: 3.9 },
		{ stage: '接触中', touchpoint: '门店', events: 800, mean_score: 4.2 },
		{ stage: '接触后', touchpoint: '客服电话', events: 150, mean_score: 2.8 },
		{ stage: '接触后', touchpoint: '邮件', events: 40, mean_score: null }
	];
	it('one cell per stage × touchpoint with its volume; pain points outlined', () => {
		const o = journeyLanesOptions(cells, { labels: { stage: 'Stage', touchpoint: 'Touchpoint', events: 'Events', score: 'Score' }, stages: ['接触前', '接触中', '接触后'], pain: ['客服电话'] });
		const el = render(o);
		const groups = el.querySelectorAll('[aria-label="cell"]');
		expect(groups).toHaveLength(3);
		expect(groups[0]!.querySelectorAll('rect')).toHaveLength(4);
		expect(groups[1]!.querySelectorAll('rect')).toHaveLength(3);
		expect(groups[2]!.querySelectorAll('rect')).toHaveLength(1);
		expect(groups[2]!.getAttribute('stroke')).toBe('#c0392b');
		expect(texts(el)).toEqual(expect.arrayContaining(['1,200', '800', '150', '40', '接触前', '接触后', '客服电话']));
	});
});

describe('journey satisfaction curve', () => {
	it.each([
		['three stages', [3.9, 4.3, 3.1], 3],
		['a stage without scores is left out', [3.9, null, 3.1], 2]
	] as const)('%s', (_n, means, dots) => {
		const rows = ['接触前', '接触中', '接触后'].map((stage, i) => ({ stage, mean_score: means[i] ?? null, sd_score: 0.8, q25: 3, q75: 5, scored: 10 }));
		const el = render(journeyCurveOptions(rows, { labels: { stage: 'Stage', score: 'Mean', scored: 'n' } }));
		expect(el.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(dots);
		expect(el.querySelectorAll('[aria-label="line"] path')).toHaveLength(1);
		expect(texts(el)).toContain('3.90');
	});
});

describe('journey curve and lanes: scale and colour', () => {
	const rows = ['接触前', '接触中', '接触后'].map((stage, i) => ({ stage, mean_score: [4.6, 4.2, 2.0][i]!, sd_score: 0.9, q25: 4, q75: 5, scored: 10 }));
	it('keeps the ± 1 SD band on the 1–5 answer scale, with straight segments', () => {
		const o = journeyCurveOptions(rows, { labels: { stage: 'Stage', score: 'Mean', scored: 'n' } });
		expect((o.y as { domain: number[] }).domain).toEqual([1, 5]);
		const area = o.marks!.find((m) => (m as { ariaLabel?: string }).ariaLabel === 'area') as unknown as { data: { lo: number; hi: number }[]; curve: unknown };
		// 4.6 + 0.9 = 5.5 → 5; 2.0 − 0.9 = 1.1 stays.
		expect(area.data.map((d) => [d.lo, d.hi])).toEqual([[3.6999999999999997, 5], [3.3000000000000003, 5], [1.1, 2.9]]);
		expect(texts(render(o))).toContain('4.60');
	});

	it('centres the lanes’ colours on the overall mean', () => {
		const o = journeyLanesOptions([{ stage: 'a', touchpoint: 't', events: 1, mean_score: 4 }], { labels: { stage: 'S', touchpoint: 'T', events: 'E', score: 'M' }, stages: ['a'], pain: [], overall: 4.06 });
		expect((o.color as { pivot: number }).pivot).toBe(4.06);
	});
});

describe('journey flow', () => {
	const links: FlowLink[] = [
		{ step: 1, source: 'App', target: '门店', customers: 50 },
		{ step: 1, source: '官网', target: 'App', customers: 30 },
		{ step: 1, source: '邮件', target: '门店', customers: 5 },
		{ step: 2, source: '门店', target: '客服电话', customers: 20 }
	];
	it('keeps the top links per step and sums the rest into "other"', () => {
		const o = journeyFlowOptions(links, { labels: { step: 'Step', customers: 'Customers', other: 'Other' }, top: 2 });
		const el = render(o);
		expect(el.querySelectorAll('[aria-label="link"] path')).toHaveLength(4);
		expect((o.y as { domain: string[] }).domain.at(-1)).toBe('Other');
		expect((o.x as { domain: number[] }).domain).toEqual([1, 2, 3]);
		expect(texts(el)).toEqual(expect.arrayContaining(['50', '5', '20']));
	});
});

describe('channel split', () => {
	it('a bar per channel with share and mean score', () => {
		const rows = [
			{ label: 'Online', events: 700, customers: 300, event_share: 0.7, mean_score: 4.1 },
			{ label: 'Offline', events: 300, customers: 200, event_share: 0.3, mean_score: null }
		];
		const el = render(journeyChannelsOptions(rows, { labels: { events: 'Events', customers: 'Customers', score: 'Score' } }));
		expect(el.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(2);
		expect(texts(el)).toEqual(expect.arrayContaining(['70.0% · Score 4.10', '30.0%']));
	});
});
