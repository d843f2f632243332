import type { SegmentRule, SegmentSet } from '../segments/rules.ts';
import { OTHERS } from '../segments/rules.ts';
import { dateLit, ident, join, lit, sql, type Sql } from './sql.ts';
import { segmentLabelSql, segmentTextsSql, type SegmentTexts } from './rfm-columns.ts';
import { DEFAULT_RFM } from '../rfm/defaults.ts';

export type FrequencyMode = 'orders' | 'days' | 'rows';
export type MonetaryMode = 'total' | 'average';
export type ReturnsMode = 'net' | 'exclude' | 'drop-cancelled';

export interface RfmCustomersOptions {
	/** The typed transaction table (see core/sql/stage.ts: promoteStageSql). */
	tx: string;
	target: string;
	/** YYYY-MM-DD. Transactions up to and including this day count; recency = asOf − last purchase day. */
	asOf: string;
	/**
	 * YYYY-MM-DD, the analysis window's first day (core/window): transactions before it are left out
	 * of frequency and monetary (a customer with none in the window is not scored). Default: all history.
	 */
	start?: string;
	/**
	 * 'orders': distinct order ids; 'days': distinct purchase days (when there is no order id); both
	 * among lines with a positive amount. 'rows': every line (R rfm's transaction_count).
	 */
	frequency: FrequencyMode;
	/** 'total' (default): sum of amounts; 'average': total ÷ frequency (average order value). */
	monetary?: MonetaryMode;
	/**
	 * 'net' (default): returns (negative amounts) are netted; 'exclude': negative lines are left
	 * out; 'drop-cancelled': lines whose order id matches `cancelledPattern` are left out.
	 */
	returns?: ReturnsMode;
	/** LIKE pattern on order_id for 'drop-cancelled' (default 'C%'). */
	cancelledPattern?: string;
}

/** The lines RFM leaves out for its returns mode, as `AND …` ('net', the default, keeps every line); lifecycle leaves out the same. */
export function returnsFilterSql(o: { returns?: ReturnsMode; cancelledPattern?: string }): Sql {
	const returns = o.returns ?? DEFAULT_RFM.returns;
	if (returns === 'exclude') return sql`AND amount >= 0`;
	if (returns === 'drop-cancelled') return sql`AND (order_id IS NULL OR order_id NOT LIKE ${o.cancelledPattern ?? DEFAULT_RFM.cancelledPattern})`;
	return sql``;
}

/**
 * One row per customer: recency_days, frequency, monetary, first/last purchase, lines and
 * prospect (always false here: everyone in a transaction table has bought).
 */
