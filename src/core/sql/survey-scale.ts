/**
 * What the survey import reads to choose an answer scale and to say how well the ids match: the
 * range and mean of an answer column's whole-number answers, and the share of a dataset's customer
 * ids found among the transactions' customers.
 */
import { idExpr } from './parse.ts';
import { blank, cleaned, cleanedScore, type ScoreColumn } from './kpi.ts';
import { ident, sql, type Sql } from './sql.ts';

/** One row: min, max and mean of the non-blank answers that read as whole numbers (nulls without any). */
export function answerRangeSql(o: ScoreColumn): Sql {
	return sql`SELECT min(s) AS min, max(s) AS max, avg(s) AS mean FROM (
			SELECT ${cleanedScore(o)} AS s FROM ${cleaned(o, undefined, sql`, ${blank(o.score)} AS b`)} AS a WHERE NOT b) AS t
		WHERE s IS NOT NULL AND s = round(s)`;
}

/**
 * One row: ids = distinct non-blank customer ids of `source`.`column` (read as the transactions'
 * ids are: trimmed, '17850.0' → '17850' as idExpr does; `typed`: the column is already an id), matched =
 * how many of them are customers of `tx`.
 */
export function idMatchSql(o: { source: string; column: string; tx: string; typed?: boolean }): Sql {
	const id = o.typed ? ident(o.column) : idExpr(o.column);
	return sql`WITH d AS (SELECT DISTINCT ${id} AS customer_id FROM ${ident(o.source)})
		SELECT CAST(count(*) AS INTEGER) AS ids,
			CAST(count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM ${ident(o.tx)})) AS INTEGER) AS matched
		FROM d WHERE customer_id IS NOT NULL`;
}
