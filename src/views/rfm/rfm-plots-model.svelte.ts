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
import type { PlotData, ScoreData, SegmentData } from '../../charts/rfm-plot-set.ts';
import type { HeatMeasure } from '../../charts/score-heatmap.ts';
import type { SegmentSet } from '../../core/segments/rules.ts';
import type { DbClient } from '../../db/client.ts';
import { RFM_TABLE } from '../../run/tables.ts';
import { attachSettings } from '../../state/project-settings.ts';
import { RFM_PLOTS_SETTINGS } from './settings.ts';

export type PlotsStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The RFM plot set's data: every aggregate is one query over the segment table. A rule change
 * (same scores) re-reads only what depends on the segments (scatter colours, segment totals);
 * a new run or re-score re-reads everything. Display switches (heatmap colour, treemap size) need
 * no query. The score-only data keeps its identity across rule changes, so its figures are not
 * redrawn.
 */
export class RfmPlotsModel {
	status = $state<PlotsStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	/** Depends on the scores only: histograms, purchase counts, score heatmaps, scatter stats. */
	scores = $state.raw<ScoreData | null>(null);
	/** Depends on the segments too: the scatter sample (coloured by segment) and segment totals. */
	segments = $state.raw<SegmentData | null>(null);
	/** The rule set the segment part was read with (its ids order and label the figures). */
	segmentSet = $state.raw<SegmentSet | null>(null);
	heatMeasure = $state<HeatMeasure>('mean');
	treemapSize = $state<'customers' | 'revenue'>('customers');
	readonly sampleLimit = SCATTER_LIMIT;
	private loaded = -1;
	private loadedScores = -1;
	private runs = 0;

	constructor(private readonly db: DbClient) {
		attachSettings(RFM_PLOTS_SETTINGS, this);
	}

	/** Both parts, once both are read (null before). */
	get data(): PlotData | null {
		return this.scores && this.segments ? { ...this.scores, ...this.segments } : null;
	}

	/**
	 * Reads what RFM run `version` (segments by `set`) needs, once per version; scores only when
	 * `scoresVersion` moved.
	 */
	async load(version: number, scoresVersion: number, set: SegmentSet): Promise<void> {
		if (version === this.loaded) return;
		this.loaded = version;
		const withScores = scoresVersion !== this.loadedScores || !this.scores;
		const run = ++this.runs;
		this.status = 'loading';
		this.error = null;
		const q = <T extends Record<string, string | number | boolean | null>>(s: Parameters<DbClient['query']>[0]) => this.db.query<T>(s).then((r) => r.rows);
		try {
			// The segment part first: after a rule change it is all there is to read.
			const segPart = Promise.all([
				q<ScatterPoint>(scatterSampleSql({ rfm: RFM_TABLE, limit: this.sampleLimit })),
				q<SegmentTotalsRow>(segmentTotalsSql(RFM_TABLE))
			]);
			const scorePart = withScores
				? Promise.all([
						q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'recency_days' })),
						q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'frequency' })),
						q<HistogramBin>(histogramSql({ rfm: RFM_TABLE, column: 'monetary' })),
						q<OrderCountRow>(orderCountSql({ rfm: RFM_TABLE })),
						q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'f_score', y: 'r_score' })),
						q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'm_score', y: 'f_score' })),
						q<ScoreCell>(scoreCellsSql({ rfm: RFM_TABLE, x: 'm_score', y: 'r_score' })),
						q<ScatterStats>(scatterStatsSql(RFM_TABLE))
					])
				: null;
			const [[scatter, totals], sc] = await Promise.all([segPart, scorePart]);
			if (run !== this.runs) return;
			if (sc) {
				const [histR, histF, histM, orders, rf, fm, rm, stats] = sc;
				this.scores = { histR, histF, histM, orders, rf, fm, rm, stats: stats[0] ?? { total: 0, positive: 0 } };
				// Marked read only once read: a load superseded half-way leaves the next one to read them.
				this.loadedScores = scoresVersion;
			}
			this.segments = { scatter, totals };
			this.segmentSet = set;
			this.status = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.loaded = -1;
			this.loadedScores = -1;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('plots.queryFailed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}
}
