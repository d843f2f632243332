/**
 * Survey KPIs in SQL: the answers are counted per group here (DuckDB), the formulas (NPS, CSAT,
 * intervals) are applied in core/kpi. Sources are the raw text table (every column VARCHAR, see
 * loadRawSql); rowid + 1 is the data-row number used in error messages.
 */
import type { DateFormat } from '../csv/dates.ts';
import { PLAIN_NUMBER, type NumberFormat } from '../csv/numbers.ts';
import { cleanCellSql } from './order-rules.ts';
import { dateExpr, numberExpr, numberOf } from './parse.ts';
import { ident, sql, type Sql } from './sql.ts';
import { blankSql } from './trim.ts';

/** Rows are grouped by nothing ('all'), a column's text, or the month/quarter of a date column. */
export type GroupBy =
	| { kind: 'all' }
	| { kind: 'column'; column: string }
	| { kind: 'period'; column: string; dateFormat: DateFormat; unit: 'month' | 'quarter' };

export const ALL_GROUP = 'all';

/** The group label: 'all'; the trimmed text (NULL when blank); 2024-03 or 2024-Q1. */
export function groupExpr(g: GroupBy | undefined): Sql {
	if (!g || g.kind === 'all') return sql`${ALL_GROUP}`;
	if (g.kind === 'column') return sql`nullif(trim(${ident(g.column)}), '')`;
	const d = dateExpr(g.column, g.dateFormat);
	return g.unit === 'month'
		? sql`strftime(${d}, '%Y-%m')`
		: sql`CAST(year(${d}) AS VARCHAR) || '-Q' || CAST(quarter(${d}) AS VARCHAR)`;
}

export interface ScoreColumn {
	/** The raw (text) table. */
	source: string;
	/** The answer column. */
	score: string;
	/** Number format of the column (default plain: 9, 10, 7.0). */
	format?: NumberFormat;
}

export function scoreExpr(o: ScoreColumn): Sql {
	return numberExpr(o.score, o.format ?? PLAIN_NUMBER);
}

export function blank(col: string): Sql {
	return blankSql(ident(col));
}

/**
 * The answers of `o.source` with each cell cleaned once, in a subquery (column c; g the group):
 * scoreExpr() inline is ≈ 18 kB of SQL (numberOf names its input about ten times, and the cleaned
 * cell is ≈ 1 kB), so a query naming it four times was ≈ 270 kB that DuckDB-WASM took 2–7 s to plan
 * on the sample's 3,000 surveys; on c, numberOf is ≈ 1.5 kB. `extra` adds columns of the source.
 */
export function cleaned(o: ScoreColumn, by: GroupBy | undefined, extra: Sql = sql``): Sql {
	return sql`(SELECT ${groupExpr(by)} AS g, ${cleanCellSql(ident(o.score))} AS c${extra} FROM ${ident(o.source)})`;
}

/** scoreExpr() on cleaned()'s column c. */
export function cleanedScore(o: ScoreColumn): Sql {
	return numberOf(ident('c'), o.format ?? PLAIN_NUMBER);
}

/**
 * One row: total, blank, bad (non-blank answers that are not whole numbers in [min, max]), and the
 * first bad data row and value — so one message can say where the file is wrong.
 */
export function scoreCheckSql(o: ScoreColumn & { min: number; max: number }): Sql {
	// The source is a table (rowid); the score is parsed once per row in a subquery, then named.
	const answers = cleaned(o, undefined, sql`, rowid AS r, ${ident(o.score)} AS raw, ${blank(o.score)} AS b`);
	return sql`SELECT count(*) AS total, count(*) FILTER (WHERE b) AS blank,
		count(*) FILTER (WHERE bad) AS bad,
		CAST(min(r + 1) FILTER (WHERE bad) AS BIGINT) AS first_bad_row,
		arg_min(raw, r) FILTER (WHERE bad) AS first_bad_value
		FROM (SELECT r, raw, b, (NOT b AND (v IS NULL OR v <> round(v) OR v < ${o.min} OR v > ${o.max})) AS bad
			FROM (SELECT r, raw, b, ${cleanedScore(o)} AS v FROM ${answers} AS a) AS t) AS u`;
}

export interface ScoreCheckRow {
	total: number;
	blank: number;
	bad: number;
	first_bad_row: number | null;
	first_bad_value: string | null;
	[k: string]: string | number | null;
}

export interface GroupedScores extends ScoreColumn {
	by?: GroupBy;
}

/**
 * NPS answer counts per group: group, n, detractors (0–6), passives (7–8), promoters (9–10).
 * Blank answers are left out; validate with scoreCheckSql first (values outside 0–10 are ignored).
 */
export function npsCountsSql(o: GroupedScores): Sql {
	const v = cleanedScore(o);
	return sql`SELECT g AS "group", CAST(count(*) AS INTEGER) AS n,
		CAST(count(*) FILTER (WHERE s <= 6) AS INTEGER) AS detractors,
		CAST(count(*) FILTER (WHERE s BETWEEN 7 AND 8) AS INTEGER) AS passives,
		CAST(count(*) FILTER (WHERE s >= 9) AS INTEGER) AS promoters
		FROM (SELECT g, ${v} AS s FROM ${cleaned(o, o.by)} AS a) AS t
		WHERE s BETWEEN 0 AND 10
		GROUP BY g ORDER BY g NULLS LAST`;
}

/**
 * CSAT counts per group: group, n (answers given), satisfied (answers ≥ satisfiedFrom, i.e. the
 * top two boxes). Blanks are left out.
 */
export function csatCountsSql(o: GroupedScores & { scale: number; satisfiedFrom: number; min?: number }): Sql {
	const v = cleanedScore(o);
	return sql`SELECT g AS "group", CAST(count(*) AS INTEGER) AS n,
		CAST(count(*) FILTER (WHERE s >= ${o.satisfiedFrom}) AS INTEGER) AS satisfied
		FROM (SELECT g, ${v} AS s FROM ${cleaned(o, o.by)} AS a) AS t
		WHERE s BETWEEN ${o.min ?? 1} AND ${o.scale}
		GROUP BY g ORDER BY g NULLS LAST`;
}

/** n, Σx and Σx² per group (for a mean with interval, e.g. CES). Blanks and non-numbers are left out. */
export function scoreMomentsSql(o: GroupedScores): Sql {
	const v = cleanedScore(o);
	return sql`SELECT g AS "group", CAST(count(s) AS INTEGER) AS n,
		sum(s) AS sum, sum(s * s) AS sum_sq
		FROM (SELECT g, ${v} AS s FROM ${cleaned(o, o.by)} AS a) AS t
		WHERE s IS NOT NULL
		GROUP BY g ORDER BY g NULLS LAST`;
}

/** The distinct non-blank values of a column (e.g. to offer groups to compare). */
export function distinctValuesSql(o: { source: string; column: string; limit?: number }): Sql {
	return sql`SELECT DISTINCT trim(${ident(o.column)}) AS value FROM ${ident(o.source)}
		WHERE NOT ${blank(o.column)} ORDER BY value LIMIT ${o.limit ?? 1000}`;
}
