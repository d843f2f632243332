import type { DbClient } from '../../db/client.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import {
	rfHeatmapSql,
	rfmOutputSql,
	segmentSummarySql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode,
	type SegmentSummaryRow
} from '../../core/sql/rfm.ts';
import {
	coverageCountsSql,
	coverageRows,
	coverageSql,
	type CoverageFilter,
	type CoverageSummaryRow
} from '../../core/sql/rfm-coverage.ts';
import type { BreakRow } from '../../core/sql/rfm-score.ts';
import { dateLit, ident, sql, type Sql } from '../../core/sql/sql.ts';
import { OTHERS, R10_DOCS, type SegmentSet } from '../../core/segments/rules.ts';
import { PRESETS, type PresetId } from '../../core/segments/presets.ts';
import { parseSegmentSetJson, segmentSetToJson } from '../../core/segments/rules-json.ts';
import type { ScoringOptions } from '../../core/segments/scoring.ts';
import type { CustomerTableInfo } from '../../state/session.svelte.ts';
import {
	defaultAsOf,
	loadCustomerTable,
	RFM_SCORES,
	RFM_TABLE,
	rescore,
	resegment,
	rfmBreaks,
	runRfm
} from '../../db/rfm.ts';
import type { RfCell } from '../../charts/rf-heatmap.ts';
import { segmentName, type Lang } from '../../i18n/translate.ts';
import { RFM_COLUMNS, segmentLabelSql } from '../../core/sql/rfm-columns.ts';
import {
	defaultDims,
	dimsForSet,
	levelsMismatch,
	toScoring,
	type DimSettings
} from './settings.ts';

export type RfmStatus = 'idle' | 'running' | 'ready' | 'error';
/** Which step a change needs: rebuild the per-customer table, re-score it, or re-segment only. */
type Step = 'run' | 'rescore' | 'resegment';
const STRENGTH: Record<Step, number> = { resegment: 0, rescore: 1, run: 2 };
/** Of two pending changes, the step that covers both. */
const stronger = (a: Step | null, b: Step): Step => (a && STRENGTH[a] > STRENGTH[b] ? a : b);

/**
 * RFM for the mapped transactions: settings (scoring per dimension, frequency, monetary, returns,
 * rule set), scores, segments, summary, heatmap, score breaks and rule coverage; a segment or a
 * coverage group to list. Scoring and rule changes work from the per-customer table only.
 */
export class RfmModel {
	status = $state<RfmStatus>('idle');
	error = $state.raw<ClienteleError | null>(null);
	asOf = $state('');
	defaultAsOf = $state('');
	summary = $state.raw<SegmentSummaryRow[]>([]);
	heatmap = $state.raw<RfCell[]>([]);
	breaks = $state.raw<BreakRow[]>([]);
	/** The breaks shown belong to the previous scores until the new ones are read. */
	breaksRunning = $state(false);
	coverage = $state.raw<CoverageSummaryRow[]>([]);
	/** Customers matched by several rules / by none. */
	overlap = $state.raw({ several: 0, none: 0 });
	selected = $state<string | null>(null);
	/** Lists a coverage group in the grid instead of a segment. */
	coverageFilter = $state<Exclude<CoverageFilter, 'all'> | null>(null);
	/** Bumped after each run so the customer grid re-reads. */
	version = $state(0);
	/** Bumped when the scores changed (run, re-score): plots of scores alone re-read only then. */
	scoresVersion = $state(0);
	/** The coverage counts are being re-read after a change (the summary is already shown). */
	coverageRunning = $state(false);

	dims = $state<DimSettings>(defaultDims());
	frequency = $state<FrequencyMode>('days');
	monetary = $state<MonetaryMode>('total');
	returns = $state<ReturnsMode>('net');
	cancelledPattern = $state('C%');
	presetId = $state<PresetId | 'custom'>('r10');
	set = $state.raw<SegmentSet>(R10_DOCS);
	/** The scoring the current scores were made with (for breaks and the summary). */
	applied = $state.raw<ScoringOptions>({});
	/** Rule set written for other levels than the scores have (shown as a warning). */
	warning = $state.raw<ClienteleError | null>(null);
	/** Problem with a loaded rule-set file (shown by the rule editor). */
	jsonError = $state.raw<ClienteleError | null>(null);
	private runs = 0;
	private queue: Promise<void> = Promise.resolve();
	/** Changes asked for and not started yet: only the latest runs, with the step covering them all. */
	private requests = 0;
	private pendingStep: Step | null = null;

	/** `customerTable`: RFM runs from a checked customer table instead of the transactions. */
	constructor(
		private readonly db: DbClient,
		readonly customerTable: CustomerTableInfo | null = null
	) {}

	/** With a recency-days column the as-of date only labels the data (it may stay empty). */
	get asOfLabelsOnly(): boolean {
		return Boolean(this.customerTable?.mapping.recency);
	}

