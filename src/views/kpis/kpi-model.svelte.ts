/**
 * KPIs view model: survey KPIs (NPS, CSAT, CES) overall, by a group and over time, a two-group NPS
 * comparison; transaction KPIs (retention, churn, repurchase, cohorts) over a period with an
 * explicit "lost after N days". Params in $state, results in $state.raw; the SQL runs in DuckDB.
 */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import type { CsatStat } from '../../core/kpi/csat.ts';
import { npsDifference, type NpsDifference, type NpsStat } from '../../core/kpi/nps.ts';
import type { RetentionStat } from '../../core/kpi/retention.ts';
import type { MeanStat } from '../../core/kpi/stats.ts';
import { DEFAULT_TARGETS, type KpiName, type Target, type Targets } from '../../core/kpi/targets.ts';
import { distinctValuesSql, type GroupBy } from '../../core/sql/kpi.ts';
import type { DbClient } from '../../db/client.ts';
import { cohortRetention, csatByGroup, meanScoreByGroup, npsByGroup, retentionByGroup, type CohortCell, type Grouped } from '../../db/kpi.ts';
import { defaultAsOf } from '../../run/rfm.ts';
import { RFM_TABLE } from '../../run/tables.ts';
import type { DatasetState } from '../../state/datasets.svelte.ts';
import { existingTablesSql, QUADRANT_COL, SEGMENT_COL, SURVEY_JOINED, surveyJoinSql, txRangeSql } from './kpi-queries.ts';
import { findQuadrantSource, type QuadrantSource } from './quadrant-source.ts';
import { addDays, periodsBetween } from './periods.ts';
import { joinSurveyRows, toTrend, type GroupRow, type TrendPoint } from './kpi-rows.ts';

export { mergeGroups, type GroupRow, type TrendPoint } from './kpi-rows.ts';

export type GroupDim = 'all' | 'segment' | 'quadrant' | 'region' | 'product' | 'month' | 'quarter';
export type TrendKpi = 'nps' | 'csat' | 'ces' | 'retention' | 'churn';
export type LoadState = 'idle' | 'loading' | 'ready' | 'error' | 'empty';

const pct = (v: number) => v * 100;

export class KpiModel {
	targets = $state<Targets>(structuredClone({ ...DEFAULT_TARGETS, ces: { ...DEFAULT_TARGETS.ces, value: 5, direction: 'higher' } }) as Targets);
	cesMin = 1;
	dim = $state<GroupDim>('all');
	trendKpi = $state<TrendKpi>('nps');
	trendUnit = $state<'month' | 'quarter'>('quarter');
	compareDim = $state<'region' | 'product' | 'segment'>('region');
	compareA = $state('');
	compareB = $state('');
	start = $state('');
	end = $state('');
	lostDays = $state(90);

	surveyState = $state<LoadState>('idle');
	txState = $state<LoadState>('idle');
	surveyError = $state.raw<ClienteleError | null>(null);
	txError = $state.raw<ClienteleError | null>(null);
	nps = $state.raw<NpsStat | null>(null);
	csat = $state.raw<CsatStat | null>(null);
	ces = $state.raw<MeanStat | null>(null);
	retention = $state.raw<RetentionStat | null>(null);
	groups = $state.raw<GroupRow[]>([]);
	txGroups = $state.raw<GroupRow[]>([]);
	trend = $state.raw<TrendPoint[]>([]);
	/** The KPI the current trend shows (it arrives after the choice changes). */
	trendOf = $state<TrendKpi | null>(null);
	cohorts = $state.raw<CohortCell[]>([]);
	compareValues = $state.raw<string[]>([]);
	compare = $state.raw<{ a: NpsStat; b: NpsStat; diff: NpsDifference } | null>(null);
	hasRfm = $state(false);
	/** Where the value quadrants are (null: run the value matrix first). */
	quadrant = $state.raw<QuadrantSource | null>(null);
	private runs = 0;

	constructor(
		private readonly db: () => DbClient | null,
		private readonly surveys: DatasetState,
		private readonly txReady: () => boolean,
		/** Whether a quadrant table belongs to the current data (see quadrant-source.ts). */
		private readonly quadrantFresh: (table: string) => boolean = () => true
	) {}

