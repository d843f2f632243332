import * as Plot from '@observablehq/plot';
import { INK, SCHEMES, SERIES_COLOURS } from './palette.ts';

export interface JourneyLaneCell {
	stage: string;
	touchpoint: string;
	events: number;
	mean_score: number | null;
}

export interface JourneyLaneLabels {
	stage: string;
	touchpoint: string;
	events: string;
	score: string;
}

export interface JourneyLanesOptions {
	labels: JourneyLaneLabels;
	/** Stages in journey order (the columns). */
	stages: readonly string[];
	/** Touchpoints marked as pain points (outlined). */
	pain: readonly string[];
	/** The mean score over all scored events: the colour scale's middle (above it green, below red). */
	overall?: number | null;
}

/**
 * The journey map's lanes: stages across, touchpoints down; a cell per (stage, touchpoint) with
 * the event volume as text and the mean score as colour; pain-point touchpoints get a red outline.
 */
export function journeyLanesOptions(cells: readonly JourneyLaneCell[], o: JourneyLanesOptions): Plot.PlotOptions {
	const l = o.labels;
	const touchpoints = [...new Set(cells.map((c) => c.touchpoint))];
	const pain = new Set(o.pain);
	const pivot = o.overall ?? 3;
	const scores = cells.map((c) => c.mean_score).filter((v): v is number => v !== null);
	// The diverging scale is symmetric around the pivot: its reach is the farthest score on either side.
	const reach = Math.max(0, ...scores.map((v) => Math.abs(v - pivot))) || 1;
	// Light text on the dark ends of the scale (the outer 40 % of its reach).
	const dark = (v: number | null) => v !== null && Math.abs(v - pivot) / reach > 0.6;
	return {
		width: Math.max(420, 130 + o.stages.length * 150),
		height: 60 + touchpoints.length * 34,
		marginLeft: 90,
		marginTop: 40,
		padding: 0.06,
		// The axis title on the left of the stage names (not above one of them).
		x: { label: l.stage, domain: o.stages, axis: 'top', labelAnchor: 'left', labelOffset: 30 },
		y: { label: l.touchpoint, domain: touchpoints },
		// Coloured relative to the overall mean: what stands out is better or worse than usual.
		color: { type: 'diverging', scheme: SCHEMES.score, pivot: o.overall ?? 3, legend: true, label: l.score },
		marks: [
			Plot.cell(cells, { x: 'stage', y: 'touchpoint', fill: INK.emptyCell, inset: 1 }),
			Plot.cell(cells, { x: 'stage', y: 'touchpoint', fill: 'mean_score', inset: 1, tip: { channels: { [l.events]: 'events' }, format: { fill: '.2f' } } }),
			Plot.cell(
				cells.filter((c) => pain.has(c.touchpoint) && c.mean_score !== null),
				{ x: 'stage', y: 'touchpoint', stroke: SERIES_COLOURS.alert, strokeWidth: 2.5, fill: 'none', inset: 1 }
			),
			Plot.text(cells, {
				x: 'stage',
				y: 'touchpoint',
				text: (d: JourneyLaneCell) => d.events.toLocaleString(),
				fontSize: 11,
				fill: (d: JourneyLaneCell) => (dark(d.mean_score) ? INK.onDark : INK.text)
			})
		]
	};
}
