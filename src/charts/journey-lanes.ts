import * as Plot from '@observablehq/plot';

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

/**
 * The journey map's lanes: stages across, touchpoints down; a cell per (stage, touchpoint) with
 * the event volume as text and the mean score as colour; pain-point touchpoints get a red outline.
 */
export function journeyLanesOptions(cells: readonly JourneyLaneCell[], l: JourneyLaneLabels, o: { stages: readonly string[]; pain: readonly string[] }): Plot.PlotOptions {
	const touchpoints = [...new Set(cells.map((c) => c.touchpoint))];
	const pain = new Set(o.pain);
	return {
		width: Math.max(420, 130 + o.stages.length * 150),
		height: 60 + touchpoints.length * 34,
		marginLeft: 90,
		padding: 0.06,
		x: { label: l.stage, domain: o.stages, axis: 'top' },
		y: { label: l.touchpoint, domain: touchpoints },
		color: { type: 'diverging', scheme: 'RdYlGn', pivot: 3, legend: true, label: l.score },
		marks: [
			Plot.cell(cells, { x: 'stage', y: 'touchpoint', fill: '#eee', inset: 1 }),
			Plot.cell(cells, { x: 'stage', y: 'touchpoint', fill: 'mean_score', inset: 1, tip: { channels: { [l.events]: 'events' }, format: { fill: '.2f' } } }),
			Plot.cell(
				cells.filter((c) => pain.has(c.touchpoint) && c.mean_score !== null),
				{ x: 'stage', y: 'touchpoint', stroke: '#c0392b', strokeWidth: 2.5, fill: 'none', inset: 1 }
			),
			Plot.text(cells, {
				x: 'stage',
				y: 'touchpoint',
				text: (d: JourneyLaneCell) => d.events.toLocaleString(),
				fontSize: 11,
				fill: (d: JourneyLaneCell) => (d.mean_score !== null && (d.mean_score >= 4 || d.mean_score <= 2) ? 'white' : '#1b1b1b')
			})
		]
	};
}