	get totals(): { customers: number; revenue: number } {
		return this.summary.reduce(
			(a, r) => ({ customers: a.customers + r.customers, revenue: a.revenue + r.revenue }),
			{ customers: 0, revenue: 0 }
		);
	}

	/** Segment id → display name in a language: the rule's own label, else the catalogue. */
	segmentNames(lang: Lang): Record<string, string> {
		const names: Record<string, string> = Object.fromEntries(
			this.set.rules.map((r) => [r.id, segmentName(lang, r.id, r.label)])
		);
		names[OTHERS] = segmentName(lang, OTHERS);
		return names;
	}

	/** The grid's source: all customers, a segment's, or a coverage group's; names in `lang`. */
	customersSource(lang: Lang): Sql {
		const names = this.segmentNames(lang);
		if (this.coverageFilter) {
			const cov = coverageSql({ scores: RFM_SCORES, set: this.set, filter: this.coverageFilter });
			const matched = sql`array_to_string(list_transform(string_split(matched, ','), x -> ${segmentLabelSql(names, 'x')}), ', ')`;
			return sql`SELECT customer_id, ${segmentLabelSql(names)} AS segment, matches, ${matched} AS matched, r_score, f_score, m_score FROM (${cov}) ORDER BY customer_id`;
		}
		const base = sql`SELECT customer_id, ${segmentLabelSql(names)} AS segment, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score FROM ${ident(RFM_TABLE)}`;
		return this.selected
			? sql`${base} WHERE segment = ${this.selected} ORDER BY monetary DESC`
			: sql`${base} ORDER BY monetary DESC`;
	}

	/** Stray late dates left out of the default as-of: how many, and the latest. */
	stray = $state.raw<{ count: number; last: string } | null>(null);

	/** First run: default as-of from the data, frequency from the mapping. */
	async start(frequency: 'orders' | 'days'): Promise<void> {
		this.frequency = frequency;
		if (this.customerTable) {
			this.frequency = 'orders';
			this.defaultAsOf = this.customerTable.defaultAsOf ?? '';
			this.asOf = this.defaultAsOf;
			await this.run();
			return;
		}
		const d = await defaultAsOf(this.db);
		if (!d) return;
		this.defaultAsOf = d.asOf;
		this.asOf = d.asOf;
		this.stray = d.stray > 0 ? { count: d.stray, last: d.lastDay } : null;
		await this.run();
	}

	/** Rebuilds the per-customer table (as-of, frequency, monetary, returns changed). */
	run(): Promise<void> {
		return this.apply('run');
	}

	/** Re-scores from the per-customer table (methods, bins, cut points changed). */
	rescore(): Promise<void> {
		return this.apply('rescore');
	}

	/** Switches to a preset rule set; methods follow its levels (cn8: mean split). */
	async choosePreset(id: PresetId): Promise<void> {
		this.presetId = id;
		await this.useSet(PRESETS[id]);
	}

	/** An edited rule set (from the rule editor): re-segments only. */
	async editSet(set: SegmentSet): Promise<void> {
		this.presetId = 'custom';
		await this.useSet(set);
	}

	private async useSet(set: SegmentSet): Promise<void> {
		this.set = set;
		this.jsonError = null;
		const dims = dimsForSet(this.dims, set);
		if (dims) this.dims = dims;
		await this.apply(dims ? 'rescore' : 'resegment');
	}

	/** Reads a rule set from JSON text; a bad file keeps the current rules and sets jsonError. */
	async loadJson(text: string, fileName: string): Promise<void> {
		try {
			const set = parseSegmentSetJson(text);
			await this.editSet(set);
		} catch (e) {
			this.jsonError = isClienteleError(e)
				? new ClienteleError(e.code === 'segments.badJson' ? 'segments.badJsonFile' : e.code, {
						...e.params,
						file: fileName
					})
				: new ClienteleError('import.readFailed', { file: fileName, detail: String(e) });
		}
	}

	json(): string {
		return segmentSetToJson(this.set);
	}

	/**
	 * Changes run one after another: two runs interleaving their statements on the shared tables
	 * could leave the scores of an older setting under the summary of a newer one. Rapid edits
	 * coalesce: a change still waiting when a newer one arrives is skipped, and the newer one runs
	 * the step that covers both (a re-score also re-segments, a run also re-scores).
	 */
	private apply(step: Step): Promise<void> {
		this.pendingStep = stronger(this.pendingStep, step);
		const ticket = ++this.requests;
		const next = this.queue.then(() => {
			const s = this.pendingStep;
			if (ticket !== this.requests || !s) return;
			this.pendingStep = null;
			return this.applyNow(s);
		});
		this.queue = next.catch(() => undefined);
		return next;
	}

