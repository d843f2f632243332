import type { DbClient } from '../../db/client.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { rfHeatmapSql, rfmOutputSql, segmentSummarySql, type SegmentSummaryRow } from '../../core/sql/rfm.ts';
import { dateLit, ident, sql, type Sql } from '../../core/sql/sql.ts';
import { R10_DOCS, type SegmentSet } from '../../core/segments/rules.ts';
import { defaultAsOf, RFM_TABLE, runRfm } from '../../db/rfm.ts';
import type { RfCell } from '../../charts/rf-heatmap.ts';
import { CATALOGUES, type Lang } from '../../i18n/translate.ts';
import { RFM_COLUMNS, segmentLabelSql } from '../../core/sql/rfm-columns.ts';

export type RfmStatus = 'idle' | 'running' | 'ready' | 'error';

/** RFM for the mapped transactions: scores, segments, summary, heatmap; a segment to list. */
export class RfmModel {
	status = $state<RfmStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	asOf = $state('');
	defaultAsOf = $state('');
	summary = $state.raw<SegmentSummaryRow[]>([]);
	heatmap = $state.raw<RfCell[]>([]);
	selected = $state<string | null>(null);
	/** Bumped after each run so the customer grid re-reads. */
	version = $state(0);
	set: SegmentSet = R10_DOCS;
	private runs = 0;

	constructor(private readonly db: DbClient) {}

	get totals(): { customers: number; revenue: number } {
		return this.summary.reduce((a, r) => ({ customers: a.customers + r.customers, revenue: a.revenue + r.revenue }), { customers: 0, revenue: 0 });
	}

	/** Segment id → display name in a language, for the grid and exports. */
	segmentNames(lang: Lang): Record<string, string> {
		const cat = CATALOGUES[lang];
		return Object.fromEntries([...this.set.rules.map((r) => r.id), 'others'].map((id) => [id, cat[`segment.${id}`] ?? id]));
	}

	/** The grid's source: all customers, or the selected segment's, segment names in `lang`. */
	customersSource(lang: Lang): Sql {
		const base = sql`SELECT customer_id, ${segmentLabelSql(this.segmentNames(lang))} AS segment, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score FROM ${ident(RFM_TABLE)}`;
		return this.selected ? sql`${base} WHERE segment = ${this.selected} ORDER BY monetary DESC` : sql`${base} ORDER BY monetary DESC`;
	}

	/** Stray late dates left out of the default as-of: how many, and the latest. */
	stray = $state.raw<{ count: number; last: string } | null>(null);

	/** First run: default as-of from the data. */
	async start(frequency: 'orders' | 'days'): Promise<void> {
		const d = await defaultAsOf(this.db);
		if (!d) return;
		this.defaultAsOf = d.asOf;
		this.asOf = d.asOf;
		this.stray = d.stray > 0 ? { count: d.stray, last: d.lastDay } : null;
		await this.run(frequency);
	}

	async run(frequency: 'orders' | 'days'): Promise<void> {
		const run = ++this.runs;
		try {
			dateLit(this.asOf);
		} catch {
			this.error = new ClienteleError('rfm.badAsOf', { value: this.asOf });
			return;
		}
		this.status = 'running';
		this.error = null;
		try {
			await runRfm(this.db, { asOf: this.asOf, frequency, set: this.set });
			const [summary, heat] = await Promise.all([
				this.db.query<SegmentSummaryRow>(segmentSummarySql(RFM_TABLE)),
				this.db.query<RfCell & Record<string, number>>(rfHeatmapSql(RFM_TABLE))
			]);
			if (run !== this.runs) return;
			this.summary = summary.rows;
			this.heatmap = heat.rows;
			if (this.selected && !summary.rows.some((r) => r.segment === this.selected)) this.selected = null;
			this.version++;
			this.status = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('import.readFailed', { file: 'RFM', detail: e instanceof Error ? e.message : String(e) });
		}
	}

	/** CSV of the selected segment (or all customers), with segment names in the UI language. */
	async exportCsv(lang: Lang): Promise<string> {
		const names = this.segmentNames(lang);
		const where = this.selected ? sql`WHERE segment = ${this.selected}` : undefined;
		const res = await this.db.query(rfmOutputSql({ rfm: RFM_TABLE, segmentNames: names, where }));
		return toCsv(RFM_COLUMNS, res.rows, { bom: true });
	}
}
