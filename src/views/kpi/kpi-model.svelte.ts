/**
 * KPIs view model: survey KPIs (NPS, CSAT, CES) overall, by a group and over time, a two-group NPS
 * comparison; transaction KPIs (retention, churn, repurchase, cohorts) over a period with an
 * explicit "lost after N days". Choices in $state; each query's request — a step of run/kpi.ts —
 * is derived from the choices it uses (state/query.svelte.ts), so a change asks again only the
 * queries whose statements changed. The survey KPIs read the answers joined to the customers'
 * segments and quadrants (joinSurveysStep); the transaction KPIs read the typed transactions.
 */
import { ClienteleError } from '../../core/errors.ts';
import { localDay } from '../../core/csv/quality.ts';
import { today } from '../../state/clock.ts';
import { DEFAULT_LOST_DAYS, PAGE_COHORTS, PAGE_PERIOD_DAYS } from '../../core/kpi/defaults.ts';
import { retentionTrendPoints, toTrend, type GroupRow, type TrendPoint } from '../../core/kpi/group-rows.ts';
import { npsDifference, type NpsStat } from '../../core/kpi/nps.ts';
import { addDays } from '../../core/kpi/periods.ts';
import type { RetentionStat } from '../../core/kpi/retention.ts';
import { scaleBounds } from '../../core/kpi/scales.ts';
import type { GroupBy } from '../../core/sql/kpi.ts';
import { QUADRANT_COL, SEGMENT_COL } from '../../core/sql/kpi-survey.ts';
import type { DbClient } from '../../db/client.ts';
import * as kpi from '../../run/kpi.ts';
import { groupSourcesStep, type GroupSources } from '../../run/quadrant-source.ts';
import { constantStep, type Step } from '../../run/step.ts';
import { RFM_TABLE, SURVEY_JOINED } from '../../run/tables.ts';
import type { CustomerTables } from '../../state/customer-tables.svelte.ts';
import { KpiTargets } from './kpi-targets.svelte.ts';
import { appliedColumn, type SurveySource } from '../../state/surveys.svelte.ts';
import { firstError, Query, type QueryRequest } from '../../state/query.svelte.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
export { mergeGroups, type GroupRow, type TrendPoint } from '../../core/kpi/group-rows.ts';

export type GroupDim = 'all' | 'segment' | 'quadrant' | 'region' | 'product' | 'month' | 'quarter';
export type TrendKpi = 'nps' | 'csat' | 'ces' | 'retention' | 'churn';
export type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'empty';

/** What the KPI model reads from the rest of the app (every getter reactive). */
export interface KpiInputs {
	db: () => DbClient | null;
	/** The applied survey import (a failed import keeps the previous one). */
	surveys: SurveySource;
	/** Whether typed transactions are ready, and their version (bumped when the table is rebuilt). */
	tx: () => { ready: boolean; version: number };
	/** The RFM and quadrant tables to group by (state/customer-tables.ts). */
	tables: () => CustomerTables;
}

const isSurveyKpi = (k: TrendKpi): k is 'nps' | 'csat' | 'ces' => k === 'nps' || k === 'csat' || k === 'ces';
const NO_SOURCES: GroupSources = { hasRfm: false, quadrant: null };

export class KpiModel extends KpiTargets {
	dim = $state<GroupDim>('all');
	trendKpi = $state<TrendKpi>('nps');
	trendUnit = $state<'month' | 'quarter'>('quarter');
	compareDim = $state<'region' | 'product' | 'segment'>('region');
	/** The groups the user picked to compare (`pair` shows them while they exist). */
	compareA = $state('');
	compareB = $state('');
	/** Period days typed that are not a window ('' = the analysis window's). */
	start = $state('');
	end = $state('');
	lostDays = $state(DEFAULT_LOST_DAYS);

