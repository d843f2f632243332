import type { SegmentSet } from '../segments/rules.ts';
import { OTHERS } from '../segments/rules.ts';
import { dateLit, ident, join, lit, sql, type Sql } from './sql.ts';

export interface RfmCustomersOptions {
	/** The typed transaction table (see buildTxSql). */
	tx: string;
	target: string;
	/** YYYY-MM-DD. Transactions up to and including this day count; recency = asOf − last purchase day. */
	asOf: string;
	/** 'orders': distinct order ids; 'days': distinct purchase days (when there is no order id). */
	frequency: 'orders' | 'days';
}

/**
 * One row per customer: recency_days, frequency, monetary (returns netted), first/last purchase.
 * Orders are counted among lines with a positive amount, so a return does not count as an order.
 */
export function rfmCustomersSql(o: RfmCustomersOptions): Sql {
	const asOf = dateLit(o.asOf);
	const freq =
		o.frequency === 'orders'
			? sql`count(DISTINCT order_id) FILTER (WHERE amount > 0)`
			: sql`count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE amount > 0)`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT customer_id,
			CAST(date_diff('day', CAST(max(ts) AS DATE), ${asOf}) AS INTEGER) AS recency_days,
			CAST(${freq} AS INTEGER) AS frequency,
			round(sum(amount), 2) AS monetary,
			min(ts) AS first_ts, max(ts) AS last_ts, CAST(count(*) AS INTEGER) AS lines
		FROM ${ident(o.tx)}
		WHERE CAST(ts AS DATE) <= ${asOf}
		GROUP BY customer_id`;
}

/** The default as-of date: the day after the last transaction (YYYY-MM-DD), or NULL if none. */
export function defaultAsOfSql(tx: string): Sql {
	return sql`SELECT strftime(CAST(max(ts) AS DATE) + 1, '%Y-%m-%d') AS as_of,
		strftime(CAST(min(ts) AS DATE), '%Y-%m-%d') AS first_day FROM ${ident(tx)}`;
}

export interface ScoreOptions {
	source: string;
	target: string;
	/** Number of score bins (default 5). */
	bins?: number;
}

/**
 * Quintile (ntile) scores: equal-size groups by rank. Ties are broken by customer id (ascending),
 * so equal values can land in neighbouring groups; the result is deterministic. R: more recent →
 * higher score; F and M: larger → higher score. rfm_score = 100·R + 10·F + M.
 */
export function ntileScoresSql(o: ScoreOptions): Sql {
	const n = o.bins ?? 5;
	if (!Number.isInteger(n) || n < 2 || n > 10) throw new Error(`bins must be a whole number from 2 to 10, got ${n}`);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT *, 100 * r_score + 10 * f_score + m_score AS rfm_score FROM (
			SELECT *,
				CAST(ntile(${n}) OVER (ORDER BY recency_days DESC, customer_id) AS INTEGER) AS r_score,
				CAST(ntile(${n}) OVER (ORDER BY frequency, customer_id) AS INTEGER) AS f_score,
				CAST(ntile(${n}) OVER (ORDER BY monetary, customer_id) AS INTEGER) AS m_score
			FROM ${ident(o.source)})`;
}

/** CASE expression: the first matching rule's id, else 'others'. Mirrors matchSegment(). */
export function segmentCaseSql(set: SegmentSet): Sql {
	if (set.rules.length === 0) return lit(OTHERS);
	const whens = set.rules.map(
		(k) =>
			sql`WHEN r_score BETWEEN ${k.r[0]} AND ${k.r[1]} AND f_score BETWEEN ${k.f[0]} AND ${k.f[1]} AND m_score BETWEEN ${k.m[0]} AND ${k.m[1]} THEN ${k.id}`
	);
	return sql`CASE ${join(whens, ' ')} ELSE ${OTHERS} END`;
}

/** Segments from the score table only: a rule change never rescans transactions. */
export function segmentSql(o: { scores: string; target: string; set: SegmentSet }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score,
			${segmentCaseSql(o.set)} AS segment, first_ts, last_ts
		FROM ${ident(o.scores)}`;
}

export interface SegmentSummaryRow {
	segment: string;
	customers: number;
	share: number;
	orders: number;
	revenue: number;
	revenue_share: number;
	aov: number | null;
	median_recency: number;
	median_frequency: number;
	median_monetary: number;
	[k: string]: string | number | null;
}

/** Per segment: customers, share, orders, revenue, revenue share, AOV, median R/F/M. */
export function segmentSummarySql(rfm: string): Sql {
	const t = ident(rfm);
	return sql`SELECT segment, CAST(count(*) AS INTEGER) AS customers,
			count(*) / sum(count(*)) OVER () AS share,
			CAST(sum(frequency) AS BIGINT) AS orders,
			round(sum(monetary), 2) AS revenue,
			sum(monetary) / nullif(sum(sum(monetary)) OVER (), 0) AS revenue_share,
			round(sum(monetary) / nullif(sum(frequency), 0), 2) AS aov,
			median(recency_days) AS median_recency, median(frequency) AS median_frequency,
			median(monetary) AS median_monetary
		FROM ${t} GROUP BY segment ORDER BY revenue DESC, segment`;
}

/** R×F grid: customers and mean monetary per (r_score, f_score). */
export function rfHeatmapSql(rfm: string): Sql {
	return sql`SELECT r_score, f_score, CAST(count(*) AS INTEGER) AS customers, avg(monetary) AS mean_monetary
		FROM ${ident(rfm)} GROUP BY r_score, f_score ORDER BY r_score, f_score`;
}

/** The per-customer result in the CLI's column order; `segmentNames` maps ids to output names. */
export function rfmOutputSql(o: { rfm: string; segmentNames: Record<string, string>; where?: Sql }): Sql {
	const names = Object.entries(o.segmentNames);
	const nameCase = names.length
		? sql`CASE segment ${join(names.map(([id, name]) => sql`WHEN ${id} THEN ${name}`), ' ')} ELSE segment END`
		: sql`segment`;
	return sql`SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score,
			${nameCase} AS segment
		FROM ${ident(o.rfm)} ${o.where ?? sql``} ORDER BY customer_id`;
}
