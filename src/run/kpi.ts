/**
 * The KPI runner: survey KPIs (NPS, CSAT, CES) per group, retention, churn and repurchase over a
 * period, cohort retention, and the sequences the KPI view runs on top (the survey table joined to
 * segments and quadrants, retention period by period). Counts come from core/sql (DuckDB), formulas
 * from core/kpi. `clientele kpi` calls the runners; the KPI view model holds them as steps (`…Step`:
 * the statements a runner runs and the runner), so it asks again only when the statements change.
 */
import { ClienteleError } from '../core/errors.ts';
import type { NumberFormat } from '../core/csv/numbers.ts';
import { csatFromCounts, isCsatScale, satisfiedFrom, type CsatScale, type CsatStat } from '../core/kpi/csat.ts';
import { DEFAULT_CES_SCALE, PAGE_COMPARE_VALUES } from '../core/kpi/defaults.ts';
import { joinSurveyRows, type GroupRow, type Grouped, type RetentionPeriod } from '../core/kpi/group-rows.ts';
import { npsFromCounts, NPS_MAX, NPS_MIN, type NpsStat } from '../core/kpi/nps.ts';
import { periodsBetween } from '../core/kpi/periods.ts';
import { retentionFromCounts, type RetentionStat } from '../core/kpi/retention.ts';
import { meanFromSums, type MeanStat } from '../core/kpi/stats.ts';
import { defaultAsOfStep } from './as-of.ts';
import { csatCountsSql, distinctValuesSql, npsCountsSql, scoreCheckSql, scoreMomentsSql, type GroupBy, type ScoreCheckRow } from '../core/sql/kpi.ts';
import { surveyJoinSql, type QuadrantSource } from '../core/sql/kpi-survey.ts';
import { cohortRetentionSql, firstPurchaseDaySql, retentionCountsSql, type CohortOptions, type RetentionCountsRow, type RetentionOptions } from '../core/sql/retention.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { Step } from './step.ts';
import { RAW_TABLE, RFM_TABLE, SURVEY_JOINED, TX_TABLE } from './tables.ts';

export type { GroupRow, Grouped, RetentionPeriod } from '../core/kpi/group-rows.ts';

export interface SurveyColumn {
	/** File name, for messages. */
	file: string;
	/** Answer column of the raw table. */
	score: string;
	format?: NumberFormat;
	/** Default: the raw table. */
	source?: string;
	by?: GroupBy;
	/** Confidence level of intervals (default 0.95). */
	confidence?: number;
}

type Scale = { min: number; max: number };

function checkSql(o: SurveyColumn & Scale): Sql {
	return scoreCheckSql({ source: o.source ?? RAW_TABLE, score: o.score, format: o.format, min: o.min, max: o.max });
}

/**
 * The answer checks over SURVEY_JOINED per engine, by SQL text, until joinSurveys makes the table again:
 * the KPI view asks NPS, CSAT and CES for each grouping it shows (overall, by group, the trend, the
 * comparison), each with its answer check — the same three checks ≈ 100 times over the e2e KPI cases.
 * Other sources are checked every time (they are replaced outside this module).
 */
const joinedChecks = new WeakMap<DbClient, Map<string, ScoreCheckRow | undefined>>();

async function checkRow(db: DbClient, q: Sql, source: string | undefined): Promise<ScoreCheckRow | undefined> {
	if (source !== SURVEY_JOINED) return (await db.query<ScoreCheckRow>(q)).rows[0];
	// The map of the table as it is now: a join started meanwhile replaces it, so this row is not kept for the new table.
	const known = joinedChecks.get(db) ?? new Map<string, ScoreCheckRow | undefined>();
	joinedChecks.set(db, known);
	if (known.has(q.text)) return known.get(q.text);
	const r = (await db.query<ScoreCheckRow>(q)).rows[0];
	known.set(q.text, r);
	return r;
}

