import * as Plot from '@observablehq/plot';
import { CHANNEL_COLOURS, OTHERS_COLOUR } from './palette.ts';

export interface WorkloadRow {
	channel: string;
	/** First day of the week or month, YYYY-MM-DD. */
	period: string;
	contacts: number;
	cost: number;
}

export interface WorkloadOptions {
	/** Channel ids in display order and their names. */
	channels: readonly { id: string; name: string }[];
	labels: { period: string; contacts: string; cost: string };
	width?: number;
}

/** Contacts per period, stacked by channel (the team's workload within the horizon). */
export function workloadOptions(rows: readonly WorkloadRow[], o: WorkloadOptions): Plot.PlotOptions {
	const name = new Map(o.channels.map((c) => [c.id, c.name]));
	const data = rows.map((r) => ({ ...r, name: name.get(r.channel) ?? r.channel }));
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	const rotate = periods.length > 8;
	const present = o.channels.filter((c) => rows.some((r) => r.channel === c.id));
	return {
		width: o.width ?? 640,
		height: 300,
		marginLeft: 56,
		// Rotated dates need room below them: the axis title goes under the ticks, not across them.
		marginBottom: rotate ? 84 : 48,
		x: { label: o.labels.period, domain: periods, tickRotate: rotate ? -35 : 0, labelAnchor: 'center', labelOffset: rotate ? 80 : 40 },
		y: { label: o.labels.contacts, grid: true },
		color: { legend: true, domain: present.map((c) => c.name), range: present.map((c) => CHANNEL_COLOURS[c.id] ?? OTHERS_COLOUR) },
		marks: [
			Plot.barY(data, {
				x: 'period',
				y: 'contacts',
				fill: 'name',
				title: (d: (typeof data)[number]) => `${d.period} · ${d.name}\n${o.labels.contacts}: ${d.contacts}\n${o.labels.cost}: ${d.cost}`
			}),
			Plot.ruleY([0])
		]
	};
}
