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
}

/**
 * The journey map's lanes: stages across, touchpoints down; a cell per (stage, touchpoint) with
 * the event volume as text and the mean score as colour; pain-point touchpoints get a red outline.
 */
export function journeyLanesOptions(cells: readonly JourneyLaneCell[], o: JourneyLanesOptions): Plot.PlotOptions {
	const l = o.labels;
	const touchpoints = [...new Set(cells.map((c) => c.touchpoint))];
	const pain = new Set(o.pain);
	return {
		width: Math.max(420, 130 + o.stages.length * 150),
		height: 60 + touchpoints.length * 34,
		marginLeft: 90,
		padding: 0.06,
		x: { label: l.stage, domain: o.stages, axis: 'top' },
		y: { label: l.touchpoint, domain: touchpoints },
		color: { type: 'diverging', scheme: SCHEMES.score, pivot: 3, legend: true, label: l.score },
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
				fill: (d: JourneyLaneCell) => (d.mean_score !== null && (d.mean_score >= 4 || d.mean_score <= 2) ? INK.onDark : INK.text)
			})
		]
	};
}
