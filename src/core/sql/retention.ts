/**
 * Retention, churn, repurchase and cohort retention from the typed transaction table `tx`
 * (customer_id, order_id, ts, amount — see core/sql/stage.ts). A purchase is a line with amount > 0 (a
 * return is not a purchase, as in RFM). Every builder takes explicit dates: nothing reads the clock.
 * The definitions are in core/kpi/retention.ts and core/kpi/README.md.
 */
import { dateLit, ident, sql, type Sql } from './sql.ts';

export interface RetentionOptions {
	/** The typed transaction table. */
	tx: string;
	/** First and last day of the period, YYYY-MM-DD, both included. */
	start: string;
	end: string;
	/**
	 * Days without a purchase after which a customer counts as lost. Active on a day = bought on
	 * one of the `lostDays` days before it. Active at the start: a purchase in [start − L, start − 1];
	 * active at the end: a purchase in [end − L + 1, end].
	 */
	lostDays: number;
	/** What counts as one purchase for the repurchase rate: distinct orders or distinct days. */
	purchases: 'orders' | 'days';
	/** Optional grouping: a table with customer_id and a group column (e.g. the RFM segment). */
	by?: { table: string; column: string };
}

function checkPeriod(start: string, end: string): { s: Sql; e: Sql } {
	const s = dateLit(start);
	const e = dateLit(end);
	if (start > end) throw new RangeError(`the period starts (${start}) after it ends (${end})`);
	return { s, e };
}

export function checkLostDays(v: number): number {
	if (!Number.isInteger(v) || v < 1) throw new RangeError(`lost after N days: N must be a whole number ≥ 1, got ${v}`);
	return v;
}

/**
 * One row per group ('all' without `by`): customers_start, customers_end, new_customers, retained,
 * lost, reactivated, buyers, repeat_buyers — the counts retentionFromCounts() turns into rates.
 */
export function retentionCountsSql(o: RetentionOptions): Sql {
	const { s, e } = checkPeriod(o.start, o.end);
	const L = checkLostDays(o.lostDays);
	const unit = o.purchases === 'orders' ? sql`coalesce(order_id, CAST(day AS VARCHAR))` : sql`day`;
	const group = o.by ? sql`nullif(trim(CAST(g.${ident(o.by.column)} AS VARCHAR)), '')` : sql`'all'`;
	const join = o.by ? sql`LEFT JOIN ${ident(o.by.table)} AS g ON g.customer_id = c.customer_id` : sql``;
	return sql`WITH p AS (
			SELECT customer_id, CAST(ts AS DATE) AS day, order_id FROM ${ident(o.tx)}
			WHERE amount > 0 AND CAST(ts AS DATE) <= ${e}
		), c AS (
			SELECT customer_id, min(day) AS first_day,
				bool_or(day BETWEEN ${s} - ${L} AND ${s} - 1) AS active_start,
				bool_or(day BETWEEN ${e} - ${L - 1} AND ${e}) AS active_end,
				count(DISTINCT ${unit}) FILTER (WHERE day BETWEEN ${s} AND ${e}) AS purchases
			FROM p GROUP BY customer_id
		), k AS (
			SELECT ${group} AS grp, c.*, first_day BETWEEN ${s} AND ${e} AS is_new FROM c ${join}
		)
		SELECT grp AS "group",
			CAST(count(*) FILTER (WHERE active_start) AS INTEGER) AS customers_start,
			CAST(count(*) FILTER (WHERE active_end) AS INTEGER) AS customers_end,
			CAST(count(*) FILTER (WHERE is_new) AS INTEGER) AS new_customers,
			CAST(count(*) FILTER (WHERE active_start AND active_end) AS INTEGER) AS retained,
			CAST(count(*) FILTER (WHERE active_start AND NOT active_end) AS INTEGER) AS lost,
			CAST(count(*) FILTER (WHERE active_end AND NOT active_start AND NOT is_new) AS INTEGER) AS reactivated,
			CAST(count(*) FILTER (WHERE purchases >= 1) AS INTEGER) AS buyers,
			CAST(count(*) FILTER (WHERE purchases >= 2) AS INTEGER) AS repeat_buyers
		FROM k GROUP BY grp ORDER BY grp NULLS LAST`;
}