export function rfmCustomersSql(o: RfmCustomersOptions): Sql {
	const asOf = dateLit(o.asOf);
	const keep = returnsFilterSql(o);
	const from = o.start ? sql`AND CAST(ts AS DATE) >= ${dateLit(o.start)}` : sql``;
	const where = sql`WHERE CAST(ts AS DATE) <= ${asOf} ${from} ${keep}`;
	const money = (total: Sql, freq: Sql) =>
		(o.monetary ?? DEFAULT_RFM.monetary) === 'total' ? sql`round(${total}, 2)` : sql`coalesce(round(${total} / nullif(${freq}, 0), 2), 0)`;
	const out = (c: { last: Sql; freq: Sql; total: Sql; first: Sql; lines: Sql }) => sql`customer_id,
			CAST(date_diff('day', CAST(${c.last} AS DATE), ${asOf}) AS INTEGER) AS recency_days,
			CAST(${c.freq} AS INTEGER) AS frequency,
			${money(c.total, c.freq)} AS monetary,
			${c.first} AS first_ts, ${c.last} AS last_ts, CAST(${c.lines} AS INTEGER) AS lines, FALSE AS prospect`;
	if (o.frequency === 'rows')
		return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT ${out({
			// Recency counts from the last purchase: a later return is not a purchase.
			last: sql`coalesce(max(ts) FILTER (WHERE amount > 0), max(ts))`,
			freq: sql`count(*)`,
			total: sql`sum(amount)`,
			first: sql`min(ts)`,
			lines: sql`count(*)`
		})}
		FROM ${ident(o.tx)} ${where}
		GROUP BY customer_id`;
	// Distinct orders (or days) with a purchase: each customer's lines grouped by order (day) first,
	// then counted, instead of a DISTINCT per customer (≈ 1.5× faster on DuckDB-WASM).
	const key = o.frequency === 'orders' ? sql`order_id` : sql`CAST(ts AS DATE)`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH g AS (SELECT customer_id, ${key} AS k, bool_or(amount > 0) AS bought,
				max(ts) FILTER (WHERE amount > 0) AS last_buy, max(ts) AS last_any, min(ts) AS first_ts,
				sum(amount) AS amount, count(*) AS lines
			FROM ${ident(o.tx)} ${where}
			GROUP BY customer_id, k)
		SELECT ${out({
			last: sql`coalesce(max(last_buy), max(last_any))`,
			freq: sql`count(k) FILTER (WHERE bought)`,
			total: sql`sum(amount)`,
			first: sql`min(first_ts)`,
			lines: sql`sum(lines)`
		})}
		FROM g
		GROUP BY customer_id`;
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
	const n = o.bins ?? DEFAULT_RFM.bins;
	if (!Number.isInteger(n) || n < 2 || n > 10)
		throw new Error(`bins must be a whole number from 2 to 10, got ${n}`);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT *, 100 * r_score + 10 * f_score + m_score AS rfm_score FROM (
			SELECT *,
				CAST(ntile(${n}) OVER (ORDER BY recency_days DESC, customer_id) AS INTEGER) AS r_score,
				CAST(ntile(${n}) OVER (ORDER BY frequency, customer_id) AS INTEGER) AS f_score,
				CAST(ntile(${n}) OVER (ORDER BY monetary, customer_id) AS INTEGER) AS m_score
			FROM ${ident(o.source)})`;
}

/** The condition of one rule over r_score, f_score, m_score (and prospect). Mirrors ruleMatches(). */
export function ruleCondSql(k: SegmentRule): Sql {
	if (k.prospects) return sql`coalesce(prospect, FALSE)`;
	return sql`(r_score BETWEEN ${k.r[0]} AND ${k.r[1]} AND f_score BETWEEN ${k.f[0]} AND ${k.f[1]} AND m_score BETWEEN ${k.m[0]} AND ${k.m[1]})`;
}

/** CASE expression: the first matching rule's id, else 'others'. Mirrors matchSegment(). */
export function segmentCaseSql(set: SegmentSet): Sql {
	if (set.rules.length === 0) return lit(OTHERS);
	const whens = set.rules.map((k) => sql`WHEN ${ruleCondSql(k)} THEN ${k.id}`);
	return sql`CASE ${join(whens, ' ')} ELSE ${OTHERS} END`;
}

/**
 * Segments from the score table only: a rule change never rescans transactions. `view`: the target
 * is a view over the scores (a rule change then costs no table build; readers evaluate the CASE).
 */
export function segmentSql(o: { scores: string; target: string; set: SegmentSet; view?: boolean }): Sql {
	return sql`CREATE OR REPLACE ${o.view ? sql`VIEW` : sql`TABLE`} ${ident(o.target)} AS
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

/**
 * Per segment: customers, share, orders, revenue, revenue share, AOV, median R/F/M. From the
 * segment table `rfm`, or straight from the scores with a rule set's CASE (`{ scores, set }`: a
 * rule change shows its summary before the segment view is replaced).
 */
export function segmentSummarySql(rfm: string | { scores: string; set: SegmentSet }): Sql {
	const t =
		typeof rfm === 'string'
			? ident(rfm)
			: sql`(SELECT recency_days, frequency, monetary, ${segmentCaseSql(rfm.set)} AS segment FROM ${ident(rfm.scores)})`;
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
export function rfmOutputSql(o: {
	rfm: string;
	segmentNames: Record<string, string>;
	where?: Sql;
	/** Adds meaning and action after segment (RFM_EXPLAIN_COLUMNS). */
	explain?: SegmentTexts;
}): Sql {
	const texts = o.explain ? sql`, ${segmentTextsSql(o.explain)}` : sql``;
	return sql`SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score,
			${segmentLabelSql(o.segmentNames)} AS segment${texts}
		FROM ${ident(o.rfm)} ${o.where ?? sql``} ORDER BY customer_id`;
}
