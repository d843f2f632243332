/**
 * What some commands do to their rows in TypeScript before toCsv, as SQL over the query that
 * returned them, so an exported script writes the same cells: category labels in another language
 * (cli/labels.ts's relabel), KPI rates as percentages rounded like round4 (Math.round(v·10⁴)/10⁴).
 */
import { segmentLabelSql } from '../sql/rfm-columns.ts';
import { ident, join, lit, raw, sql, type Sql } from '../sql/sql.ts';

/** The rows of `inner` with `column`'s values replaced where `labels` lists them (every column kept, in order). */
export function relabelSql(inner: string, columns: readonly string[], column: string, labels: Readonly<Record<string, string>>): Sql {
	if (Object.keys(labels).length === 0) return raw(inner);
	const cols = columns.map((c) => (c === column ? sql`${segmentLabelSql(labels, c)} AS ${ident(c)}` : ident(c)));
	return sql`SELECT ${join(cols)} FROM (${raw(inner)}) AS r`;
}

/** JavaScript's Math.round (half toward +∞) of a DOUBLE, exactly (v − floor(v) is exact). */
export function jsRoundSql(e: Sql): Sql {
	return sql`CASE WHEN ${e} - floor(${e}) >= 0.5 THEN ceil(${e}) ELSE floor(${e}) END`;
}

/** cli/kpi.ts's pct: round4(x · 100) of a DOUBLE; NULL where x is NULL, NaN or infinite. */
export function pctSql(x: Sql): Sql {
	const v = sql`(CAST(${x} AS DOUBLE) * 100 * 10000)`;
	return sql`CASE WHEN isfinite(CAST(${x} AS DOUBLE) * 100) THEN ${jsRoundSql(v)} / 10000 END`;
}

/** `kpi retention`'s summary rows from the counts query (run/kpi.ts retentionByGroup + core/kpi/retention.ts). */
export function retentionSummarySql(inner: string, o: { start: string; end: string; lostDays: number; labels: Readonly<Record<string, string>> }): Sql {
	const rate = (num: Sql, den: string) => pctSql(sql`CASE WHEN ${ident(den)} <> 0 THEN CAST(${num} AS DOUBLE) / ${ident(den)} END`);
	return sql`SELECT ${segmentLabelSql(o.labels, 'group')} AS "group", ${lit(o.start)} AS start, ${lit(o.end)} AS "end", ${lit(o.lostDays)} AS lost_days,
		customers_start, customers_end, new_customers, retained, lost, reactivated, buyers, repeat_buyers,
		${rate(sql`customers_end - new_customers`, 'customers_start')} AS retention,
		${rate(sql`lost`, 'customers_start')} AS churn,
		${rate(sql`retained`, 'customers_start')} AS retained_share,
		${rate(sql`repeat_buyers`, 'buyers')} AS repurchase_rate
		FROM (${raw(inner)}) AS c`;
}

/** `kpi retention --report cohorts`: the cells with retention as a rounded percentage. */
export function cohortCellsSql(inner: string): Sql {
	return sql`SELECT cohort, month_index, customers, cohort_size, ${pctSql(sql`retention`)} AS retention FROM (${raw(inner)}) AS c`;
}