	setTarget(k: KpiName, patch: Partial<Target>): void {
		this.targets = { ...this.targets, [k]: { ...this.targets[k], ...patch } };
	}

	/** The survey column behind a group dimension (null: not available). */
	private groupBy(dim: GroupDim): GroupBy | null {
		const r = this.surveys.roles;
		if (dim === 'all') return { kind: 'all' };
		if (dim === 'segment') return this.hasRfm && r.customer ? { kind: 'column', column: SEGMENT_COL } : null;
		if (dim === 'quadrant') return this.quadrant && r.customer ? { kind: 'column', column: QUADRANT_COL } : null;
		if (dim === 'region' || dim === 'product') return r[dim] ? { kind: 'column', column: r[dim] } : null;
		return r.date ? { kind: 'period', column: r.date, dateFormat: this.surveys.dateFormat(), unit: dim } : null;
	}

	dimAvailable(dim: GroupDim): boolean {
		if (dim === 'month' || dim === 'quarter' || dim === 'all') return this.surveys.ready ? this.groupBy(dim) !== null : this.txReady();
		// Quadrant stays selectable with transactions: picking it says how to compute the matrix.
		if (dim === 'segment' || dim === 'quadrant') return dim === 'segment' ? this.hasRfm : this.quadrant !== null || this.txReady();
		return this.surveys.ready && this.groupBy(dim) !== null;
	}

	/** Recomputes everything (called by the view's one effect when inputs change). */
	async refresh(): Promise<void> {
		const db = this.db();
		if (!db) {
			this.surveyState = 'empty';
			this.txState = 'empty';
			return;
		}
		const run = ++this.runs;
		await this.probe(db);
		if (run !== this.runs) return;
		await Promise.all([this.refreshSurveys(db, run), this.refreshTx(db, run)]);
	}

	private async probe(db: DbClient): Promise<void> {
		const names = (await db.query<{ name: string }>(existingTablesSql([RFM_TABLE]))).rows.map((r) => r.name);
		this.hasRfm = names.includes(RFM_TABLE);
		this.quadrant = await findQuadrantSource(db, this.quadrantFresh);
	}

	private async refreshSurveys(db: DbClient, run: number): Promise<void> {
		const s = this.surveys;
		if (!s.ready || !s.file) {
			if (this.isSurveyKpi(this.trendKpi)) this.trend = [];
			this.surveyState = 'empty';
			return;
		}
		this.surveyState = 'loading';
		this.surveyError = null;
		try {
			await db.exec(surveyJoinSql({ source: s.table, target: SURVEY_JOINED, customer: s.roles.customer, rfm: this.hasRfm, quadrant: this.quadrant }));
			const all = await this.surveyGroups(db, { kind: 'all' });
			const by = this.groupBy(this.dim);
			const groups = by && this.dim !== 'all' ? await this.surveyGroups(db, by) : [];
			const trendBy = this.groupBy(this.trendUnit);
			const trend = trendBy && this.isSurveyKpi(this.trendKpi) ? toTrend(await this.surveyGroups(db, trendBy), this.trendKpi) : null;
			const compareBy = this.groupBy(this.compareDim);
			const compareValues = compareBy?.kind === 'column' ? (await db.query<{ value: string }>(distinctValuesSql({ source: SURVEY_JOINED, column: compareBy.column, limit: 200 }))).rows.map((r) => r.value) : [];
			const compare = compareBy && s.roles.nps ? await this.compareNps(db, compareBy, compareValues) : null;
			if (run !== this.runs) return;
			this.nps = all[0]?.nps ?? null;
			this.csat = all[0]?.csat ?? null;
			this.ces = all[0]?.ces ?? null;
			this.groups = groups;
			if (trend) {
				this.trend = trend;
				this.trendOf = this.trendKpi;
			}
			this.compareValues = compareValues;
			this.compare = compare;
			this.surveyState = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.surveyError = asError(e, s.fileName);
			this.surveyState = 'error';
		}
	}

	private isSurveyKpi(k: TrendKpi): k is 'nps' | 'csat' | 'ces' {
		return k === 'nps' || k === 'csat' || k === 'ces';
	}

