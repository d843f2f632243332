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
	/** The answer scale [lowest, highest]; default inferred from the scores (answerScale). */
	scale?: readonly [number, number];
	width?: number;
}

/** The usual answer scale the scores fit: 1–5, 1–7, 0–10 or 1–10, 0–100 (by the quartiles and means seen). */
export function answerScale(rows: readonly StageScore[]): [number, number] {
	const seen = rows.flatMap((r) => [r.mean_score, r.q25, r.q75]).filter((v): v is number => v !== null && Number.isFinite(v));
	if (seen.length === 0) return [1, 5];
	const lo = Math.min(...seen);
	const hi = Math.max(...seen);
	const top = [5, 7, 10, 100].find((t) => hi <= t) ?? hi;
	return [lo < 1 ? 0 : 1, top];
}

/** The satisfaction curve across stages: mean (line and dots), mean ± sd (band) and the interquartile range (ticks). */
export function journeyCurveOptions(rows: readonly StageScore[], o: JourneyCurveOptions): Plot.PlotOptions {
	const l = o.labels;
	const { series, interval } = SERIES_COLOURS;
	const [low, high] = o.scale ?? answerScale(rows);
	// The ± 1 SD band stays on the answer scale (no mean + SD above the top answer).
	const clamp = (v: number) => Math.min(high, Math.max(low, v));
	const data = rows.filter((r) => r.mean_score !== null).map((r) => ({ ...r, lo: clamp(r.mean_score! - (r.sd_score ?? 0)), hi: clamp(r.mean_score! + (r.sd_score ?? 0)) }));
	return {
		width: o.width ?? 520,
		height: 280,
		marginLeft: 50,
		marginBottom: 44,
		// Stages are steps, not a continuum: straight segments between them.
		x: { type: 'point', label: l.stage, labelAnchor: 'center', labelOffset: 38, domain: data.map((d) => d.stage), inset: 40 },
		y: { label: l.score, grid: true, domain: [low, high] },
		marks: [
			Plot.areaY(data, { x: 'stage', y1: 'lo', y2: 'hi', fill: series, fillOpacity: 0.15, curve: 'linear' }),
			Plot.ruleX(data, { x: 'stage', y1: 'q25', y2: 'q75', stroke: interval, strokeWidth: 6, strokeOpacity: 0.6 }),
			Plot.lineY(data, { x: 'stage', y: 'mean_score', stroke: series, strokeWidth: 2, curve: 'linear' }),
			Plot.dot(data, { x: 'stage', y: 'mean_score', fill: series, r: 4, tip: { channels: { [l.scored]: 'scored' }, format: { y: '.2f' } } }),
			Plot.text(data, { x: 'stage', y: 'mean_score', text: (d: StageScore) => (d.mean_score ?? 0).toFixed(2), dy: -12, fontSize: 11 })
		]
	};
}
