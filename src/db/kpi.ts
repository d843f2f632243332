/**
 * KPI and journey runners: SQL from core/sql (counts per group in DuckDB) + formulas from core/kpi.
 * What the CLI calls and what the KPI and journey views should call.
 */
import { ClienteleError } from '../core/errors.ts';
import type { NumberFormat } from '../core/csv/numbers.ts';
import { csatFromCounts, isCsatScale, satisfiedFrom, type CsatStat } from '../core/kpi/csat.ts';
import { npsFromCounts, NPS_MAX, NPS_MIN, type NpsStat } from '../core/kpi/nps.ts';
import { retentionFromCounts, type RetentionStat } from '../core/kpi/retention.ts';
import { meanFromSums, type MeanStat } from '../core/kpi/stats.ts';
import type { RoleCheck } from '../core/sql/role-check.ts';
import { buildTouchpointSql, validateTouchpointSql, type TouchpointMapping } from '../core/sql/journey.ts';
import { csatCountsSql, npsCountsSql, scoreCheckSql, scoreMomentsSql, type GroupBy, type ScoreCheckRow } from '../core/sql/kpi.ts';
import { cohortRetentionSql, retentionCountsSql, type CohortOptions, type RetentionCountsRow, type RetentionOptions } from '../core/sql/retention.ts';
import { ident, sql } from '../core/sql/sql.ts';
import type { DbClient } from './client.ts';
import { RAW_TABLE, TX_TABLE } from '../run/tables.ts';

export const TOUCHPOINT_TABLE = 'tp';

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

/**
 * Checks every non-blank answer is a whole number in [min, max]; throws kpi.badScore naming the
 * file, the first bad row, the column and the value, or kpi.noAnswers when all are blank.
 */
export async function checkScores(db: DbClient, o: SurveyColumn & { min: number; max: number }): Promise<{ total: number; blank: number }> {
	const source = o.source ?? RAW_TABLE;
	const r = (await db.query<ScoreCheckRow>(scoreCheckSql({ source, score: o.score, format: o.format, min: o.min, max: o.max }))).rows[0];
	if (!r) throw new ClienteleError('kpi.noAnswers', { file: o.file, column: o.score });
	if (r.bad > 0)
		throw new ClienteleError('kpi.badScore', { file: o.file, row: r.first_bad_row ?? 0, column: o.score, value: r.first_bad_value ?? '', min: o.min, max: o.max, count: r.bad });
	if (r.total - r.blank === 0) throw new ClienteleError('kpi.noAnswers', { file: o.file, column: o.score });
	return { total: r.total, blank: r.blank };
}

export type Grouped<T> = T & { group: string | null };

/** NPS per group (validated: answers must be whole numbers 0–10, blanks are skipped). */
export async function npsByGroup(db: DbClient, o: SurveyColumn): Promise<Grouped<NpsStat>[]> {
	await checkScores(db, { ...o, min: NPS_MIN, max: NPS_MAX });
	const rows = (await db.query<{ group: string | null; detractors: number; passives: number; promoters: number }>(npsCountsSql({ ...o, source: o.source ?? RAW_TABLE }))).rows;
	return rows.map((r) => ({ group: r.group, ...npsFromCounts(r, { confidence: o.confidence }) }));
}

/** CSAT per group on a 5-, 7- or 10-point scale (top two boxes; blanks skipped; Wilson interval). */
export async function csatByGroup(db: DbClient, o: SurveyColumn & { scale: number }): Promise<Grouped<CsatStat>[]> {
	if (!isCsatScale(o.scale)) throw new ClienteleError('kpi.badScale', { value: o.scale });
	await checkScores(db, { ...o, min: 1, max: o.scale });
	const q = csatCountsSql({ ...o, source: o.source ?? RAW_TABLE, scale: o.scale, satisfiedFrom: satisfiedFrom(o.scale) });
	const rows = (await db.query<{ group: string | null; n: number; satisfied: number }>(q)).rows;
	return rows.map((r) => ({ group: r.group, ...csatFromCounts(r, { confidence: o.confidence }) }));
}

/** Mean score per group with a normal-approximation interval (CES; default scale 1–7). */
export async function meanScoreByGroup(db: DbClient, o: SurveyColumn & { min?: number; max?: number }): Promise<Grouped<MeanStat>[]> {
	await checkScores(db, { ...o, min: o.min ?? 1, max: o.max ?? 7 });
	const rows = (await db.query<{ group: string | null; n: number; sum: number; sum_sq: number }>(scoreMomentsSql({ ...o, source: o.source ?? RAW_TABLE }))).rows;
	return rows.map((r) => ({ group: r.group, ...meanFromSums({ n: r.n, sum: r.sum, sumSq: r.sum_sq }, o.confidence) }));
}

/** Retention, churn and repurchase per group over a period (tx defaults to the typed table). */
export async function retentionByGroup(db: DbClient, o: Omit<RetentionOptions, 'tx'> & { tx?: string }): Promise<Grouped<RetentionStat>[]> {
	const rows = (await db.query<RetentionCountsRow>(retentionCountsSql({ ...o, tx: o.tx ?? TX_TABLE }))).rows;
	return rows.map((r) =>
		({
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
		})
	);
}

export interface CohortCell {
	cohort: string;
	month_index: number;
	customers: number;
	cohort_size: number;
	retention: number;
	[k: string]: string | number;
}

export async function cohortRetention(db: DbClient, o: Omit<CohortOptions, 'tx'> & { tx?: string }): Promise<CohortCell[]> {
	return (await db.query<CohortCell>(cohortRetentionSql({ ...o, tx: o.tx ?? TX_TABLE }))).rows;
}

export interface TouchpointLoad {
	/** Rows in the typed touchpoint table. */
	rows: number;
	/** Rows left out because a required value was empty (mapping.someEmpty). */
	warnings: ClienteleError[];
}

/**
 * Validates the mapping on the whole raw table and builds the touchpoint table. Unreadable times or
 * scores are errors naming the first bad row; rows with an empty customer, time or touchpoint are
 * left out with a warning.
 */
export async function buildTouchpoints(db: DbClient, o: { file: string; mapping: TouchpointMapping; source?: string; target?: string }): Promise<TouchpointLoad> {
	const source = o.source ?? RAW_TABLE;
	const target = o.target ?? TOUCHPOINT_TABLE;
	const checks = (await db.query<RoleCheck & Record<string, string | number | null>>(validateTouchpointSql({ source, mapping: o.mapping }))).rows;
	const warnings: ClienteleError[] = [];
	for (const c of checks) {
		const place = { file: o.file, column: c.column, role: c.role };
		if (c.bad > 0) {
			const code = c.role === 'date' ? 'journey.badDate' : 'journey.badScore';
			throw new ClienteleError(code, { ...place, row: c.firstBadRow ?? 0, value: c.firstBadValue ?? '', count: c.bad, format: o.mapping.dateFormat.label });
		}
		if (c.empty > 0 && c.role !== 'score' && c.empty < c.total) warnings.push(new ClienteleError('mapping.someEmpty', { ...place, count: c.empty }));
	}
	await db.exec(buildTouchpointSql({ source, target, mapping: o.mapping }));
	const n = (await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(target)}`)).rows[0]?.n ?? 0;
	if (n === 0) throw new ClienteleError('journey.noRows', { file: o.file });
	return { rows: n, warnings };
}
