import type * as Plot from '@observablehq/plot';
import type { HistogramBin, OrderCountRow, ScatterPoint, ScatterStats, ScoreCell, SegmentTotalsRow } from '../core/sql/rfm-plots.ts';
import type { Translate } from '../i18n/translate.ts';
import { fmScatterOptions } from './fm-scatter.ts';
import { orderDistributionOptions } from './order-distribution.ts';
import { histogramOptions } from './rfm-histograms.ts';
import { scoreHeatmapOptions, type HeatMeasure } from './score-heatmap.ts';
import { segmentMediansOptions } from './segment-medians.ts';
import { segmentTreemapOptions } from './segment-treemap.ts';
import { shareComparisonOptions } from './share-comparison.ts';

/** The aggregates that depend on the scores only (not on the segment rules). */
export interface ScoreData {
	histR: HistogramBin[];
	histF: HistogramBin[];
	histM: HistogramBin[];
	orders: OrderCountRow[];
	rf: ScoreCell[];
	fm: ScoreCell[];
	rm: ScoreCell[];
	stats: ScatterStats;
}

/** The aggregates that change with the segment rules. */
export interface SegmentData {
	scatter: ScatterPoint[];
	totals: SegmentTotalsRow[];
}

/** The queried aggregates the plot set is drawn from. */
export interface PlotData extends ScoreData, SegmentData {}

export interface FigureSpec {
	id: string;
	title: string;
	options: Plot.PlotOptions;
	note?: string;
	/** Grid width: 1 = a third of the row, 2 = two thirds, 3 = the whole row. */
	span: 1 | 2 | 3;
}

export interface PlotSetContext {
	t: Translate;
	/** Number formatting in the UI language. */
	fmt: (v: number, digits?: number) => string;
	/** Segment ids in rule order (colours follow it) and their display names. */
	segments: readonly string[];
	name: (id: string) => string;
	heatMeasure: HeatMeasure;
	treemapSize: 'customers' | 'revenue';
	sampleLimit: number;
}

/** The score heatmaps: rows (y) × columns (x). */
const HEAT_AXES = { rf: ['r', 'f'], fm: ['f', 'm'], rm: ['r', 'm'] } as const;

/** Every figure of the RFM plot set, in display order, from the queried data. */
export function rfmPlotSet(d: PlotData, c: PlotSetContext): FigureSpec[] {
	return [...scoreFigures(d, c), ...segmentFigures(d, c)];
}

/** The figures of the scores alone (histograms, purchase counts, score heatmaps): rules do not change them. */
export function scoreFigures(d: ScoreData, c: Pick<PlotSetContext, 't' | 'fmt' | 'heatMeasure'>): FigureSpec[] {
	const { t, fmt } = c;
	const hist = (id: string, key: 'histR' | 'histF' | 'histM', bins: PlotData['histR'], digits: number): FigureSpec => ({
		id,
		span: 1,
		title: t(`plots.${key}.title`),
		options: histogramOptions(bins, { labels: { x: t(`plots.${key}.axis`), customers: t('plots.customers'), overflow: (v) => t('plots.above', { value: v }), format: (v) => fmt(v, digits) } }),
		note: bins.some((b) => b.overflow) ? t('plots.overflowNote') : undefined
	});
	const heat = (id: string, pair: keyof typeof HEAT_AXES, cells: PlotData['rf']): FigureSpec => {
		const [y, x] = HEAT_AXES[pair];
		return {
			id,
			span: 1,
			title: t(`plots.heat.${pair}`) + ' · ' + t(c.heatMeasure === 'mean' ? 'plots.heat.byMean' : 'plots.heat.byCount'),
			options: scoreHeatmapOptions(cells, { measure: c.heatMeasure, labels: { x: t(`plots.score.${x}`), y: t(`plots.score.${y}`), meanMonetary: t('plots.meanMonetary'), customers: t('plots.customers') } })
		};
	};
	return [
		hist('plot-hist-r', 'histR', d.histR, 0),
		hist('plot-hist-f', 'histF', d.histF, 0),
		hist('plot-hist-m', 'histM', d.histM, 0),
		{
			id: 'plot-orders',
			span: 1,
			title: t('plots.orders.title'),
			options: orderDistributionOptions(d.orders, { labels: { x: t('plots.orders.axis'), customers: t('plots.customers'), capped: (n) => t('plots.orCapped', { n: String(n) }) } })
		},
		heat('plot-heat-rf', 'rf', d.rf),
		heat('plot-heat-fm', 'fm', d.fm),
		heat('plot-heat-rm', 'rm', d.rm)
	];
}

/** The figures that change with the rules: F×M scatter by segment, treemap, shares, medians. */
export function segmentFigures(d: SegmentData & Pick<ScoreData, 'stats'>, c: PlotSetContext): FigureSpec[] {
	const { t, fmt } = c;
	const pct = (v: number) => `${fmt(v * 100, 1)}%`;
	const eligible = d.stats.positive;
	const shown = d.scatter.length;
	const excluded = d.stats.total - eligible;
	const scatterNote = [
		shown < eligible ? t('plots.scatter.sampled', { shown, eligible, limit: c.sampleLimit }) : t('plots.scatter.all', { shown }),
		excluded > 0 ? t('plots.scatter.excluded', { count: excluded }) : ''
	]
		.filter(Boolean)
		.join(' ');
	const totalCustomers = d.totals.reduce((a, r) => a + r.customers, 0);
	const positiveRevenue = d.totals.reduce((a, r) => a + Math.max(0, r.revenue), 0);
	const tree = d.totals.map((r) => {
		const value = c.treemapSize === 'customers' ? r.customers : Math.max(0, r.revenue);
		const total = c.treemapSize === 'customers' ? totalCustomers : positiveRevenue;
		return { segment: r.segment, value, share: total > 0 ? value / total : 0 };
	});
	const labelled = d.totals.map((r) => ({ ...r, label: c.name(r.segment) }));
	return [
		{
			id: 'plot-fm-scatter',
			span: 2,
			title: t('plots.scatter.title'),
			options: fmScatterOptions(d.scatter, { segments: c.segments, labels: { f: t('plots.scatter.f'), m: t('plots.scatter.m'), segment: t('plots.segment'), customer: t('plots.customer'), name: c.name }, width: 900 }),
			note: scatterNote
		},
		{
			id: 'plot-treemap',
			span: 2,
			title: t(c.treemapSize === 'customers' ? 'plots.treemap.byCustomers' : 'plots.treemap.byRevenue'),
			options: segmentTreemapOptions(tree, { segments: c.segments, labels: { name: c.name, detail: (v, s) => `${fmt(v, 0)} · ${pct(s)}` }, width: 900, height: 400 })
		},
		{
			id: 'plot-shares',
			span: 1,
			title: t('plots.shares.title'),
			options: shareComparisonOptions(labelled, { labels: { customerShare: t('plots.customerShare'), revenueShare: t('plots.revenueShare'), share: t('plots.share') }, width: 420 })
		},
		{
			id: 'plot-medians',
			span: 3,
			title: t('plots.medians.title'),
			options: segmentMediansOptions(labelled, { labels: { recency: t('plots.medians.r'), frequency: t('plots.medians.f'), monetary: t('plots.medians.m'), format: (v) => (v >= 100 ? fmt(v, 0) : fmt(Math.round(v * 10) / 10)) }, width: 1240 })
		}
	];
}
