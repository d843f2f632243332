import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import {
	histogramSql,
	orderCountSql,
	scatterSampleSql,
	scatterStatsSql,
	scoreCellsSql,
	segmentTotalsSql,
	SCATTER_LIMIT,
	type HistogramBin,
	type OrderCountRow,
	type ScatterPoint,
	type ScatterStats,
	type ScoreCell,
	type SegmentTotalsRow
} from '../../core/sql/rfm-plots.ts';
import type { PlotData } from '../../charts/rfm-plot-set.ts';
import type { HeatMeasure } from '../../charts/score-heatmap.ts';
import type { DbClient } from '../../db/client.ts';
import { RFM_TABLE } from '../../db/rfm.ts';

export type PlotsStatus = 'idle' | 'loading' | 'ready' | 'error';


/**
 * The RFM plot set's data: every aggregate is one query over the segment table, re-read when the
 * RFM run's version changes. Display switches (heatmap colour, treemap size) need no query.
 */
export class RfmPlotsModel {
	status = $state<PlotsStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	data = $state.raw<PlotData | null>(null);
	heatMeasure = $state<HeatMeasure>('mean');
	treemapSize = $state<'customers' | 'revenue'>('customers');
	readonly sampleLimit = SCATTER_LIMIT;
	private loaded = -1;
	private runs = 0;

	constructor(private readonly db: DbClient) {}

	/** Reads everything for RFM run `version` (once per version). */
	async load(version: number): Promise<void> {
		if (version === this.loaded) return;
		this.loaded = version;
		const run = ++this.runs;
		this.status = 'loading';
		this.error = null;
		const q = <T extends Record<string, string | number | boolean | null>>(s: Parameters<DbClient['query']>[0]) => this.db.query<T>(s).then((r) => r.rows);
		try {
			const [histR, histF, histM, orders, rf, fm, rm, scatter, stats, totals] = await Promise.all([
				q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'recency_days' })),
				q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'frequency' })),
				q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'monetary' })),
				q<OrderCountRow>(orderCountSql({ rfm: RFM_TABLE })),
				q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'f_score', y: 'r_score' })),
				q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'm_score', y: 'f_score' })),
				q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'm_score', y: 'r_score' })),
				q<ScatterPoint>(scatterSampleSql({ rfm: RFM_TABLE, limit: this.sampleLimit })),
				q<ScatterStats>(scatterStatsSql(RFM_TABLE)),
				q<SegmentTotalsRow>(segmentTotalsSql(RFM_TABLE))
			]);
			if (run !== this.runs) return;
			this.data = { histR, histF, histM, orders, rf, fm, rm, scatter, stats: stats[0] ?? { total: 0, positive: 0 }, totals };
			this.status = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.loaded = -1;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('plots.queryFailed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}
}
