/**
 * Grading standards (分级标准): the one place a standard is applied (the grade view and `clientele
 * grade` call it). Over the RFM per-customer table (RFM_BASE, as of RFM's as-of date) and, when an
 * indicator needs them, the transactions, the CLV table, the survey answers and the profile table:
 * indicator values (GRADE_INPUT) → points (GRADE_POINTS) → the tier table (GRADE_TABLE). A change
 * of points rules re-runs the last two statements, a change of weights or tiers only the last one.
 * SQL: core/sql/grade.ts; the standard itself: core/grade/.
 */
import { ClienteleError } from '../core/errors.ts';
import { isBuiltinIndicator, type GradeStandard } from '../core/grade/standard.ts';
import {
	baseQuantilesSql,
	gradeDistributionSql,
	gradeInputSql,
	gradeOutputSql,
	gradePointsSql,
	gradeSensitivitySql,
	gradeTableSql,
	gradeTierSummarySql,
	type ReasonWords,
	type SurveySource
} from '../core/sql/grade.ts';
import { hasColumnSql, numericColumnsSql } from '../core/sql/value-matrix.ts';
import type { DbClient, Row } from '../db/client.ts';
import {
	CLV_TABLE,
	GRADE_INPUT,
	GRADE_POINTS,
	GRADE_TABLE,
	PROFILES_TABLE,
	RFM_BASE,
	TX_TABLE
} from './tables.ts';

export type { ReasonWords, SurveySource };

/** Where the indicators come from besides the RFM base table (plain data). */
export interface GradeSourceOptions {
	/** RFM's as-of date (YYYY-MM-DD): lines and answers on or before it count. */
	asOf: string;
	/** RFM ran with monetary = average per purchase. */
	monetaryIsAverage?: boolean;
	/** A cost column is mapped (the typed transactions always have a cost column, NULL when not). */
	cost: boolean;
	/** CLV_TABLE holds the current model's scores (clv, p_alive). */
	clv: boolean;
	surveys: SurveySource | null;
	/** The profile table (PROFILES_TABLE) is loaded. */
	profiles: boolean;
}

/** What the indicators may use now: the numeric profile columns and which sources are there. */
export interface GradeAvailability {
	cost: boolean;
	clv: boolean;
	recommend: boolean;
	csat: boolean;
	/** The profile table is one of the sources (its numeric columns are in profileColumns). */
	profiles: boolean;
	profileColumns: string[];
}

export async function gradeAvailability(
	db: DbClient,
	o: GradeSourceOptions
): Promise<GradeAvailability> {
	const cost = o.cost && Boolean((await db.query<{ has_column: boolean }>(hasColumnSql(TX_TABLE, 'cost'))).rows[0]?.has_column);
	const profileColumns = o.profiles
		? (await db.query<{ column_name: string }>(numericColumnsSql([PROFILES_TABLE]))).rows.map(
				(r) => r.column_name
			)
		: [];
	return {
		cost,
		clv: o.clv,
		recommend: Boolean(o.surveys?.recommend),
		csat: Boolean(o.surveys?.csat),
		profiles: o.profiles,
		profileColumns
	};
}

/** Throws a ClienteleError naming the first indicator the sources cannot give, and what gives it. */
export async function checkIndicators(
	db: DbClient,
	s: GradeStandard,
	a: GradeAvailability
): Promise<void> {
	for (const { name } of s.indicators) {
		if (name === 'margin' && !a.cost) throw new ClienteleError('grade.needsCost', { name });
		if ((name === 'clv' || name === 'p_alive') && !a.clv)
			throw new ClienteleError('grade.needsClv', { name });
		if ((name === 'recommend_score' && !a.recommend) || (name === 'csat' && !a.csat))
			throw new ClienteleError('grade.needsSurvey', { name });
		if (isBuiltinIndicator(name) || a.profileColumns.includes(name)) continue;
		const inProfiles = a.profiles && (await db.query<{ has_column: boolean }>(hasColumnSql(PROFILES_TABLE, name)))
			.rows[0]?.has_column;
		if (inProfiles) throw new ClienteleError('grade.profileNotNumeric', { name });
		throw new ClienteleError('grade.unknownIndicator', {
			name,
			list: [
				'recency_days, frequency, monetary, avg_order_value, tenure_days, margin, clv, p_alive, recommend_score, csat',
				...a.profileColumns
			].join(', ')
		});
	}
}

/** The tables a grading reads (the per-customer RFM base) and writes: the page's, or an evaluation's own. */
export interface GradeTables {
	base: string;
	input: string;
	points: string;
	target: string;
}

/** The grading tab's tables (plans by tier read `target`). */
export const PAGE_GRADE_TABLES: GradeTables = { base: RFM_BASE, input: GRADE_INPUT, points: GRADE_POINTS, target: GRADE_TABLE };

