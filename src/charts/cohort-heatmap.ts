import * as Plot from '@observablehq/plot';
import { INK, SCHEMES } from './palette.ts';

export interface CohortHeatCell {
	cohort: string;
	month_index: number;
	customers: number;
	cohort_size: number;
	retention: number;
}

export interface CohortHeatLabels {
	cohort: string;
	month: string;
	retention: string;
	customers: string;
	size: string;
}

export interface CohortHeatmapOptions {
	labels: CohortHeatLabels;
}

/** Cohort retention: first-purchase month × months since, colour and text = share of the cohort buying. */
export function cohortHeatmapOptions(cells: readonly CohortHeatCell[], o: CohortHeatmapOptions): Plot.PlotOptions {
	const l = o.labels;
	const later = cells.filter((c) => c.month_index > 0);
	const top = Math.max(0.05, ...later.map((c) => c.retention));
	const cohorts = [...new Set(cells.map((c) => c.cohort))].sort();
	const months = [...new Set(cells.map((c) => c.month_index))].sort((a, b) => a - b);
	return {
		width: Math.max(420, 60 + months.length * 46),
		height: Math.max(160, 60 + cohorts.length * 22),
		marginLeft: 70,
		marginTop: 40,
		padding: 0.04,
		// The axis title left of the month numbers, clear of them.
		x: { label: l.month, domain: months, axis: 'top', labelAnchor: 'left', labelOffset: 30 },
		y: { label: l.cohort, domain: cohorts },
		color: { type: 'sequential', scheme: SCHEMES.share, legend: true, label: l.retention, tickFormat: '.0%', domain: [0, top] },
		marks: [
			Plot.cell(
				cells.filter((c) => c.month_index === 0),
				{ x: 'month_index', y: 'cohort', fill: INK.firstMonth, inset: 0.5 }
			),
			Plot.cell(later, {
				x: 'month_index',
				y: 'cohort',
				fill: 'retention',
				inset: 0.5,
				tip: { channels: { [l.customers]: 'customers', [l.size]: 'cohort_size' }, format: { fill: '.1%' } }
			}),
			Plot.text(cells, {
				x: 'month_index',
				y: 'cohort',
				text: (d: CohortHeatCell) => (d.month_index === 0 ? String(d.cohort_size) : `${(d.retention * 100).toFixed(0)}%`),
				fontSize: 10,
				fill: (d: CohortHeatCell) => (d.month_index > 0 && d.retention > 0.6 * top ? INK.onDark : INK.text)
			})
		]
	};
}