	// Survey queries: the customer tables, the joined answers, then the KPIs over them.
	private readonly sources: Query<GroupSources>;
	private readonly join: Query<string>;
	private readonly overall: Query<GroupRow[]>;
	private readonly byGroup: Query<GroupRow[]>;
	private readonly surveyTrend: Query<GroupRow[]>;
	private readonly values: Query<string[]>;
	private readonly compareRows: Query<kpi.Grouped<NpsStat>[]>;
	// Transaction queries.
	private readonly asOf: Query<string | null>;
	private readonly overallTx: Query<kpi.Grouped<RetentionStat>[]>;
	private readonly byGroupTx: Query<kpi.Grouped<RetentionStat>[]>;
	private readonly cohortCells: Query<kpi.CohortCell[]>;
	private readonly firstDay: Query<string | null>;
	private readonly txTrend: Query<kpi.RetentionPeriod[]>;

	constructor(private readonly inputs: KpiInputs) {
		super(() => inputs.surveys.applied?.scales ?? null);
		const q = <T>(request: () => QueryRequest<T> | null) => new Query<T>(() => inputs.db(), request);
		const s = inputs.surveys;
		const tx = () => inputs.tx();
		/** A step over the joined answers, once they are joined (null: wait). */
		const joined = <T>(step: Step<T>) => (this.join.status === 'ready' ? { ...step, data: [this.join.version] } : null);
		const survey = (by: () => GroupBy | 'none' | null) =>
			q<GroupRow[]>(() => {
				const b = by();
				return b === 'none' ? constantStep([]) : b && joined(kpi.surveyKpisStep(this.surveyOptions(b)));
			});

		this.sources = q(() => ({ ...groupSourcesStep({ ignore: inputs.tables().ignore }), data: inputs.tables().versions }));
		this.join = q(() => {
			const a = s.applied;
			if (!s.ready || !a || this.sources.status !== 'ready') return null;
			const o = { source: a.table, customer: a.roles.customer, rfm: this.hasRfm, quadrant: this.quadrant };
			return { ...kpi.joinSurveysStep(o), data: [s.version, this.sources.version] };
		});
		this.overall = survey(() => ({ kind: 'all' }));
		this.byGroup = survey(() => (this.dim === 'all' ? 'none' : (this.groupBy(this.dim) ?? 'none')));
		this.surveyTrend = survey(() => (isSurveyKpi(this.trendKpi) ? this.groupBy(this.trendUnit) : null));
		this.values = q<string[]>(() => {
			const by = this.groupBy(this.compareDim);
			return by?.kind === 'column' ? joined(kpi.compareValuesStep(by.column)) : constantStep([]);
		});
		this.compareRows = q<kpi.Grouped<NpsStat>[]>(() => {
			const by = this.groupBy(this.compareDim);
			const a = s.applied;
			if (!by || !a?.roles.nps) return constantStep([]);
			return joined(kpi.npsStep({ file: a.file.fileName, source: SURVEY_JOINED, score: a.roles.nps, format: appliedColumn(a, 'nps')?.number?.format, by }));
		});

		/** A step over the transactions, with their version. */
		const overTx = <T>(step: Step<T> | null) => step && { ...step, data: [tx().version] };
		this.asOf = q(() => overTx(tx().ready ? kpi.txAsOfStep({ today: localDay(today()) }) : null));
		this.overallTx = q(() => overTx(this.period && kpi.retentionStep(this.period)));
		this.byGroupTx = q<kpi.Grouped<RetentionStat>[]>(() => {
			const by = this.dim === 'segment' && this.hasRfm ? { table: RFM_TABLE, column: 'segment' } : this.dim === 'quadrant' ? this.quadrant : null;
			if (!by) return constantStep([]);
			return this.period && { ...kpi.retentionStep({ ...this.period, by }), data: [tx().version, this.sources.version] };
		});
		this.cohortCells = q(() => {
			const end = this.period?.end;
			return overTx(end ? kpi.cohortStep({ end, start: addDays(end, -PAGE_COHORTS.days + 1), maxMonths: PAGE_COHORTS.maxMonths }) : null);
		});
		this.firstDay = q(() => overTx(this.lastDay && this.period && !isSurveyKpi(this.trendKpi) ? kpi.firstPurchaseStep({ last: this.lastDay }) : null));
		this.txTrend = q(() => {
			const p = this.period;
			if (!p || isSurveyKpi(this.trendKpi) || this.firstDay.status !== 'ready') return null;
			return overTx(kpi.retentionTrendStep({ end: p.end, lostDays: p.lostDays, purchases: p.purchases, first: this.firstDay.data ?? p.end, unit: this.trendUnit }));
		});
	}