/** Throws kpi.badScore naming the file, the first bad row, the column and the value, or kpi.noAnswers when all are blank. */
async function checkAnswers(db: DbClient, q: Sql, o: SurveyColumn & Scale): Promise<{ total: number; blank: number }> {
	const r = await checkRow(db, q, o.source);
	if (!r) throw new ClienteleError('kpi.noAnswers', { file: o.file, column: o.score });
	if (r.bad > 0)
		throw new ClienteleError('kpi.badScore', { file: o.file, row: r.first_bad_row ?? 0, column: o.score, value: r.first_bad_value ?? '', min: o.min, max: o.max, count: r.bad });
	if (r.total - r.blank === 0) throw new ClienteleError('kpi.noAnswers', { file: o.file, column: o.score });
	return { total: r.total, blank: r.blank };
}

/**
 * Checks every non-blank answer is a whole number in [min, max]; throws kpi.badScore naming the
 * file, the first bad row, the column and the value, or kpi.noAnswers when all are blank.
 */
export async function checkScores(db: DbClient, o: SurveyColumn & Scale): Promise<{ total: number; blank: number }> {
	return checkAnswers(db, checkSql(o), o);
}

const npsScale: Scale = { min: NPS_MIN, max: NPS_MAX };
const cesScale = (o: Partial<Scale>): Scale => ({ min: o.min ?? DEFAULT_CES_SCALE.min, max: o.max ?? DEFAULT_CES_SCALE.max });

/** What npsByGroup runs: the answer check, then the counts per group. */
function npsSql(o: SurveyColumn): [Sql, Sql] {
	return [checkSql({ ...o, ...npsScale }), npsCountsSql({ ...o, source: o.source ?? RAW_TABLE })];
}

/** NPS per group (validated: answers must be whole numbers 0–10, blanks are skipped). */
export async function npsByGroup(db: DbClient, o: SurveyColumn): Promise<Grouped<NpsStat>[]> {
	const [check, counts] = npsSql(o);
	await checkAnswers(db, check, { ...o, ...npsScale });
	const rows = (await db.query<{ group: string | null; detractors: number; passives: number; promoters: number }>(counts)).rows;
	return rows.map((r) => ({ group: r.group, ...npsFromCounts(r, { confidence: o.confidence }) }));
}

export function npsStep(o: SurveyColumn): Step<Grouped<NpsStat>[]> {
	return { sql: npsSql(o), run: (db) => npsByGroup(db, o) };
}

/** What csatByGroup runs: the answer check, then the counts per group. */
function csatSql(o: SurveyColumn & { scale: number; min?: number }): [Sql, Sql] {
	// csatByGroup checks the scale before it runs these.
	const counts = csatCountsSql({ ...o, source: o.source ?? RAW_TABLE, scale: o.scale, min: o.min ?? 1, satisfiedFrom: satisfiedFrom(o.scale as CsatScale) });
	return [checkSql({ ...o, min: o.min ?? 1, max: o.scale }), counts];
}

/** CSAT per group on a 5-, 7- or 10-point scale from 1 (or 0–10: `min` 0) (top two boxes; blanks skipped; Wilson interval). */
export async function csatByGroup(db: DbClient, o: SurveyColumn & { scale: number; min?: number }): Promise<Grouped<CsatStat>[]> {
	if (!isCsatScale(o.scale)) throw new ClienteleError('kpi.badScale', { value: o.scale });
	const [check, counts] = csatSql(o);
	await checkAnswers(db, check, { ...o, min: o.min ?? 1, max: o.scale });
	const rows = (await db.query<{ group: string | null; n: number; satisfied: number }>(counts)).rows;
	return rows.map((r) => ({ group: r.group, ...csatFromCounts(r, { confidence: o.confidence }) }));
}

