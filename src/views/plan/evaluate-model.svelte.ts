import { EVALUATE_COLUMNS, evaluateCsvRow } from '../../core/evaluate/columns.ts';
import { DEFAULT_EVALUATE } from '../../core/evaluate/defaults.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { addDays } from '../../core/iso-days.ts';
import type { DbClient } from '../../db/client.ts';
import { cohortFromFile, cohortFromPlan, cohortStart, runEvaluate, type EvaluateResult } from '../../run/evaluate.ts';
import { openFile } from '../../run/open-file.ts';
import { countRows } from '../../run/table-ops.ts';
import { EVAL_COHORT, RAW_ACTIONS } from '../../run/tables.ts';
import { fileInput } from '../../state/file-input.ts';
import { datasets } from '../../state/datasets.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import type { SurveyEvalOptions } from '../../run/evaluate-survey.ts';
import { scaleBounds, type SurveyScale } from '../../core/kpi/scales.ts';
import { isCsatScale, type CsatScale } from '../../core/kpi/csat.ts';
import { bestNaming, MIGRATION_COLUMNS } from '../../core/evaluate/migration.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { translate, type Lang } from '../../i18n/translate.ts';
import { cohortGroups, evaluateMigration, migrationAsOf, recomputeGroups, type MigrationResult } from '../../run/evaluate-migration.ts';
import type { EvalBasis, PageRecompute } from './evaluate-recompute.ts';

/** What the evaluation reads of the plan view: its start date, RFM's as-of date and its basis. */
export interface PlanDates {
	start: string;
	asOf: string;
	basis: EvalBasis;
	/** How to recompute the basis's groups, named in `lang`; null: not in the page (tiers, quadrants). */
	recompute: (lang: Lang) => PageRecompute | null;
}

/**
 * "Did the plan work?" in the plan view: the cohort (the current action list, or an action list
 * exported earlier), the plan's start and the period length in; per group, contacted against
 * control and before against after out (run/evaluate.ts, the CLI's `evaluate`). Runs on request.
 */
export class EvaluateModel {
	source = $state<'plan' | 'file'>('plan');
	/** The plan's start S ('' → the plan view's start). */
	start = $state('');
	days = $state<number>(DEFAULT_EVALUATE.days);
	fileName = $state<string | null>(null);
	fileRows = $state(0);
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	result = $state.raw<EvaluateResult | null>(null);
	/** Migration between groups (null: the basis is not recomputed in the page) and the basis it was for. */
	migration = $state.raw<MigrationResult | null>(null);
	migrationBasis = $state<EvalBasis>('segment');
	/** Why the migration failed (the evaluation itself stands). */
	migrationError = $state.raw<ClienteleError | null>(null);
	/** The RFM as-of date the evaluated action list's groups were computed at (null: a file). */
	groupsAsOf = $state<string | null>(null);
	private columns: string[] = [];
	/** The settings the result was computed with (see `stale`). */
	private ranWith = $state('');

	constructor(
		private readonly db: DbClient,
		private readonly plan: () => PlanDates
	) {}

	private settings(): string {
		return JSON.stringify([this.source, this.fileName, this.effectiveStart, this.days, datasets.surveys.ready ? datasets.surveys.version : 0, this.plan().basis]);
	}

	/** The result no longer matches the settings shown (press Evaluate again). */
	get stale(): boolean {
		return this.result !== null && this.ranWith !== this.settings();
	}

	/** The start used: the one set here, else the plan view's. */
	get effectiveStart(): string {
		return this.start || this.plan().start;
	}

	/**
	 * True when the current action list's groups were computed at an RFM as-of date other than the
	 * start (or the day before it): they are then not the cohort as it stood at the start.
	 */
	get asOfMismatch(): boolean {
		const s = this.result?.windows.after.from;
		return this.groupsAsOf !== null && s !== undefined && this.groupsAsOf !== s && this.groupsAsOf !== addDays(s, -1);
	}

	private fail(e: unknown): void {
		this.error = isClienteleError(e) ? e : new ClienteleError('evaluate.failed', { detail: e instanceof Error ? e.message : String(e) });
		this.status = 'error';
	}

