import * as Plot from '@observablehq/plot';
import { nextTask } from '../core/time-slice.ts';
import { fmScatterOptions } from './fm-scatter.ts';
import { rfHeatmapOptions } from './rf-heatmap.ts';
import { histogramOptions } from './rfm-histograms.ts';
import { segmentSharesOptions } from './segment-shares.ts';

/**
 * A rehearsal of the charts, run once while the page waits for a file (boot.ts), as the engine's
 * warm-up (run/warm-up.ts) is for DuckDB. The first figure of a page paid for code that runs for the
 * first time — Plot's and d3's functions compiled, the first canvas of a colour ramp, the first text
 * measured — inside the task that drew the RFM summary: 0.1–0.5 s for the segment shares and the
 * R × F heat map (LoAF probe, 1M rows, 2026-12-06), most of it gone on the second drawing. Each
 * builder here is the page's own, drawn off the document on a few made-up rows, one figure per task;
 * nothing is kept.
 */
export async function warmUpCharts(): Promise<void> {
	const labels = { customerShare: 'c', revenueShare: 'r', measure: 'm', share: 's' };
	const cells = [1, 2].flatMap((r) => [1, 2].map((f) => ({ r_score: r, f_score: f, customers: r + f, mean_monetary: r * f })));
	const bins = [0, 1, 2].map((b) => ({ bin: b, x0: b, x1: b + 1, customers: b + 1, overflow: b === 2 }));
	const points = [1, 2, 3].map((i) => ({ customer_id: `c${i}`, frequency: i, monetary: i * 10, segment: i === 3 ? 'others' : `s${i}` }));
	const figures: (() => Plot.PlotOptions)[] = [
		() =>
			segmentSharesOptions(
				[
					{ segment: 'a', label: 'a', share: 0.6, revenue_share: 0.3 },
					{ segment: 'b', label: 'b', share: 0.4, revenue_share: 0.7 }
				],
				{ width: 370, facetHeight: 28, labels }
			),
		() => rfHeatmapOptions(cells, { width: 300, height: 300, bins: 2, labels: { r: 'r', f: 'f', meanMonetary: 'm', customers: 'c' } }),
		() => histogramOptions(bins, { labels: { x: 'x', customers: 'c', overflow: (v) => v, format: String } }),
		() =>
			fmScatterOptions(points, {
				segments: ['s1', 's2', 'others'],
				labels: { f: 'f', m: 'm', segment: 's', customer: 'c', name: (id) => id }
			})
	];
	for (const options of figures) {
		await nextTask();
		Plot.plot(options());
	}
}