	private async applyNow(step: Step): Promise<void> {
		const run = ++this.runs;
		let scoring: ScoringOptions;
		try {
			if (!(this.asOfLabelsOnly && this.asOf === '')) dateLit(this.asOf);
		} catch {
			this.error = new ClienteleError('rfm.badAsOf', { value: this.asOf });
			return;
		}
		try {
			const s = toScoring($state.snapshot(this.dims));
			scoring = s.scoring;
			this.warning = levelsMismatch(s.resolved, this.set);
		} catch (e) {
			this.error = isClienteleError(e) ? e : null;
			return;
		}
		this.status = 'running';
		this.error = null;
		try {
			performance.mark(`clientele:rfm-${step}-start`);
			const ct = this.customerTable;
			if (step === 'run' && ct) {
				await loadCustomerTable(this.db, {
					fileName: ct.fileName,
					mapping: ct.mapping,
					source: ct.source,
					asOf: this.asOf || undefined
				});
				await rescore(this.db, { scoring, set: this.set });
			} else if (step === 'run')
				await runRfm(this.db, {
					asOf: this.asOf,
					frequency: this.frequency,
					monetary: this.monetary,
					returns: this.returns,
					cancelledPattern: this.cancelledPattern,
					scoring,
					set: this.set
				});
			else if (step === 'rescore') await rescore(this.db, { scoring, set: this.set });
			performance.measure(`clientele:rfm-${step}-sql`, `clientele:rfm-${step}-start`);
			// What the user reads first: the summary (and, when the scores changed, the heatmap); the
			// score breaks follow (a side table, ≈ 100 ms at 1M rows). The R×F heatmap and the breaks
			// depend on the scores only, not on the rules. A rule change reads its summary straight
			// from the scores; the segment view follows.
			const set = this.set;
			const [summary, heat] = await Promise.all([
				this.db.query<SegmentSummaryRow>(
					segmentSummarySql(step === 'resegment' ? { scores: RFM_SCORES, set } : RFM_TABLE)
				),
				step === 'resegment'
					? Promise.resolve(null)
					: this.db.query<RfCell & Record<string, number>>(rfHeatmapSql(RFM_TABLE))
			]);
			if (run !== this.runs) return;
			this.summary = summary.rows;
			if (heat) {
				this.heatmap = heat.rows;
				this.applied = scoring;
				this.breaksRunning = true;
			}
			if (this.selected && !summary.rows.some((r) => r.segment === this.selected))
				this.selected = null;
			this.status = 'ready';
			performance.measure(`clientele:rfm-${step}`, `clientele:rfm-${step}-start`);
			if (step !== 'resegment') {
				const breaks = await rfmBreaks(this.db, scoring);
				if (run !== this.runs) return;
				this.breaks = breaks;
				this.breaksRunning = false;
			}
			if (step === 'resegment') {
				performance.mark('clientele:rfm-view-start');
				await resegment(this.db, set);
				performance.measure('clientele:rfm-resegment-view', 'clientele:rfm-view-start');
			}
			if (run !== this.runs) return;
			if (step !== 'resegment') this.scoresVersion++;
			// The grid and the plots re-read on this.
			this.version++;
			// Then the rule editor's coverage, in one scan of the scores (queued before the plots and
			// the grid, which re-read once the new version renders).
			this.coverageRunning = true;
			const counts = await this.db.query(coverageCountsSql({ scores: RFM_SCORES, set }));
			if (run !== this.runs) return;
			const c = coverageRows(set, counts.rows[0]);
			this.coverage = c.rows;
			this.overlap = { several: c.several, none: c.none };
			this.coverageRunning = false;
			performance.measure(`clientele:rfm-${step}-coverage`, `clientele:rfm-${step}-start`);
		} catch (e) {
			if (run !== this.runs) return;
			this.coverageRunning = false;
			this.breaksRunning = false;
			this.status = 'error';
			this.error = isClienteleError(e)
				? e
				: new ClienteleError('rfm.failed', {
						detail: e instanceof Error ? e.message : String(e)
					});
		}
	}

	/** Lists a segment (null: all customers) in the grid. */
	select(segment: string | null): void {
		this.coverageFilter = null;
		this.selected = segment;
	}

	/** Lists a coverage group (several rules / none) in the grid. */
	showCoverage(filter: Exclude<CoverageFilter, 'all'> | null): void {
		this.selected = null;
		this.coverageFilter = filter;
	}

	/** CSV of the listed customers (segment, coverage group or all), segment names in the UI language. */
	async exportCsv(lang: Lang): Promise<string> {
		const names = this.segmentNames(lang);
		const where = this.coverageFilter
			? sql`WHERE customer_id IN (SELECT customer_id FROM (${coverageSql({ scores: RFM_SCORES, set: this.set, filter: this.coverageFilter })}))`
			: this.selected
				? sql`WHERE segment = ${this.selected}`
				: undefined;
		const res = await this.db.query(rfmOutputSql({ rfm: RFM_TABLE, segmentNames: names, where }));
		return toCsv(RFM_COLUMNS, res.rows, { bom: true });
	}
}