	private async surveyGroups(db: DbClient, by: GroupBy): Promise<GroupRow[]> {
		const s = this.surveys;
		const r = s.roles;
		const base = { file: s.fileName, source: SURVEY_JOINED, by };
		const fmt = (role: 'nps' | 'csat' | 'ces') => s.column(role)?.number?.format;
		const [nps, csat, ces] = await Promise.all([
			r.nps ? npsByGroup(db, { ...base, score: r.nps, format: fmt('nps') }) : [],
			r.csat ? csatByGroup(db, { ...base, score: r.csat, format: fmt('csat'), scale: this.surveys.csatScale }) : [],
			r.ces ? meanScoreByGroup(db, { ...base, score: r.ces, format: fmt('ces'), min: this.cesMin, max: this.surveys.cesMax }) : []
		]);
		return joinSurveyRows(nps as Grouped<NpsStat>[], csat as Grouped<CsatStat>[], ces as Grouped<MeanStat>[]);
	}

	private async compareNps(db: DbClient, by: GroupBy, values: readonly string[]) {
		if (values.length < 2) return null;
		if (!values.includes(this.compareA)) this.compareA = values[0]!;
		if (!values.includes(this.compareB) || this.compareB === this.compareA) this.compareB = values.find((v) => v !== this.compareA)!;
		const rows = await npsByGroup(db, { file: this.surveys.fileName, source: SURVEY_JOINED, score: this.surveys.roles.nps!, format: this.surveys.column('nps')?.number?.format, by });
		const a = rows.find((r) => r.group === this.compareA);
		const b = rows.find((r) => r.group === this.compareB);
		return a && b ? { a, b, diff: npsDifference(a, b) } : null;
	}

	private async refreshTx(db: DbClient, run: number): Promise<void> {
		if (!this.txReady()) {
			this.txState = 'empty';
			return;
		}
		this.txState = 'loading';
		this.txError = null;
		try {
			const range = await defaultAsOf(db);
			if (!range) {
				this.txState = 'empty';
				return;
			}
			const last = addDays(range.asOf, -1);
			if (!this.end) this.end = last;
			if (!this.start) this.start = addDays(this.end, -89);
			if (this.start > this.end) throw new ClienteleError('kpi.badPeriod', { start: this.start, end: this.end });
			if (!(Number.isInteger(this.lostDays) && this.lostDays >= 1)) throw new ClienteleError('kpiui.badLostDays', { value: String(this.lostDays) });
			const o = { start: this.start, end: this.end, lostDays: this.lostDays, purchases: 'orders' as const };
			const [overall] = await retentionByGroup(db, o);
			const by = this.dim === 'segment' && this.hasRfm ? { table: RFM_TABLE, column: 'segment' } : this.dim === 'quadrant' && this.quadrant ? this.quadrant : null;
			const byGroup = by ? await retentionByGroup(db, { ...o, by }) : [];
			const cohorts = await cohortRetention(db, { end: this.end, start: addDays(this.end, -365 * 2 + 1), maxMonths: 12 });
			let trend: TrendPoint[] | null = null;
			if (!this.isSurveyKpi(this.trendKpi)) {
				const first = (await db.query<{ first_day: string | null }>(txRangeSql({ tx: 'tx', last }))).rows[0]?.first_day ?? this.end;
				const points: TrendPoint[] = [];
				for (const p of periodsBetween(first, this.end, this.trendUnit)) {
					const [r] = await retentionByGroup(db, { ...o, start: p.start, end: p.end });
					const v = r ? (this.trendKpi === 'retention' ? r.retention : r.churn) : NaN;
					if (Number.isFinite(v)) points.push({ period: p.label, value: pct(v), low: NaN, high: NaN, n: r!.customersStart });
				}
				trend = points;
			}
			if (run !== this.runs) return;
			this.retention = overall ?? null;
			this.txGroups = byGroup.map((r) => ({ group: r.group, retention: r }));
			this.cohorts = cohorts;
			if (trend) {
				this.trend = trend;
				this.trendOf = this.trendKpi;
			}
			this.txState = 'ready';
		} catch (e) {
			if (run !== this.runs) return;
			this.txError = asError(e, 'tx');
			this.txState = 'error';
		}
	}
}

function asError(e: unknown, file: string): ClienteleError {
	if (isClienteleError(e)) return e;
	return new ClienteleError('kpi.failed', { file, detail: e instanceof Error ? e.message : String(e) });
}
