import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import { addDays } from '../../core/iso-days.ts';
import { toCsv } from '../../core/export/csv.ts';
import { checkLifecycleDays, DEFAULT_LIFECYCLE, STAGES, type LifecycleDays, type Stage } from '../../core/lifecycle/defaults.ts';
import type { LifecycleSuggestion } from '../../core/lifecycle/suggest.ts';
import { LIFECYCLE_COLUMNS, type StageSegmentRow, type StageSummaryRow } from '../../core/sql/lifecycle.ts';
import { dateLit } from '../../core/sql/sql.ts';
import type { DbClient } from '../../db/client.ts';
import { translate, type Lang } from '../../i18n/translate.ts';
import {
	lifecycleFlow,
	lifecycleFrequency,
	lifecycleRows,
	lifecycleSummary,
	runLifecycle,
	stagesBySegment,
	suggestLifecycle,
	unpaidBuyerCount,
	type LifecycleOptions
} from '../../run/lifecycle.ts';
import type { RfmRun } from '../../state/analysis.svelte.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { attachSettings, fieldAdapter } from '../../state/project-settings.ts';
import { LIFECYCLE_SETTINGS } from './settings.ts';

/** The id standing for "no line and no profile by the earlier date" in the flow. */
export const NONE_ID = '__none__';

export interface FlowCell {
	from: string;
	to: string;
	customers: number;
	row_share: number;
}

type Status = 'idle' | 'running' | 'ready' | 'error';

/**
 * Lifecycle stages with the RFM view's as-of date and line settings (frequency, returns): sizes,
 * revenue and shares, stages × RFM segments, the suggested days and the stage flow between two
 * dates. The statements run in run/lifecycle.ts.
 */
export class LifecycleModel {
	asOf = $state('');
	newDays = $state(DEFAULT_LIFECYCLE.newDays);
	activeDays = $state(DEFAULT_LIFECYCLE.activeDays);
	churnDays = $state(DEFAULT_LIFECYCLE.churnDays);
	status = $state<Status>('idle');
	error = $state.raw<ClienteleError | null>(null);
	summary = $state.raw<StageSummaryRow[]>([]);
	bySegment = $state.raw<StageSegmentRow[]>([]);
	/** Buyers without a paid order (a marketplace import's order rules): potential from their first order on. */
	unpaidBuyers = $state(0);
	/** What the results were computed with. */
	done = $state.raw<{ asOf: string; days: LifecycleDays; profiles: number; rfmVersion: number } | null>(null);
	/** undefined: not asked; null: nothing to suggest from. */
	suggestion = $state.raw<LifecycleSuggestion | null | undefined>(undefined);
	flowFrom = $state('');
	flowTo = $state('');
	flowStatus = $state<Status>('idle');
	flowError = $state.raw<ClienteleError | null>(null);
	flow = $state.raw<FlowCell[]>([]);
	flowDone = $state.raw<{ from: string; to: string } | null>(null);

	constructor(
		private readonly db: DbClient,
		readonly rfm: RfmRun,
		private readonly hasOrder: boolean
	) {
		this.asOf = rfm.asOf;
		this.flowTo = rfm.asOf;
		this.flowFrom = rfm.asOf ? addDays(rfm.asOf, -90) : '';
	}

	get days(): LifecycleDays {
		return { newDays: Number(this.newDays), activeDays: Number(this.activeDays), churnDays: Number(this.churnDays) };
	}

	/** Whether the results are older than the settings, the profiles or the RFM run. */
	get stale(): boolean {
		const d = this.done;
		if (!d) return false;
		const k = this.days;
		return d.asOf !== this.asOf || d.days.newDays !== k.newDays || d.days.activeDays !== k.activeDays || d.days.churnDays !== k.churnDays || d.profiles !== profiles.version || d.rfmVersion !== this.rfm.version;
	}

	get total(): number {
		return this.summary.reduce((a, r) => a + r.customers, 0);
	}

