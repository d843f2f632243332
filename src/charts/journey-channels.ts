import * as Plot from '@observablehq/plot';

export interface ChannelRow {
	label: string;
	events: number;
	customers: number;
	event_share: number;
	mean_score: number | null;
}

export interface JourneyChannelLabels {
	events: string;
	customers: string;
	score: string;
}

export interface JourneyChannelsOptions {
	labels: JourneyChannelLabels;
}

/** Online vs offline: events per channel, labelled with the share of events and the mean score. */
export function journeyChannelsOptions(rows: readonly ChannelRow[], o: JourneyChannelsOptions): Plot.PlotOptions {
	const l = o.labels;
	return {
		width: 520,
		height: 60 + rows.length * 40,
		marginLeft: 90,
		marginRight: 150,
		x: { label: l.events, grid: true },
		y: { label: null, domain: rows.map((r) => r.label) },
		marks: [
			Plot.barX(rows, { x: 'events', y: 'label', fill: 'label', tip: { channels: { [l.customers]: 'customers', [l.score]: 'mean_score' } } }),
			Plot.text(rows, {
				x: 'events',
				y: 'label',
				text: (d: ChannelRow) => `${(d.event_share * 100).toFixed(1)}%${d.mean_score === null ? '' : ` · ${l.score} ${d.mean_score.toFixed(2)}`}`,
				textAnchor: 'start',
				dx: 4,
				fontSize: 11
			}),
			Plot.ruleX([0])
		]
	};
}
