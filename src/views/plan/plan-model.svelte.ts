import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { defaultPlanSet } from '../../core/plan/defaults.ts';
import { parsePlanSet } from '../../core/plan/parse.ts';
import { DEFAULT_PLAN_RUN, type GroupPlan, type PlanGroupSummary, type PlanSet } from '../../core/plan/types.ts';
import { CN_HOLIDAYS } from '../../core/plan/workdays.ts';
import type { DbClient, Row } from '../../db/client.ts';
import type { Lang, Translate } from '../../i18n/translate.ts';
import { planRows, planSummary, planWorkload, runPlan, type PlanBasisInput } from '../../run/plan.ts';
import { actionListCsv } from '../../run/plan-export.ts';
import type { GradingRun, RfmRun } from '../../state/analysis.svelte.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { pageBasisInput, type PageBasis } from '../../state/basis.ts';
import { EvaluateModel } from './evaluate-model.svelte.ts';
import { pageRecompute } from './evaluate-recompute.ts';

/** Rows of the action list shown on the page (the export has them all). */
const PREVIEW_ROWS = 50;

export type PagePlanBasis = PageBasis;

export type GroupSummary = PlanGroupSummary;

/**
 * Tiered service plans in the page: the basis, the plans of its groups (editable, saved and loaded
 * as the CLI's JSON), the schedule settings in; the action list's summary and workload out. The
 * plans of each basis are kept while the user switches between bases.
 */
export class PlanModel {
	basis = $state<PagePlanBasis>('segment');
	start = $state('');
	horizonDays = $state<number>(DEFAULT_PLAN_RUN.horizonDays);
	workdays = $state(false);
	seed = $state<number>(DEFAULT_PLAN_RUN.seed);
	/** Plans per basis, made from the defaults on first use. */
	plans = $state<Partial<Record<PagePlanBasis, PlanSet>>>({});
	period = $state<'week' | 'month'>('week');
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	groups = $state.raw<GroupSummary[]>([]);
	workload = $state.raw<Row[]>([]);
	preview = $state.raw<Row[]>([]);
	/** Profile columns (客户档案: name, phone …) added to the export after the action list's own. */
	exportColumns = $state<string[]>([]);
	private runs = 0;
	/** "Did the plan work?": the evaluation of this action list (or an earlier one). */
	readonly evaluation: EvaluateModel;

	constructor(
		private readonly db: DbClient,
		private readonly rfm: RfmRun,
		/** Whether the transactions have an order id (lifecycle counts orders, else purchase days). */
		private readonly hasOrder: boolean,
		/** The grading tab (tiers); null when RFM runs from a customer table. */
		grading: GradingRun | null = null
	) {
		this.start = rfm.asOf;
		this.evaluation = new EvaluateModel(db, () => ({
			start: this.start || rfm.asOf,
			asOf: rfm.asOf,
			basis: this.basis,
			recompute: (lang) => pageRecompute(this.basis, { rfm, hasOrder, profiles: profiles.ready, grading: grading?.lastApplied ?? null }, lang)
		}));
	}

	/** The plan set of the current basis (null before the first run has listed its groups). */
	get current(): PlanSet | null {
		return this.plans[this.basis] ?? null;
	}

	private basisInput(lang: Lang, t: Translate): Promise<PlanBasisInput> {
		return pageBasisInput(this.db, this.basis, { rfm: this.rfm, hasOrder: this.hasOrder, profiles: profiles.ready, lang, t });
	}

	/** Every setting the results depend on (a change re-runs the action list). */
	key(lang: Lang): string {
		return JSON.stringify([this.basis, this.start, this.horizonDays, this.workdays, this.seed, this.current, this.period, lang, this.rfm.version, this.basis === 'stage' ? profiles.version : 0]);
	}

	async run(lang: Lang, t: Translate): Promise<void> {
		const run = ++this.runs;
		const t0 = performance.now();
		let input: PlanBasisInput;
		try {
			input = await this.basisInput(lang, t);
		} catch (e) {
			this.error = isClienteleError(e) ? e : new ClienteleError('plan.failed', { detail: e instanceof Error ? e.message : String(e) });
			return;
		}
		if (run !== this.runs) return;
		const set = this.current ?? defaultPlanSet(this.basis, Object.keys(input.names), this.basis === 'segment' ? this.rfm.set : {}, lang === 'zh-CN' ? 'zh' : 'en');
		if (!Number.isInteger(this.horizonDays) || this.horizonDays < 1 || !Number.isInteger(this.seed) || this.seed < 0) {
			this.error = new ClienteleError('plan.wholeNumber');
			return;
		}
		this.status = 'running';
		try {
			await runPlan(this.db, { basis: input, plans: set, start: this.start || this.rfm.asOf, horizonDays: this.horizonDays, seed: this.seed, holidays: this.workdays ? CN_HOLIDAYS : null });
			const [groups, workload, rows] = await Promise.all([planSummary(this.db), planWorkload(this.db, this.period), planRows(this.db, PREVIEW_ROWS)]);
			if (run !== this.runs) return;
			if (!this.current) this.plans[this.basis] = set;
			this.groups = groups as unknown as GroupSummary[];
			this.workload = workload;
			this.preview = rows;
			this.error = null;
			this.status = 'ready';
			// npm run bench times the plan tab by this measure (model time; the totals follow).
			performance.measure('clientele:plan-run', { start: t0 });
		} catch (e) {
			if (run !== this.runs) return;
			this.error = isClienteleError(e) ? e : new ClienteleError('plan.failed', { detail: e instanceof Error ? e.message : String(e) });
			this.status = 'error';
		}
	}

	/** The plan a group follows now (its own or the default), and whether it is its own. */
	planOf(group: string): { plan: GroupPlan | null; own: boolean } {
		const set = this.current;
		if (!set) return { plan: null, own: false };
		if (Object.hasOwn(set.groups, group)) return { plan: set.groups[group]!, own: true };
		return { plan: set.default ?? null, own: false };
	}

	/** Gives a group a plan of its own (a copy of the default, or a plain email plan). */
	givePlan(group: string): void {
		const set = this.current;
		if (!set) return;
		set.groups[group] = { ...(set.default ?? { service_level: '', channel: 'email', contact_every_days: 90, owner: '', cost_per_contact: 0 }) };
	}

	resetPlans(): void {
		delete this.plans[this.basis];
	}

	plansJson(): string {
		return JSON.stringify(this.current, null, 2);
	}

	/** Loads a plans file for the current basis; a bad file leaves the plans as they were. */
	loadPlans(text: string): void {
		try {
			this.plans[this.basis] = parsePlanSet(text, this.basis);
			this.error = null;
		} catch (e) {
			this.error = isClienteleError(e) ? e : new ClienteleError('plan.loadFailed', { detail: String(e) });
		}
	}

	/** The profile columns the export can add now (the loaded profile file's, in file order). */
	get profileColumns(): string[] {
		return profiles.ready ? (profiles.info?.attributes.map((a) => a.name) ?? []) : [];
	}

	/** The whole action list as CSV (BOM for Excel; formula-like cells neutralised), the chosen profile columns after its own, in file order. */
	async actionCsv(): Promise<string> {
		const chosen = this.profileColumns.filter((c) => this.exportColumns.includes(c));
		return actionListCsv(this.db, { profileColumns: chosen, bom: true });
	}
}
