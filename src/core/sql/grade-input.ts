/**
 * Grading, step 1: the indicator values per customer (pure builder). One row per customer of the
 * RFM base table (everyone with a line on or before the as-of date), the indicators as columns
 * v0, v1 … in the standard's order (names are the user's: kept out of the SQL until the output),
 * and the customer's revenue for the tier summary. Sources joined only when an indicator needs them.
 */
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { isBuiltinIndicator } from '../grade/standard.ts';
import { dateExpr, idExpr, numberExpr, PLAIN } from './parse.ts';
import { dateLit, ident, join, raw, sql, type Sql } from './sql.ts';

/** Value column of the i-th indicator in the grading tables. */
export const valueCol = (i: number): Sql => raw(`v${i}`);
/** Points column of the i-th indicator. */
export const pointsCol = (i: number): Sql => raw(`p${i}`);

/** An answer column of the survey file (text table) and how its numbers are written. */
export interface SurveyAnswer {
	column: string;
	format?: NumberFormat;
}

/** The survey answers (a raw text table): who answered, when (optional), and the two questions. */
export interface SurveySource {
	table: string;
	customer: string;
	/** Without a date column every answer counts and the last row is the latest. */
	date?: { column: string; format: DateFormat };
	recommend?: SurveyAnswer;
	csat?: SurveyAnswer;
}

export interface GradeInputOptions {
	/** The RFM per-customer table (customer_id, recency_days, frequency, monetary). */
	base: string;
	/** The typed transactions (customer_id, ts, amount; cost for margin). */
	tx: string;
	/** YYYY-MM-DD: lines and answers on or before this day count (RFM's as-of). */
	asOf: string;
	/** The base's monetary is the average per purchase (RFM's "average" mode), not the total. */
	monetaryIsAverage?: boolean;
	/** CLV table (customer_id, clv, p_alive) for clv and p_alive. */
	clv?: string | null;
	surveys?: SurveySource | null;
	/** Profile table (customer_id + typed attribute columns) for any other indicator name. */
	profiles?: string | null;
	/** Indicator names in the standard's order. */
	indicators: readonly string[];
	target: string;
}

/** The latest answer to one question per customer, on or before the as-of date (file order breaks ties). */
function latestAnswerSql(s: SurveySource, a: SurveyAnswer, asOf: string): Sql {
	const d = s.date ? sql`, ${dateExpr(s.date.column, s.date.format)} AS d` : sql``;
	const when = s.date ? sql`AND d IS NOT NULL AND CAST(d AS DATE) <= ${dateLit(asOf)}` : sql``;
	return sql`(SELECT cid AS customer_id, score FROM (
			SELECT ${idExpr(s.customer)} AS cid, ${numberExpr(a.column, a.format ?? PLAIN)} AS score${d}, rowid AS r FROM ${ident(s.table)})
		WHERE cid IS NOT NULL AND score IS NOT NULL ${when}
		QUALIFY row_number() OVER (PARTITION BY cid ORDER BY ${s.date ? sql`d DESC, ` : sql``}r DESC) = 1)`;
}

function need<T>(v: T | null | undefined, what: string): T {
	if (v === null || v === undefined) throw new Error(`grading: ${what} is needed but not given`);
	return v;
}

/** CREATE TABLE target: customer_id, revenue, v0 … (DOUBLE; NULL = missing). */
export function gradeInputSql(o: GradeInputOptions): Sql {
	const asOf = dateLit(o.asOf);
	const joins: Sql[] = [];
	const names = new Set(o.indicators);
	const extras = names.has('tenure_days') || names.has('margin');
	if (extras) {
		const margin = names.has('margin') ? sql`sum(amount - cost)` : sql`CAST(NULL AS DOUBLE)`;
		joins.push(sql`LEFT JOIN (SELECT customer_id, CAST(min(ts) FILTER (WHERE amount > 0) AS DATE) AS first_buy, ${margin} AS margin
			FROM ${ident(o.tx)} WHERE CAST(ts AS DATE) <= ${asOf} GROUP BY customer_id) e ON e.customer_id = b.customer_id`);
	}
	if (names.has('clv') || names.has('p_alive'))
		joins.push(
			sql`LEFT JOIN ${ident(need(o.clv, 'the CLV table'))} c ON c.customer_id = b.customer_id`
		);
	if (names.has('recommend_score')) {
		const s = need(o.surveys, 'a survey file');
		joins.push(
			sql`LEFT JOIN ${latestAnswerSql(s, need(s.recommend, 'the recommend column'), o.asOf)} sr ON sr.customer_id = b.customer_id`
		);
	}
	if (names.has('csat')) {
		const s = need(o.surveys, 'a survey file');
		joins.push(
			sql`LEFT JOIN ${latestAnswerSql(s, need(s.csat, 'the CSAT column'), o.asOf)} sc ON sc.customer_id = b.customer_id`
		);
	}
	if (o.indicators.some((n) => !isBuiltinIndicator(n)))
		joins.push(
			sql`LEFT JOIN ${ident(need(o.profiles, 'the profile table'))} pr ON pr.customer_id = b.customer_id`
		);
	const revenue = o.monetaryIsAverage ? sql`round(b.monetary * b.frequency, 2)` : sql`b.monetary`;
	const value = (n: string): Sql => {
		switch (n) {
			case 'recency_days':
				return sql`b.recency_days`;
			case 'frequency':
				return sql`b.frequency`;
			case 'monetary':
				return sql`b.monetary`;
			case 'avg_order_value':
				return o.monetaryIsAverage
					? sql`CASE WHEN b.frequency > 0 THEN b.monetary END`
					: sql`round(b.monetary / nullif(b.frequency, 0), 2)`;
			case 'tenure_days':
				return sql`date_diff('day', e.first_buy, ${asOf})`;
			case 'margin':
				return sql`e.margin`;
			case 'clv':
				return sql`c.clv`;
			case 'p_alive':
				return sql`c.p_alive`;
			case 'recommend_score':
				return sql`sr.score`;
			case 'csat':
				return sql`sc.score`;
			default:
				return sql`pr.${ident(n)}`;
		}
	};
	const cols = o.indicators.map((n, i) => sql`CAST(${value(n)} AS DOUBLE) AS ${valueCol(i)}`);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT b.customer_id, CAST(${revenue} AS DOUBLE) AS revenue, ${join(cols)}
		FROM ${ident(o.base)} b ${join(joins, ' ')}`;
}

/** Quantiles (linear interpolation) of base-table columns: one row, q_<column index>_<prob index>. */
export function baseQuantilesSql(o: {
	base: string;
	columns: readonly string[];
	probs: readonly number[];
}): Sql {
	const cols = o.columns.flatMap((c, i) =>
		o.probs.map((p, j) => sql`quantile_cont(${ident(c)}, ${p}) AS ${raw(`q_${i}_${j}`)}`)
	);
	return sql`SELECT ${join(cols)} FROM ${ident(o.base)}`;
}