export interface RetentionCountsRow {
	group: string | null;
	customers_start: number;
	customers_end: number;
	new_customers: number;
	retained: number;
	lost: number;
	reactivated: number;
	buyers: number;
	repeat_buyers: number;
	[k: string]: string | number | null;
}

export interface CohortOptions {
	tx: string;
	/** Purchases after this day are ignored; the last month shown is this day's month. */
	end: string;
	/** Only cohorts (first-purchase months) from this day's month on (default: all). */
	start?: string;
	/** At most this many months after the first (default: all up to `end`). */
	maxMonths?: number;
}

/**
 * Cohort retention matrix by first-purchase month: cohort (YYYY-MM), month_index (0 = the first
 * month), customers (of the cohort buying in that month), cohort_size, retention = customers /
 * cohort_size. Every (cohort, month) up to `end` is present, with 0 where nobody bought.
 */
export function cohortRetentionSql(o: CohortOptions): Sql {
	const e = dateLit(o.end);
	const from = o.start ? sql`date_trunc('month', ${dateLit(o.start)})` : sql`DATE '0001-01-01'`;
	if (o.start && o.start > o.end) throw new RangeError(`the cohorts start (${o.start}) after the end (${o.end})`);
	if (o.maxMonths !== undefined && !(Number.isInteger(o.maxMonths) && o.maxMonths >= 0))
		throw new RangeError(`maxMonths must be a whole number ≥ 0, got ${o.maxMonths}`);
	const cap = o.maxMonths === undefined ? sql`` : sql`WHERE month_index <= ${o.maxMonths}`;
	return sql`WITH p AS (
			SELECT DISTINCT customer_id, CAST(date_trunc('month', CAST(ts AS DATE)) AS DATE) AS m FROM ${ident(o.tx)}
			WHERE amount > 0 AND CAST(ts AS DATE) <= ${e}
		), f AS (
			SELECT customer_id, min(m) AS cohort FROM p GROUP BY customer_id
		), sizes AS (
			SELECT cohort, CAST(count(*) AS INTEGER) AS cohort_size FROM f WHERE cohort >= ${from} GROUP BY cohort
		), grid AS (
			SELECT cohort, cohort_size, unnest(range(0, date_diff('month', cohort, CAST(date_trunc('month', ${e}) AS DATE)) + 1)) AS month_index FROM sizes
		), a AS (
			SELECT f.cohort, date_diff('month', f.cohort, p.m) AS month_index, CAST(count(*) AS INTEGER) AS customers
			FROM p JOIN f USING (customer_id) GROUP BY ALL
		)
		SELECT * FROM (
			SELECT strftime(grid.cohort, '%Y-%m') AS cohort, CAST(grid.month_index AS INTEGER) AS month_index,
				coalesce(a.customers, 0) AS customers, grid.cohort_size,
				coalesce(a.customers, 0) / grid.cohort_size AS retention
			FROM grid LEFT JOIN a ON a.cohort = grid.cohort AND a.month_index = grid.month_index
		) ${cap}
		ORDER BY cohort, month_index`;
}

/** The first purchase day (YYYY-MM-DD) in the typed transactions, up to a last day: where a retention trend starts. */
export function firstPurchaseDaySql(o: { tx: string; last: string }): Sql {
	return sql`SELECT strftime(min(CAST(ts AS DATE)), '%Y-%m-%d') AS first_day FROM ${ident(o.tx)} WHERE amount > 0 AND CAST(ts AS DATE) <= CAST(${o.last} AS DATE)`;
}
