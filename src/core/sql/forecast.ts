/**
 * The demand series of the forecast: orders, revenue or active customers per period from the typed
 * transaction table, or touchpoint events (e.g. 客服电话 calls) from the touchpoint table; per day, week
 * (starting Monday, DuckDB's ISO date_trunc) or month; overall or per group. Every period from the first to
 * the last full one is present for every group (0 when empty). An order is a (customer, order id — or day
 * without order ids) with a purchase line (amount > 0), dated by its first line; revenue nets returns (the
 * sum of amounts); an active customer bought in the period. Pure: builds Sql only; run/forecast.ts runs it.
 */
import type { Freq } from '../forecast/design.ts';
import { dateLit, ident, lit, raw, sql, type Sql } from './sql.ts';

export type ForecastMetric = 'orders' | 'revenue' | 'customers' | 'events';

export interface SeriesSource {
	/** 'tx' (transaction table: orders, revenue, customers) or 'tp' (touchpoint table: events). */
	kind: 'tx' | 'tp';
	table: string;
	/** A text table joined on its data-row number (rowid + 1 = src_row) for a group column not in `table`. */
	raw?: string;
	/** The group column: a column of `raw` (or of the touchpoint table for 'tp' when `raw` is absent). */
	by?: string;
	/** tp: only events of this touchpoint. */
	touchpoint?: string;
	/** Only days in this range (inclusive; either end optional): the analysis window, or up to the last day before stray far-future dates. */
	range?: { from?: string; to?: string };
	/** Group by a column of a customer table (e.g. the RFM table's segment), joined on customer_id; instead of `by`. */
	customers?: { table: string; column: string };
	/** Group by a basis: a select of (customer_id, grp) — segments, quadrants, tiers, stages (run/plan.ts's groupSource); instead of `by`. */
	groups?: Sql;
	/** Group by an expression over the table's own columns (e.g. journey's channel of an event); instead of `by`. */
	expr?: Sql;
}

const TRUNC: Record<Freq, string> = { day: 'day', week: 'week', month: 'month' };
const STEP: Record<Freq, string> = {
	day: "INTERVAL '1 day'",
	week: "INTERVAL '7 days'",
	month: "INTERVAL '1 month'"
};

function groupExpr(s: SeriesSource): Sql {
	if (s.groups) return sql`coalesce(CAST(c.grp AS VARCHAR), '(none)')`;
	if (s.expr) return sql`coalesce(nullif(trim(CAST(${s.expr} AS VARCHAR)), ''), '(empty)')`;
	if (s.customers) return sql`coalesce(CAST(c.${ident(s.customers.column)} AS VARCHAR), '(none)')`;
	if (!s.by) return sql`'all'`;
	const col = s.raw ? sql`r.${ident(s.by)}` : sql`e.${ident(s.by)}`;
	return sql`coalesce(nullif(trim(CAST(${col} AS VARCHAR)), ''), '(empty)')`;
}

/** The rows the series counts: g (group), d (day), v (the metric's contribution), cust (customer, for 'customers'). */
function baseSql(s: SeriesSource, metric: ForecastMetric): Sql {
	const from = s.range?.from ? sql`AND d >= ${dateLit(s.range.from)}` : sql``;
	const to = s.range?.to ? sql`AND d <= ${dateLit(s.range.to)}` : sql``;
	return sql`SELECT * FROM (${unboundedSql(s, metric)}) WHERE d IS NOT NULL ${from} ${to}`;
}

function unboundedSql(s: SeriesSource, metric: ForecastMetric): Sql {
	const join = s.groups
		? sql`LEFT JOIN (${s.groups}) c ON c.customer_id = e.customer_id`
		: s.customers
			? sql`LEFT JOIN ${ident(s.customers.table)} c ON c.customer_id = e.customer_id`
			: s.raw
				? sql`JOIN ${ident(s.raw)} r ON r.rowid + 1 = e.src_row`
				: sql``;
	const g = groupExpr(s);
	if (s.kind === 'tp') {
		const only =
			s.touchpoint === undefined ? sql`` : sql`WHERE e.touchpoint = ${lit(s.touchpoint)}`;
		return sql`SELECT ${g} AS g, CAST(e.ts AS DATE) AS d, 1.0 AS v, e.customer_id AS cust FROM ${ident(s.table)} e ${join} ${only}`;
	}
	if (metric === 'orders')
		return sql`SELECT g, min(d) AS d, 1.0 AS v, cust FROM (
				SELECT ${g} AS g, CAST(e.ts AS DATE) AS d, e.amount, e.customer_id AS cust,
					coalesce(e.order_id, CAST(CAST(e.ts AS DATE) AS VARCHAR)) AS k
				FROM ${ident(s.table)} e ${join})
			GROUP BY g, cust, k HAVING bool_or(amount > 0)`;
	if (metric === 'customers')
		return sql`SELECT ${g} AS g, CAST(e.ts AS DATE) AS d, 1.0 AS v, e.customer_id AS cust FROM ${ident(s.table)} e ${join} WHERE e.amount > 0`;
	return sql`SELECT ${g} AS g, CAST(e.ts AS DATE) AS d, e.amount AS v, e.customer_id AS cust FROM ${ident(s.table)} e ${join}`;
}

/** The first and last day with data (first_day, last_day as dates) over all groups. */
export function seriesBoundsSql(s: SeriesSource, metric: ForecastMetric): Sql {
	return sql`SELECT CAST(min(d) AS VARCHAR) AS first_day, CAST(max(d) AS VARCHAR) AS last_day FROM (${baseSql(s, metric)})`;
}

/**
 * One row per group × period from `first` to `last` (period starts, YYYY-MM-DD): g, period (text), value
 * (DOUBLE); ordered by group, then period.
 */
export function seriesSql(
	s: SeriesSource,
	metric: ForecastMetric,
	freq: Freq,
	first: string,
	last: string
): Sql {
	const unit = raw(`'${TRUNC[freq]}'`);
	const agg = metric === 'customers' ? sql`CAST(count(DISTINCT cust) AS DOUBLE)` : sql`sum(v)`;
	return sql`WITH b AS (${baseSql(s, metric)}),
		p AS (SELECT CAST(range AS DATE) AS period FROM range(${dateLit(first)}, ${dateLit(last)} + INTERVAL '1 day', ${raw(STEP[freq])})),
		gs AS (SELECT DISTINCT g FROM b),
		agg AS (SELECT g, CAST(date_trunc(${unit}, d) AS DATE) AS period, ${agg} AS value FROM b
			WHERE d >= ${dateLit(first)} AND d < ${dateLit(last)} + ${raw(STEP[freq])} GROUP BY ALL)
		SELECT gs.g, CAST(p.period AS VARCHAR) AS period, CAST(coalesce(agg.value, 0) AS DOUBLE) AS value
		FROM gs CROSS JOIN p LEFT JOIN agg ON agg.g = gs.g AND agg.period = p.period
		ORDER BY gs.g, p.period`;
}