	/** Follows the choices and the data for the life of the calling component (the page). */
	track(): void {
		for (const query of [...this.surveyQueries, ...this.txQueries]) query.track();
	}

	private get surveyQueries(): Query<unknown>[] {
		return [this.sources, this.join, this.overall, this.byGroup, this.surveyTrend, this.values, this.compareRows];
	}

	private get txQueries(): Query<unknown>[] {
		return [this.asOf, this.overallTx, this.byGroupTx, this.cohortCells, this.firstDay, this.txTrend];
	}

	get hasRfm(): boolean {
		return (this.sources.data ?? NO_SOURCES).hasRfm;
	}

	/** Where the value quadrants are (null: run the value matrix first). */
	get quadrant(): GroupSources['quadrant'] {
		return (this.sources.data ?? NO_SOURCES).quadrant;
	}

	/** The survey column behind a group dimension (null: not available). */
	private groupBy(dim: GroupDim): GroupBy | null {
		const a = this.inputs.surveys.applied;
		const r = a?.roles ?? {};
		if (dim === 'all') return { kind: 'all' };
		if (dim === 'segment') return this.hasRfm && r.customer ? { kind: 'column', column: SEGMENT_COL } : null;
		if (dim === 'quadrant') return this.quadrant && r.customer ? { kind: 'column', column: QUADRANT_COL } : null;
		if (dim === 'region' || dim === 'product') return r[dim] ? { kind: 'column', column: r[dim] } : null;
		return r.date && a ? { kind: 'period', column: r.date, dateFormat: a.dateFormat, unit: dim } : null;
	}

	private surveyOptions(by: GroupBy): kpi.SurveyKpiOptions {
		const a = this.inputs.surveys.applied;
		const r = a?.roles ?? {};
		const answers = (role: 'nps' | 'csat' | 'ces') => ({ score: r[role]!, format: appliedColumn(a, role)?.number?.format });
		const csat = a?.scales.csat ? scaleBounds(a.scales.csat) : null;
		const ces = a?.scales.ces ? scaleBounds(a.scales.ces) : null;
		return {
			file: a?.file.fileName ?? '',
			source: SURVEY_JOINED,
			by,
			nps: r.nps ? answers('nps') : undefined,
			csat: r.csat && csat ? { ...answers('csat'), scale: csat.max, min: csat.min } : undefined,
			ces: r.ces && ces ? { ...answers('ces'), ...ces } : undefined
		};
	}

	dimAvailable(dim: GroupDim): boolean {
		if (dim === 'month' || dim === 'quarter' || dim === 'all') return this.inputs.surveys.ready ? this.groupBy(dim) !== null : this.inputs.tx().ready;
		// Quadrant stays selectable with transactions: picking it says how to compute the matrix.
		if (dim === 'segment' || dim === 'quadrant') return dim === 'segment' ? this.hasRfm : this.quadrant !== null || this.inputs.tx().ready;
		return this.inputs.surveys.ready && this.groupBy(dim) !== null;
	}

	// ── Survey results ──────────────────────────────────────────────────────────────────────────
	get nps() {
		return this.overall.data?.[0]?.nps ?? null;
	}
	get csat() {
		return this.overall.data?.[0]?.csat ?? null;
	}
	get ces() {
		return this.overall.data?.[0]?.ces ?? null;
	}
	get groups(): GroupRow[] {
		return this.byGroup.data ?? [];
	}
	get compareValues(): string[] {
		return this.values.data ?? [];
	}
	/** The two groups compared: the picked ones while they exist, else the first two values. */
	pair = $derived.by(() => {
		const v = this.compareValues;
		if (v.length < 2) return null;
		const a = v.includes(this.compareA) ? this.compareA : v[0]!;
		return { a, b: v.includes(this.compareB) && this.compareB !== a ? this.compareB : v.find((x) => x !== a)! };
	});
	compare = $derived.by(() => {
		const rows = this.compareRows.data ?? [];
		const a = rows.find((r) => r.group === this.pair?.a);
		const b = rows.find((r) => r.group === this.pair?.b);
		return this.pair && a && b ? { a, b, diff: npsDifference(a, b) } : null;
	});

