import * as Plot from '@observablehq/plot';
import { SERIES_COLOURS } from './palette.ts';

export interface StageScore {
	stage: string;
	mean_score: number | null;
	sd_score: number | null;
	q25: number | null;
	q75: number | null;
	scored: number;
}

export interface JourneyCurveLabels {
	stage: string;
	score: string;
	scored: string;
}

export interface JourneyCurveOptions {
	labels: JourneyCurveLabels;
}

/** The satisfaction curve across stages: mean (line and dots), mean ± sd (band) and the interquartile range (ticks). */
export function journeyCurveOptions(rows: readonly StageScore[], o: JourneyCurveOptions): Plot.PlotOptions {
	const l = o.labels;
	const { series, interval } = SERIES_COLOURS;
	const data = rows.filter((r) => r.mean_score !== null).map((r) => ({ ...r, lo: r.mean_score! - (r.sd_score ?? 0), hi: r.mean_score! + (r.sd_score ?? 0) }));
	return {
		width: 520,
		height: 280,
		marginLeft: 50,
		x: { type: 'point', label: l.stage, domain: data.map((d) => d.stage), inset: 40 },
		y: { label: l.score, grid: true, nice: true },
		marks: [
			Plot.areaY(data, { x: 'stage', y1: 'lo', y2: 'hi', fill: series, fillOpacity: 0.15, curve: 'monotone-x' }),
			Plot.ruleX(data, { x: 'stage', y1: 'q25', y2: 'q75', stroke: interval, strokeWidth: 6, strokeOpacity: 0.6 }),
			Plot.lineY(data, { x: 'stage', y: 'mean_score', stroke: series, strokeWidth: 2, curve: 'monotone-x' }),
			Plot.dot(data, { x: 'stage', y: 'mean_score', fill: series, r: 4, tip: { channels: { [l.scored]: 'scored' }, format: { y: '.2f' } } }),
			Plot.text(data, { x: 'stage', y: 'mean_score', text: (d: StageScore) => (d.mean_score ?? 0).toFixed(2), dy: -12, fontSize: 11 })
		]
	};
}
