import { ident, sql, type Sql } from './sql.ts';

/**
 * Aggregates behind the RFM plot set, all over the per-customer segment table (RFM_TABLE:
 * customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment). The page
 * only ever receives bins, cells, totals or a bounded sample — never one row per customer.
 */

export type RfmMeasure = 'recency_days' | 'frequency' | 'monetary';
export type ScoreColumn = 'r_score' | 'f_score' | 'm_score';

export interface HistogramBin {
	/** 0 … bins − 1; `bins` is the overflow bin (values above the cut). */
	bin: number;
	x0: number;
	x1: number;
	customers: number;
	/** True for the last bin holding every value above the 99th percentile (drawn one bin wide). */
	overflow: boolean;
	[k: string]: string | number | boolean | null;
}

/**
 * Equal-width bins from the minimum to the 99th percentile (a long tail would squash every other
 * bar), plus one overflow bin for the values above it, drawn one bin wide at the right and
 * flagged. Integer columns (recency, frequency) get whole-number bin widths. Empty bins are left out.
 */
export function histogramSql(o: { rfm: string; column: RfmMeasure; bins?: number }): Sql {
	const n = o.bins ?? 30;
	if (!Number.isInteger(n) || n < 2 || n > 200) throw new Error(`histogram bins must be a whole number from 2 to 200, got ${n}`);
	const c = ident(o.column);
	const whole = o.column !== 'monetary';
	const width = whole
		? sql`greatest(1, ceil((hi - lo + 1) / ${n}))`
		: sql`CASE WHEN hi > lo THEN (hi - lo) / ${n} ELSE 1 END`;
	return sql`WITH v AS (SELECT CAST(${c} AS DOUBLE) AS x FROM ${ident(o.rfm)} WHERE ${c} IS NOT NULL),
		b AS (SELECT min(x) AS lo, quantile_cont(x, 0.99) AS hi FROM v),
		w AS (SELECT lo, hi, ${width} AS width FROM b),
		k AS (SELECT CASE WHEN x > hi THEN ${n} ELSE least(CAST(floor((x - lo) / width) AS INTEGER), ${n} - 1) END AS bin
			FROM v, w)
		SELECT CAST(bin AS INTEGER) AS bin, lo + bin * width AS x0, lo + (bin + 1) * width AS x1,
			CAST(count(*) AS INTEGER) AS customers, bin = ${n} AS overflow
		FROM k, w GROUP BY bin, lo, width ORDER BY bin`;
}

export interface OrderCountRow {
	/** The number of purchases (orders, days or rows as scored); `cap` stands for cap or more. */
	frequency: number;
	customers: number;
	share: number;
	capped: boolean;
	[k: string]: string | number | boolean | null;
}

/** Customers by number of purchases 0 … cap − 1 and "cap or more" in the last row. */
export function orderCountSql(o: { rfm: string; cap?: number }): Sql {
	const cap = o.cap ?? 10;
	if (!Number.isInteger(cap) || cap < 2) throw new Error(`order-count cap must be a whole number ≥ 2, got ${cap}`);
	return sql`SELECT n AS frequency, CAST(count(*) AS INTEGER) AS customers,
			count(*) / sum(count(*)) OVER () AS share, n = ${cap} AS capped
		FROM (SELECT CAST(least(frequency, ${cap}) AS INTEGER) AS n FROM ${ident(o.rfm)}) GROUP BY n ORDER BY n`;
}

export interface ScoreCell {
	x: number;
	y: number;
	customers: number;
	mean_monetary: number;
	[k: string]: number;
}

/** One cell per pair of scores (e.g. x f_score, y r_score): customers and mean monetary. */
export function scoreCellsSql(o: { rfm: string; x: ScoreColumn; y: ScoreColumn }): Sql {
	if (o.x === o.y) throw new Error(`a heatmap needs two different scores, got ${o.x} twice`);
	return sql`SELECT CAST(${ident(o.x)} AS INTEGER) AS x, CAST(${ident(o.y)} AS INTEGER) AS y,
			CAST(count(*) AS INTEGER) AS customers, avg(monetary) AS mean_monetary
		FROM ${ident(o.rfm)} GROUP BY 1, 2 ORDER BY 1, 2`;
}

export interface ScatterPoint {
	customer_id: string;
	frequency: number;
	monetary: number;
	segment: string;
	[k: string]: string | number;
}

export interface ScatterStats {
	/** All customers in the table. */
	total: number;
	/** Customers with frequency > 0 and monetary > 0 (drawable on log scales). */
	positive: number;
	[k: string]: number;
}

export const SCATTER_LIMIT = 5_000;

/** How many customers can be drawn on log-log axes, out of how many. */
export function scatterStatsSql(rfm: string): Sql {
	return sql`SELECT CAST(count(*) AS INTEGER) AS total,
			CAST(count(*) FILTER (WHERE frequency > 0 AND monetary > 0) AS INTEGER) AS positive
		FROM ${ident(rfm)}`;
}

/**
 * F and M of at most `limit` customers with positive F and M. Above the limit the sample is
 * deterministic: the customers with the smallest hash of (seed, id) — the same data and seed
 * always give the same points, and every customer is equally likely to be in it.
 */
export function scatterSampleSql(o: { rfm: string; limit?: number; seed?: string }): Sql {
	const limit = o.limit ?? SCATTER_LIMIT;
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`sample size must be a whole number ≥ 1, got ${limit}`);
	return sql`SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(frequency AS DOUBLE) AS frequency,
			CAST(monetary AS DOUBLE) AS monetary, segment
		FROM ${ident(o.rfm)} WHERE frequency > 0 AND monetary > 0
		ORDER BY hash(${o.seed ?? 'clientele'} || CAST(customer_id AS VARCHAR)), customer_id
		LIMIT ${limit}`;
}

export interface SegmentTotalsRow {
	segment: string;
	customers: number;
	revenue: number;
	customer_share: number;
	revenue_share: number;
	median_recency: number;
	median_frequency: number;
	median_monetary: number;
	[k: string]: string | number;
}

/** Per segment: customers, revenue, both shares and the median R, F and M (largest first). */
export function segmentTotalsSql(rfm: string): Sql {
	return sql`SELECT segment, CAST(count(*) AS INTEGER) AS customers, round(sum(monetary), 2) AS revenue,
			count(*) / sum(count(*)) OVER () AS customer_share,
			coalesce(sum(monetary) / nullif(sum(sum(monetary)) OVER (), 0), 0) AS revenue_share,
			CAST(median(recency_days) AS DOUBLE) AS median_recency, CAST(median(frequency) AS DOUBLE) AS median_frequency,
			CAST(median(monetary) AS DOUBLE) AS median_monetary
		FROM ${ident(rfm)} GROUP BY segment ORDER BY customers DESC, segment`;
}
