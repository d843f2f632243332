/**
 * Every colour the charts use, named by what it means. Builders import from here, so a colour
 * means the same thing in every figure (customers are always light blue, revenue orange; the n-th
 * segment has the n-th colour in the scatter, the treemap and the migration flow).
 */
import type { Quadrant } from '../core/sql/value-matrix.ts';

/** One colour per segment, stable across the plot set: the n-th segment of the rule set gets the n-th colour. */
export const SEGMENT_PALETTE = [
	'#4e79a7',
	'#f28e2c',
	'#59a14f',
	'#e15759',
	'#76b7b2',
	'#edc949',
	'#af7aa1',
	'#ff9da7',
	'#9c755f',
	'#2f6f6f',
	'#8cd17d',
	'#b6992d'
] as const;

/** The grey kept for customers no rule matched. */
export const OTHERS_COLOUR = '#bab0ab';

/** Colour range for a segment domain (ids in rule order); 'others' is always grey. */
export function segmentRange(ids: readonly string[]): string[] {
	let i = 0;
	return ids.map((id) => (id === 'others' ? OTHERS_COLOUR : SEGMENT_PALETTE[i++ % SEGMENT_PALETTE.length]!));
}

/** Customers new at the later date, in the migration charts (lighter than any segment colour). */
export const NEW_COLOUR = '#a0cbe8';

/** The value matrix's quadrants (dots, legend, quadrant names and the cards beside the chart). */
export const QUADRANT_COLOURS: Record<Quadrant, string> = { core: '#1f6fc5', potential: '#2e9e5b', general: '#e69f38', low: '#9aa5b1' };
/** The same hues dark enough for text on a light panel (WCAG AA, ≥ 4.5:1). */
export const QUADRANT_TEXT: Record<Quadrant, string> = { core: '#1a5fa8', potential: '#1d6b3e', general: '#8a5200', low: '#535d67' };

/** Share of customers against share of revenue (ABC classes, segment shares, the dumbbell). */
export const SHARE_COLOURS = { customers: '#7aa6d6', revenue: '#e69f38' } as const;

/** Recency, frequency and monetary side by side (segment medians). */
export const RFM_COLOURS = { recency: '#4e79a7', frequency: '#59a14f', monetary: '#e69f38' } as const;

/** Bars of one measure: R/F/M histograms (with their grey overflow bin) and purchase counts. */
export const BAR_COLOURS = { histogram: '#4e79a7', overflow: '#b8b8b8', orders: '#59a14f' } as const;

/** What was observed against what a model expected (CLV checks). */
export const CHECK_COLOURS = { actual: '#1d2733', predicted: '#e0662f' } as const;

/** One series over time or stages (KPIs, journey, funnel), its interval, and a target or pain point. */
export const SERIES_COLOURS = { series: 'steelblue', interval: '#8aa', alert: '#c0392b' } as const;
/** Demand forecasts: the history and the seasonal-naive baseline beside the forecast (SERIES_COLOURS.series). */
export const FORECAST_COLOURS = { history: '#555', baseline: '#999' } as const;

/** The Pareto curve and its guides. */
export const PARETO_COLOURS = {
	curve: '#2f6fb0',
	line80: '#d9534f',
	line80Text: '#b03a36',
	threshold: '#aeb6c0',
	diagonal: '#9aa3ad',
	note: '#6b7480'
} as const;

/**
 * Sequential and diverging schemes of cell charts: shares (cohort retention, migration row share),
 * money (mean monetary), counts (customers) and scores (satisfaction, diverging around the middle).
 */
export const SCHEMES = { share: 'Blues', money: 'YlGnBu', count: 'Purples', score: 'RdYlGn' } as const;

/**
 * Neutral ink: the paper, text on light and on dark cells, muted notes, reference rules and markers, empty
 * cells, and the fallback for an unknown id.
 */
export const INK = {
	/** The background of an exported figure. */
	paper: 'white',
	text: '#1b1b1b',
	onDark: 'white',
	halo: 'white',
	muted: '#555',
	rule: '#333',
	marker: '#888',
	emptyCell: '#eee',
	firstMonth: '#e8e8e8',
	unknown: '#999'
} as const;

/** Black or white, whichever reads better on a #rrggbb background (relative luminance). */
export function textOn(hex: string): string {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) return '#1b1b1b';
	const n = parseInt(m[1]!, 16);
	const lin = (c: number) => {
		const v = c / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	};
	const lum = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
	return lum > 0.33 ? '#1b1b1b' : '#ffffff';
}

/** One colour per contact channel of a service plan (the most personal channels warmest). */
export const CHANNEL_COLOURS: Record<string, string> = {
	manager: '#b2182b',
	events: '#e15759',
	wecom: '#59a14f',
	phone: '#f28e2c',
	sms: '#76b7b2',
	email: '#4e79a7',
	social: '#af7aa1',
	self_service: '#9aa5b1'
};
/** Lifecycle stages, potential → churned: grey, fresh green, blue, amber, red (the same in every lifecycle figure). */
export const STAGE_COLOURS = { potential: '#9aa5b1', new: '#59a14f', active: '#4e79a7', silent: '#edc949', churned: '#e15759' } as const;