/** What meanScoreByGroup runs: the answer check, then the sums per group. */
function meanScoreSql(o: SurveyColumn & Partial<Scale>): [Sql, Sql] {
	return [checkSql({ ...o, ...cesScale(o) }), scoreMomentsSql({ ...o, source: o.source ?? RAW_TABLE })];
}

/** Mean score per group with a normal-approximation interval (CES; default scale 1–7). */
export async function meanScoreByGroup(db: DbClient, o: SurveyColumn & Partial<Scale>): Promise<Grouped<MeanStat>[]> {
	const [check, sums] = meanScoreSql(o);
	await checkAnswers(db, check, { ...o, ...cesScale(o) });
	const rows = (await db.query<{ group: string | null; n: number; sum: number; sum_sq: number }>(sums)).rows;
	return rows.map((r) => ({ group: r.group, ...meanFromSums({ n: r.n, sum: r.sum, sumSq: r.sum_sq }, o.confidence) }));
}

type Answers = { score: string; format?: NumberFormat };

/** The three survey KPIs of one grouping; a KPI without its answer column is left out. */
export interface SurveyKpiOptions {
	file: string;
	/** Default: the raw table. */
	source?: string;
	by?: GroupBy;
	nps?: Answers;
	csat?: Answers & { scale: number; min?: number };
	ces?: Answers & Partial<Scale>;
}

/** What surveyKpis runs, in order. */
function surveyKpiSql(o: SurveyKpiOptions): Sql[] {
	const base = { file: o.file, source: o.source, by: o.by };
	return [...(o.nps ? npsSql({ ...base, ...o.nps }) : []), ...(o.csat ? csatSql({ ...base, ...o.csat }) : []), ...(o.ces ? meanScoreSql({ ...base, ...o.ces }) : [])];
}

/** NPS, CSAT and CES per group, one row per group. */
export async function surveyKpis(db: DbClient, o: SurveyKpiOptions): Promise<GroupRow[]> {
	const base = { file: o.file, source: o.source, by: o.by };
	const [nps, csat, ces] = await Promise.all([
		o.nps ? npsByGroup(db, { ...base, ...o.nps }) : [],
		o.csat ? csatByGroup(db, { ...base, ...o.csat }) : [],
		o.ces ? meanScoreByGroup(db, { ...base, ...o.ces }) : []
	]);
	return joinSurveyRows(nps, csat, ces);
}

export function surveyKpisStep(o: SurveyKpiOptions): Step<GroupRow[]> {
	return { sql: surveyKpiSql(o), run: (db) => surveyKpis(db, o) };
}

/** The survey answers and the customer tables to join them to (the view's grouping by segment and quadrant). */
export interface SurveyJoinOptions {
	/** The raw survey table. */
	source: string;
	/** Customer id column of the answers (none: segments and quadrants stay unknown). */
	customer?: string;
	/** Whether the RFM table exists. */
	rfm: boolean;
	quadrant: QuadrantSource | null;
}

function surveyJoinStatement(o: SurveyJoinOptions): Sql {
	return surveyJoinSql({ source: o.source, target: SURVEY_JOINED, customer: o.customer, rfm: o.rfm ? RFM_TABLE : null, quadrant: o.quadrant });
}

/** The answers with the segment and quadrant of each customer, as SURVEY_JOINED (what the view's survey KPIs read). */
export async function joinSurveys(db: DbClient, o: SurveyJoinOptions): Promise<typeof SURVEY_JOINED> {
	joinedChecks.delete(db);
	try {
		await db.exec(surveyJoinStatement(o));
	} finally {
		joinedChecks.delete(db); // checks that ran while the statement waited read the old table
	}
	return SURVEY_JOINED;
}

export function joinSurveysStep(o: SurveyJoinOptions): Step<typeof SURVEY_JOINED> {
	return { sql: surveyJoinStatement(o), run: (db) => joinSurveys(db, o) };
}