	private options(asOf: string): LifecycleOptions {
		return {
			asOf,
			days: this.days,
			frequency: lifecycleFrequency(this.rfm.frequency, this.hasOrder),
			returns: this.rfm.returns,
			cancelledPattern: this.rfm.cancelledPattern,
			profiles: profiles.ready
		};
	}

	private checked(date: string): ClienteleError | null {
		try {
			dateLit(date);
			checkLifecycleDays(this.days);
			return null;
		} catch (e) {
			return isClienteleError(e) ? e : new ClienteleError('rfm.badAsOf', { value: date });
		}
	}

	async run(): Promise<void> {
		if (this.status === 'running') return;
		const bad = this.checked(this.asOf);
		if (bad) {
			this.error = bad;
			this.status = 'error';
			return;
		}
		const job = { asOf: this.asOf, days: this.days, profiles: profiles.version, rfmVersion: this.rfm.version };
		this.status = 'running';
		this.error = null;
		try {
			await runLifecycle(this.db, this.options(job.asOf));
			const summary = await lifecycleSummary(this.db);
			if (summary.every((r) => r.customers === 0)) throw new ClienteleError('lifecycle.noData', { asOf: job.asOf });
			this.bySegment = this.rfm.status === 'ready' ? await stagesBySegment(this.db) : [];
			this.unpaidBuyers = await unpaidBuyerCount(this.db);
			this.summary = summary;
			this.done = job;
			this.status = 'ready';
		} catch (e) {
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('lifecycle.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	/** Proposes active and churn days from the gaps between purchase days (nothing changes until applied). */
	async suggest(): Promise<void> {
		try {
			const s = await suggestLifecycle(this.db, { asOf: this.asOf, returns: this.rfm.returns, cancelledPattern: this.rfm.cancelledPattern });
			this.suggestion = s;
			if (s) {
				this.activeDays = s.activeDays;
				this.churnDays = s.churnDays;
			}
		} catch (e) {
			this.error = isClienteleError(e) ? e : new ClienteleError('lifecycle.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	async runFlow(): Promise<void> {
		if (this.flowStatus === 'running') return;
		const bad = this.checked(this.flowFrom) ?? this.checked(this.flowTo);
		if (bad) {
			this.flowError = bad;
			this.flowStatus = 'error';
			return;
		}
		const job = { from: this.flowFrom, to: this.flowTo };
		this.flowStatus = 'running';
		this.flowError = null;
		try {
			const { asOf: _ignored, ...o } = this.options(job.to);
			const rows = await lifecycleFlow(this.db, { ...o, from: job.from, to: job.to });
			this.flow = rows.map((r) => ({ from: r.stage_from ?? NONE_ID, to: r.stage_to ?? NONE_ID, customers: r.customers, row_share: r.row_share }));
			this.flowDone = job;
			this.flowStatus = 'ready';
		} catch (e) {
			this.flowStatus = 'error';
			this.flowError = isClienteleError(e) ? e : new ClienteleError('lifecycle.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	/** Every customer's stage as CSV (the CLI's columns; stage names in `lang`). */
	async csv(lang: Lang): Promise<string> {
		const names = Object.fromEntries(STAGES.map((s) => [s, translate(lang, `lifecycle.stage.${s}`)])) as Record<Stage, string>;
		return toCsv(LIFECYCLE_COLUMNS, await lifecycleRows(this.db, names), { bom: true });
	}
}

const models = new WeakMap<RfmRun, LifecycleModel>();

/** One lifecycle model per RFM run of the data: it survives tab switches, a new file starts afresh. */
export function lifecycleFor(db: DbClient, rfm: RfmRun, hasOrder: boolean): LifecycleModel {
	let m = models.get(rfm);
	if (!m) {
		m = new LifecycleModel(db, rfm, hasOrder);
		attachSettings(LIFECYCLE_SETTINGS, m, fieldAdapter(LIFECYCLE_SETTINGS, m, (x) => x.run()));
		models.set(rfm, m);
	}
	return m;
}