	/** Loads an earlier action-list CSV as the cohort; its earliest next contact becomes the start. */
	async pick(file: File): Promise<void> {
		this.status = 'running';
		this.error = null;
		try {
			const opened = await openFile(this.db, file, { table: RAW_ACTIONS }, fileInput());
			if (!opened) {
				this.status = 'idle';
				return;
			}
			this.columns = opened.file.sniff.columns.map((c) => c.name);
			await cohortFromFile(this.db, { fileName: file.name, columns: this.columns });
			this.fileName = file.name;
			this.fileRows = await countRows(this.db, EVAL_COHORT);
			this.source = 'file';
			const start = await cohortStart(this.db);
			if (start) this.start = start;
			this.status = 'idle';
		} catch (e) {
			this.fail(e);
		}
	}

	/** The survey answers loaded beside the transactions (NPS, CSAT), as the evaluation takes them. */
	// (CSAT on the import's scale: its top; 0–10 is read as 1–10, the default 5 when none was set.)
	private surveys(): Omit<SurveyEvalOptions, 'windows'> | undefined {
		const s = datasets.surveys;
		const r = s.roles;
		if (!s.ready || !r.customer || !r.date || (!r.nps && !r.csat)) return undefined;
		return {
			file: s.fileName,
			source: s.table,
			customer: r.customer,
			date: r.date,
			dateFormat: s.dateFormat(),
			...(r.nps ? { nps: { score: r.nps, format: s.column('nps')?.number?.format } } : {}),
			...(r.csat ? { csat: { score: r.csat, format: s.column('csat')?.number?.format, scale: csatScaleOf(s.applied?.scales.csat ?? null) } } : {})
		};
	}

	async run(): Promise<void> {
		const days = this.days;
		if (!Number.isInteger(days) || days < 1 || days > DEFAULT_EVALUATE.maxDays) {
			this.error = new ClienteleError('cli.badNumber', { option: 'days', value: String(days), min: 1, max: DEFAULT_EVALUATE.maxDays });
			return;
		}
		this.status = 'running';
		this.error = null;
		try {
			if (this.source === 'file' && this.fileName) await cohortFromFile(this.db, { fileName: this.fileName, columns: this.columns });
			else await cohortFromPlan(this.db);
			const start = this.effectiveStart;
			const frequency = session.mapping?.roles.order ? 'orders' : 'days';
			this.result = await runEvaluate(this.db, { start, days, frequency, surveys: this.surveys() });
			this.migrationError = null;
			this.migration = await this.runMigration(this.result).catch((e: unknown) => {
				this.migrationError = isClienteleError(e) ? e : new ClienteleError('evaluate.failed', { detail: e instanceof Error ? e.message : String(e) });
				return null;
			});
			this.migrationBasis = this.plan().basis;
			this.groupsAsOf = this.source === 'plan' ? this.plan().asOf : null;
			this.ranWith = this.settings();
			this.status = 'ready';
		} catch (e) {
			this.fail(e);
		}
	}

	/**
	 * The groups recomputed at the after period's last day with the plan view's settings, named in
	 * the language the list was written in (the page's first); null where the page cannot.
	 */
	private async runMigration(r: EvaluateResult): Promise<MigrationResult | null> {
		const langs: Lang[] = [i18n.lang, i18n.lang === 'en' ? 'zh-CN' : 'en'];
		const candidates = langs.map((l) => this.plan().recompute(l)).filter((c) => c !== null);
		const best = bestNaming(await cohortGroups(this.db), candidates);
		if (!best) return null;
		const asOf = migrationAsOf(r.windows);
		const end = await recomputeGroups(this.db, best.spec, asOf);
		return evaluateMigration(this.db, { end, asOf, order: best.order, display: best.names, none: translate(best.lang, 'evaluate.migration.none') });
	}

	/** The migration matrix as `evaluate --migration` writes it (BOM for Excel). */
	migrationCsv(): string {
		return toCsv([...MIGRATION_COLUMNS], this.migration?.rows ?? [], { bom: true });
	}

	/** The evaluation as the CLI writes it (BOM for Excel; formula-like cells neutralised). */
	csv(): string {
		return toCsv([...EVALUATE_COLUMNS], (this.result?.groups ?? []).map(evaluateCsvRow), { bom: true });
	}
}

function csatScaleOf(scale: SurveyScale | null): CsatScale {
	const max = scale ? scaleBounds(scale).max : 5;
	return isCsatScale(max) ? max : 5;
}
