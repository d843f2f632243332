import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cohortHeatmapOptions, type CohortHeatCell } from '../../../src/charts/cohort-heatmap.ts';
import { kpiGroupsOptions } from '../../../src/charts/kpi-groups.ts';
import { kpiTrendOptions, type KpiTrendPoint } from '../../../src/charts/kpi-trend.ts';

/** JSDOM has no canvas: continuous colour legends (ramps) are switched off before drawing. */
function render(options: Plot.PlotOptions): Element {
	const color = options.color as Record<string, unknown> | undefined;
	const c = color ? { color: { ...color, legend: false } } : {};
	return Plot.plot({ ...options, ...c, document: new JSDOM('').window.document } as Plot.PlotOptions) as unknown as Element;
}
const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');
const marks = (el: Element) => [...el.querySelectorAll('g[aria-label]')].map((g) => g.getAttribute('aria-label'));

const POINTS: KpiTrendPoint[] = [
	{ period: '2024-Q1', value: 20, low: 10, high: 30, n: 100 },
	{ period: '2024-Q2', value: 35, low: 25, high: 45, n: 120 },
	{ period: '2024-Q3', value: 42, low: 33, high: 51, n: 90 }
];
const TL = { period: 'Quarter', value: 'NPS', target: 'Target', n: 'n' };

describe('kpi trend chart', () => {
	it.each<[string, number | undefined, string[]]>([
		['with a target', 40, ['area', 'line', 'dot', 'rule', 'text']],
		['without a target', undefined, ['area', 'line', 'dot']]
	])('%s', (_n, target, expected) => {
		const el = render(kpiTrendOptions(POINTS, { labels: TL, target }));
		for (const m of expected) expect(marks(el)).toContain(m);
		if (target === undefined) expect(marks(el)).not.toContain('rule');
		else expect(texts(el)).toContain('Target 40');
		expect(texts(el)).toEqual(expect.arrayContaining(['2024-Q1', '2024-Q2', '2024-Q3']));
		expect(el.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(3);
	});

	it('leaves the band out for points without an interval (retention)', () => {
		const el = render(kpiTrendOptions(POINTS.map((p) => ({ ...p, low: NaN, high: NaN })), { labels: TL, target: 92 }));
		expect(el.querySelectorAll('[aria-label="area"] path')).toHaveLength(0);
		expect(el.querySelectorAll('[aria-label="line"] path')).toHaveLength(1);
	});
});

describe('kpi by group chart', () => {
	const rows = [
		{ label: 'Champions', value: 55, low: 45, high: 65, n: 80 },
		{ label: 'Lost', value: -10, low: -25, high: 5, n: 40 },
		{ label: 'New', value: NaN, low: NaN, high: NaN, n: 0 }
	];
	it('sorts groups by value, draws intervals and the target, and skips missing values', () => {
		const o = kpiGroupsOptions(rows, { labels: { value: 'NPS', group: '', target: 'Target', n: 'n' }, target: 40 });
		expect((o.y as { domain: string[] }).domain).toEqual(['Champions', 'Lost']);
		const el = render(o);
		expect(el.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(2);
		expect(marks(el).filter((m) => m === 'rule')).toHaveLength(2);
		expect(texts(el)).toEqual(expect.arrayContaining(['55.0', '-10.0', 'Champions', 'Lost']));
	});
});

describe('cohort heatmap', () => {
	const cells: CohortHeatCell[] = [
		{ cohort: '2024-01', month_index: 0, customers: 10, cohort_size: 10, retention: 1 },
		{ cohort: '2024-01', month_index: 1, customers: 3, cohort_size: 10, retention: 0.3 },
		{ cohort: '2024-02', month_index: 0, customers: 5, cohort_size: 5, retention: 1 }
	];
	it('shows cohort sizes in month 0 and percentages after, one cell per (cohort, month)', () => {
		const o = cohortHeatmapOptions(cells, { labels: { cohort: 'First purchase', month: 'Months since', retention: 'Share', customers: 'Customers', size: 'Size' } });
		expect((o.color as { domain: number[] }).domain).toEqual([0, 0.3]);
		const el = render(o);
		expect(el.querySelectorAll('[aria-label="cell"] rect')).toHaveLength(3);
		expect(texts(el)).toEqual(expect.arrayContaining(['10', '30%', '5', '2024-01', '2024-02']));
	});

	it('draws an empty frame for no cohorts', () => {
		const el = render(cohortHeatmapOptions([], { labels: { cohort: 'c', month: 'm', retention: 'r', customers: 'n', size: 's' } }));
		expect(el.querySelectorAll('[aria-label="cell"] rect')).toHaveLength(0);
	});
});
