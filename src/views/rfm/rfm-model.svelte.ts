import type { DbClient } from '../../db/client.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { DEFAULT_RFM, defaultFrequency } from '../../core/rfm/defaults.ts';
import {
	defaultDims,
	dimsForSet,
	levelsMismatch,
	toScoring,
	type DimSettings
} from '../../core/rfm/settings.ts';
import {
	rfHeatmapSql,
	segmentSummarySql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode,
	type SegmentSummaryRow
} from '../../core/sql/rfm.ts';
import { coverageCountsSql, coverageRows } from '../../core/sql/rfm-coverage.ts';
import { dateLit } from '../../core/sql/sql.ts';
import type { SegmentSet } from '../../core/segments/rules.ts';
import { PRESETS, type PresetId } from '../../core/segments/presets.ts';
import { parseSegmentSetJson, segmentSetToJson } from '../../core/segments/rules-json.ts';
import type { ScoringOptions } from '../../core/segments/scoring.ts';
import type { CustomerTableInfo } from '../../state/session.svelte.ts';
import { defaultAsOf } from '../../run/as-of.ts';
import { localDay } from '../../core/csv/quality.ts';
import { today } from '../../state/clock.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
import { defaultWindow } from '../../core/window/window.ts';
import {
	loadCustomerTable,
	rescore,
	resegment,
	rfmBreaks,
	runRfm
} from '../../run/rfm.ts';
import { RFM_SCORES, RFM_TABLE } from '../../run/tables.ts';
import type { RfCell } from '../../charts/rf-heatmap.ts';
import type { Lang } from '../../i18n/translate.ts';
import { RfmWindowed } from './rfm-window.svelte.ts';
import { StepQueue, type RfmStep } from './step-queue.ts';
import { segmentNamesIn } from './summary.ts';

/**
 * RFM for the mapped transactions: the settings (as-of, scoring per dimension, frequency,
 * monetary, returns, rule set) and the runs that turn them into the results RfmResults shows.
 * The statements run in run/rfm.ts; scoring and rule changes work from the per-customer table only.
 */
export class RfmModel extends RfmWindowed {

	dims = $state<DimSettings>(defaultDims());
	frequency = $state<FrequencyMode>(defaultFrequency(false));
	monetary = $state<MonetaryMode>(DEFAULT_RFM.monetary);
	returns = $state<ReturnsMode>(DEFAULT_RFM.returns);
	cancelledPattern = $state(DEFAULT_RFM.cancelledPattern);
	presetId = $state<PresetId | 'custom'>(DEFAULT_RFM.preset);
	set = $state.raw<SegmentSet>(PRESETS[DEFAULT_RFM.preset]);
	/** The scoring the current scores were made with (for breaks and the summary). */
	applied = $state.raw<ScoringOptions>({});
	/** Rule set written for other levels than the scores have (shown as a warning). */
	warning = $state.raw<ClienteleError | null>(null);
	/** Problem with a loaded rule-set file (shown by the rule editor). */
	jsonError = $state.raw<ClienteleError | null>(null);
	/** Stray late dates left out of the default as-of: how many, and the latest. */
	stray = $state.raw<{ count: number; last: string } | null>(null);
	private runs = 0;
	private readonly steps = new StepQueue((step) => this.applyNow(step));

	/** `customerTable`: RFM runs from a checked customer table instead of the transactions. */
	constructor(db: DbClient, customerTable: CustomerTableInfo | null = null) {
		super(db, customerTable);
	}

	/** With a recency-days column the as-of date only labels the data (it may stay empty). */
	get asOfLabelsOnly(): boolean {
		return Boolean(this.customerTable?.mapping.recency);
	}

	/** Segment id → display name in a language: the rule's own label, else the catalogue. */
	segmentNames(lang: Lang): Record<string, string> {
		return segmentNamesIn(this.set, lang);
	}

	/** First run: default as-of from the data, frequency from the mapping (defaultFrequency). */
	async start(frequency: FrequencyMode): Promise<void> {
		this.frequency = frequency;
		if (this.customerTable) {
			this.frequency = 'orders';
			this.defaultAsOf = this.customerTable.defaultAsOf ?? '';
			this.ctAsOf = this.defaultAsOf;
			analysisWindow.setDefaults(null);
			await this.run();
			return;
		}
		const d = await defaultAsOf(this.db, { today: localDay(today()) });
		if (!d) {
			analysisWindow.setDefaults(null);
			return;
		}
		this.defaultAsOf = d.asOf;
		analysisWindow.setDefaults(defaultWindow(d));
		this.stray = d.strays.length > 0 ? { count: d.strayRows, last: d.strays[d.strays.length - 1]!.day } : null;
		await this.run();
	}

	/** Rebuilds the per-customer table (as-of, frequency, monetary, returns changed). */
	run(): Promise<void> {
		this.requested = this.windowKey;
		return this.steps.request('run');
	}

	/** Re-scores from the per-customer table (methods, bins, cut points changed). */
	rescore(): Promise<void> {
		return this.steps.request('rescore');
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
		await this.steps.request(dims ? 'rescore' : 'resegment');
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

	/** The scoring of the settings, checked (null: the error is set and nothing runs). */
	private checkedScoring(): ScoringOptions | null {
		try {
			if (this.asOfDraft !== null) throw new Error('not a window');
			if (!(this.asOfLabelsOnly && this.asOf === '')) dateLit(this.asOf);
		} catch {
			this.error = new ClienteleError('rfm.badAsOf', { value: this.asOf });
			return null;
		}
		try {
			const s = toScoring($state.snapshot(this.dims));
			this.warning = levelsMismatch(s.resolved, this.set);
			return s.scoring;
		} catch (e) {
			this.error = isClienteleError(e) ? e : null;
			return null;
		}
	}

	/** The statements of a 'run' or a 'rescore' (a 'resegment' replaces the view after its summary). */
	private async statements(step: RfmStep, scoring: ScoringOptions): Promise<void> {
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
				start: this.windowStart,
				frequency: this.frequency,
				monetary: this.monetary,
				returns: this.returns,
				cancelledPattern: this.cancelledPattern,
				scoring,
				set: this.set
			});
		else if (step === 'rescore') await rescore(this.db, { scoring, set: this.set });
	}

	private async applyNow(step: RfmStep): Promise<void> {
		const run = ++this.runs;
		const scoring = this.checkedScoring();
		if (!scoring) return;
		this.status = 'running';
		this.error = null;
		try {
			performance.mark(`clientele:rfm-${step}-start`);
			await this.statements(step, scoring);
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
			this.summarySet = set;
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
			this.built = { set, version: this.built.version + 1 };
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


}