/** The values of a column of the joined answers, to pick two groups to compare. */
export function compareValuesStep(column: string): Step<string[]> {
	const q = distinctValuesSql({ source: SURVEY_JOINED, column, limit: PAGE_COMPARE_VALUES });
	return { sql: q, run: async (db) => (await db.query<{ value: string }>(q)).rows.map((r) => r.value) };
}

export type RetentionRun = Omit<RetentionOptions, 'tx'> & { tx?: string };

function retentionSql(o: RetentionRun): Sql {
	return retentionCountsSql({ ...o, tx: o.tx ?? TX_TABLE });
}

/** Retention, churn and repurchase per group over a period (tx defaults to the typed table). */
export async function retentionByGroup(db: DbClient, o: RetentionRun): Promise<Grouped<RetentionStat>[]> {
	const rows = (await db.query<RetentionCountsRow>(retentionSql(o))).rows;
	return rows.map((r) => ({
		group: r.group,
		...retentionFromCounts({
			customersStart: r.customers_start,
			customersEnd: r.customers_end,
			newCustomers: r.new_customers,
			retained: r.retained,
			lost: r.lost,
			reactivated: r.reactivated,
			buyers: r.buyers,
			repeatBuyers: r.repeat_buyers
		})
	}));
}

export function retentionStep(o: RetentionRun): Step<Grouped<RetentionStat>[]> {
	return { sql: retentionSql(o), run: (db) => retentionByGroup(db, o) };
}

export interface CohortCell {
	cohort: string;
	month_index: number;
	customers: number;
	cohort_size: number;
	retention: number;
	[k: string]: string | number;
}

export type CohortRun = Omit<CohortOptions, 'tx'> & { tx?: string };

export function cohortStep(o: CohortRun): Step<CohortCell[]> {
	const q = cohortRetentionSql({ ...o, tx: o.tx ?? TX_TABLE });
	return { sql: q, run: async (db) => (await db.query<CohortCell>(q)).rows };
}

export async function cohortRetention(db: DbClient, o: CohortRun): Promise<CohortCell[]> {
	return cohortStep(o).run(db);
}

/**
 * The as-of day of the transactions (the day after the last purchase, YYYY-MM-DD, stray dates left
 * out: run/as-of.ts); null without purchases. `today`: the caller's clock.
 */
export function txAsOfStep(o: { today: string; tx?: string }): Step<string | null> {
	const s = defaultAsOfStep({ today: o.today, tx: o.tx ?? TX_TABLE });
	return { sql: s.sql, run: async (db) => (await s.run(db))?.asOf ?? null };
}

/** The first purchase day up to `last` (null: none): where a retention trend starts. */
export function firstPurchaseStep(o: { last: string; tx?: string }): Step<string | null> {
	const q = firstPurchaseDaySql({ tx: o.tx ?? TX_TABLE, last: o.last });
	return { sql: q, run: async (db) => (await db.query<{ first_day: string | null }>(q)).rows[0]?.first_day ?? null };
}

/** Retention over every month or quarter from `first` to `end` (each period clipped to them). */
export interface RetentionTrendOptions extends Omit<RetentionRun, 'start' | 'by'> {
	first: string;
	unit: 'month' | 'quarter';
}

/** Retention per period, one period at a time. */
export async function retentionTrend(db: DbClient, o: RetentionTrendOptions): Promise<RetentionPeriod[]> {
	const out: RetentionPeriod[] = [];
	for (const p of periodsBetween(o.first, o.end, o.unit)) {
		const [r] = await retentionByGroup(db, { ...o, start: p.start, end: p.end });
		out.push({ period: p.label, stat: r ?? null });
	}
	return out;
}

/** One retention statement per period. */
export function retentionTrendStep(o: RetentionTrendOptions): Step<RetentionPeriod[]> {
	return { sql: periodsBetween(o.first, o.end, o.unit).map((p) => retentionSql({ ...o, start: p.start, end: p.end })), run: (db) => retentionTrend(db, o) };
}