/** Step 1: the indicator values of every customer of the base (after checkIndicators). */
export async function buildGradeInput(
	db: DbClient,
	s: GradeStandard,
	o: GradeSourceOptions,
	tables: GradeTables = PAGE_GRADE_TABLES
): Promise<void> {
	await db.exec(
		gradeInputSql({
			base: tables.base,
			tx: TX_TABLE,
			asOf: o.asOf,
			monetaryIsAverage: o.monetaryIsAverage,
			clv: o.clv ? CLV_TABLE : null,
			surveys: o.surveys,
			profiles: o.profiles ? PROFILES_TABLE : null,
			indicators: s.indicators.map((i) => i.name),
			target: tables.input
		})
	);
}

/** Steps 2 and 3: points, then totals and tiers (`tables.target`). `pointsToo: false` keeps the points (weights or tiers changed). */
export async function scoreGrade(
	db: DbClient,
	s: GradeStandard,
	words: ReasonWords,
	pointsToo = true,
	tables: GradeTables = PAGE_GRADE_TABLES
): Promise<void> {
	if (pointsToo) await db.exec(gradePointsSql({ input: tables.input, target: tables.points, indicators: s.indicators }));
	await db.exec(gradeTableSql({ points: tables.points, target: tables.target, standard: s, words }));
}

/** The whole sequence: check, values, points, tiers. */
export async function runGrade(
	db: DbClient,
	s: GradeStandard,
	o: GradeSourceOptions,
	words: ReasonWords,
	tables: GradeTables = PAGE_GRADE_TABLES
): Promise<void> {
	await checkIndicators(db, s, await gradeAvailability(db, o));
	await buildGradeInput(db, s, o, tables);
	await scoreGrade(db, s, words, true, tables);
}

export interface TierRow {
	tier_rank: number | null;
	tier: string | null;
	customers: number;
	share: number;
	revenue: number;
	revenue_share: number | null;
	with_missing: number;
	/** Mean of each indicator, in the standard's order. */
	means: (number | null)[];
}

export interface SensitivityRow {
	indicator: string;
	weight: number;
	/** Customers changing tier (and of them moving up) when the weight moves by −5 and +5 points. */
	minus: { changed: number; up: number };
	plus: { changed: number; up: number };
}

export interface GradeResult {
	tiers: TierRow[];
	distribution: { x0: number; customers: number }[];
	/** Weighted standards only (empty for scoring). */
	sensitivity: SensitivityRow[];
}

/** What the page shows of the tier table: tier sizes and profile, the distribution of totals, the sensitivity. */
export async function gradeResults(db: DbClient, s: GradeStandard): Promise<GradeResult> {
	const o = { points: GRADE_POINTS, grade: GRADE_TABLE, standard: s };
	const tiers = (await db.query<Row>(gradeTierSummarySql(o))).rows.map((r): TierRow => ({
		tier_rank: r.tier_rank as number | null,
		tier: r.tier as string | null,
		customers: r.customers as number,
		share: r.share as number,
		revenue: (r.revenue as number | null) ?? 0,
		revenue_share: r.revenue_share as number | null,
		with_missing: r.with_missing as number,
		means: s.indicators.map((_, i) => r[`m${i}`] as number | null)
	}));
	const distribution = (await db.query<{ x0: number; customers: number }>(gradeDistributionSql(o)))
		.rows;
	let sensitivity: SensitivityRow[] = [];
	if (s.method === 'weighted') {
		const r = (await db.query<Row>(gradeSensitivitySql(o))).rows[0] ?? {};
		const n = (k: string) => (r[k] as number | undefined) ?? 0;
		sensitivity = s.indicators.map((ind, i) => ({
			indicator: ind.name,
			weight: ind.weight,
			minus: { changed: n(`d${i}_minus`), up: n(`u${i}_minus`) },
			plus: { changed: n(`d${i}_plus`), up: n(`u${i}_plus`) }
		}));
	}
	return { tiers, distribution, sensitivity };
}

/** The CLI's rows (gradeColumns order), by customer_id. */
export async function gradeRows(db: DbClient, s: GradeStandard): Promise<Row[]> {
	return (await db.query(gradeOutputSql({ points: GRADE_POINTS, grade: GRADE_TABLE, standard: s })))
		.rows;
}

/** Quantiles of RFM base columns (the scoring preset's suggested thresholds): one list per column. */
export async function baseQuantiles(
	db: DbClient,
	columns: readonly string[],
	probs: readonly number[]
): Promise<(number | null)[][]> {
	const r =
		(await db.query<Row>(baseQuantilesSql({ base: RFM_BASE, columns, probs }))).rows[0] ?? {};
	return columns.map((_, i) => probs.map((_, j) => (r[`q_${i}_${j}`] as number | null) ?? null));
}