	get surveyState(): LoadState {
		const s = this.inputs.surveys;
		if (!this.inputs.db() || !s.ready || !s.applied) return 'empty';
		if (this.surveyError) return 'error';
		return [this.sources, this.join, this.overall].every((x) => x.status === 'ready') ? 'ready' : 'loading';
	}

	get surveyError(): ClienteleError | null {
		return firstError(this.surveyQueries, this.inputs.surveys.applied?.file.fileName ?? '', 'kpi.failed');
	}

	// ── Transaction results ─────────────────────────────────────────────────────────────────────
	/** The last purchase day of the transactions (null: not known yet, or no purchase). */
	get lastDay(): string | null {
		return this.asOf.data ? addDays(this.asOf.data, -1) : null;
	}
	/** The period: days typed that make no window yet, the analysis window, else the last PAGE_PERIOD_DAYS days. */
	get periodEnd(): string {
		return this.end || analysisWindow.asOf || this.lastDay || '';
	}
	get periodStart(): string {
		return this.start || analysisWindow.start || (this.lastDay ? addDays(this.lastDay, -(PAGE_PERIOD_DAYS - 1)) : '');
	}
	/** A period day typed on the KPI page: it moves the analysis window of every view when it makes one. */
	setPeriod(p: { start?: string; end?: string }): void {
		const start = p.start ?? this.periodStart;
		const end = p.end ?? this.periodEnd;
		try {
			analysisWindow.apply({ start, asOf: end });
			this.start = this.end = '';
		} catch {
			this.start = start;
			this.end = end;
		}
	}
	/** A period or lost-days value the KPIs cannot be computed for. */
	txProblem = $derived.by(() => {
		if (this.periodStart > this.periodEnd) return new ClienteleError('kpi.badPeriod', { start: this.periodStart, end: this.periodEnd });
		if (!(Number.isInteger(this.lostDays) && this.lostDays >= 1)) return new ClienteleError('kpiui.badLostDays', { value: String(this.lostDays) });
		return null;
	});
	/** The retention options of the period (null: nothing to compute yet). */
	private period = $derived.by(() =>
		this.inputs.tx().ready && this.lastDay && !this.txProblem ? { start: this.periodStart, end: this.periodEnd, lostDays: this.lostDays, purchases: 'orders' as const } : null
	);
	get retention(): RetentionStat | null {
		return this.overallTx.data?.[0] ?? null;
	}
	txGroups = $derived.by(() => (this.byGroupTx.data ?? []).map((r): GroupRow => ({ group: r.group, retention: r })));
	get cohorts(): kpi.CohortCell[] {
		return this.cohortCells.data ?? [];
	}

	get txState(): LoadState {
		if (!this.inputs.db() || !this.inputs.tx().ready) return 'empty';
		if (this.asOf.status === 'ready' && this.asOf.data === null) return 'empty';
		if (this.txError) return 'error';
		return this.asOf.status === 'ready' && this.overallTx.status === 'ready' ? 'ready' : 'loading';
	}

	get txError(): ClienteleError | null {
		return this.txProblem ?? firstError(this.txQueries, 'tx', 'kpi.failed');
	}

	// ── Trend ───────────────────────────────────────────────────────────────────────────────────
	private get trendQuery(): Query<unknown> {
		return isSurveyKpi(this.trendKpi) ? this.surveyTrend : this.txTrend;
	}

	trend = $derived.by((): TrendPoint[] => {
		const k = this.trendKpi;
		return isSurveyKpi(k) ? toTrend(this.surveyTrend.data ?? [], k) : retentionTrendPoints(this.txTrend.data ?? [], k);
	});
	/** The KPI the trend shows (null while its answer is on its way, or when there is none). */
	get trendOf(): TrendKpi | null {
		return this.trendQuery.status === 'ready' ? this.trendKpi : null;
	}
	get trendLoading(): boolean {
		return this.trendQuery.status === 'loading' || (!isSurveyKpi(this.trendKpi) && this.firstDay.status === 'loading');
	}
}
