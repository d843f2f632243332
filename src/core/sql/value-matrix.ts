/**
 * Value matrix: current value (X) against potential value (Y), split into four quadrants.
 *   core      核心价值客户  high current, high potential
 *   potential 潜力客户      low current,  high potential
 *   general   一般客户      high current, low potential
 *   low       低价值客户    both low
 * A value at or above its split counts as high. Customers are those with a potential value
 * (a row in the CLV table with the measure defined); current revenue defaults to 0.
 */
import { dateLit, ident, sql, type Sql } from './sql.ts';

export const QUADRANTS = ['core', 'potential', 'general', 'low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export type CurrentMeasure = { kind: 'revenue'; from?: string; to?: string } | { kind: 'rfm' };
export type PotentialMeasure = 'clv' | 'alive-spend';
export type SplitRule = { kind: 'median' } | { kind: 'mean' } | { kind: 'values'; current: number; potential: number };

export interface ValueMatrixOptions {
	/** Typed transactions (customer_id, ts, amount). */
	tx: string;
	/** Per-customer CLV table (customer_id, clv, p_alive, expected_avg_spend, expected_purchases). */
	clv: string;
	/** RFM table (customer_id, r_score, f_score, m_score); needed for current = 'rfm'. */
	rfm?: string;
	target: string;
	current: CurrentMeasure;
	potential: PotentialMeasure;
	split: SplitRule;
}

export const VALUE_MATRIX_COLUMNS = ['customer_id', 'current_value', 'potential_value', 'quadrant'] as const;

function windowWhere(c: CurrentMeasure): Sql {
	if (c.kind !== 'revenue') return sql`TRUE`;
	const a = c.from ? sql`CAST(ts AS DATE) >= ${dateLit(c.from)}` : sql`TRUE`;
	const b = c.to ? sql`CAST(ts AS DATE) <= ${dateLit(c.to)}` : sql`TRUE`;
	return sql`${a} AND ${b}`;
}

function splitSql(s: SplitRule): Sql {
	if (s.kind === 'values') {
		if (!Number.isFinite(s.current) || !Number.isFinite(s.potential)) throw new RangeError(`split values must be finite numbers, got ${s.current}, ${s.potential}`);
		return sql`SELECT CAST(${s.current} AS DOUBLE) AS current_split, CAST(${s.potential} AS DOUBLE) AS potential_split`;
	}
	const f = s.kind === 'mean' ? sql`avg` : sql`median`;
	return sql`SELECT CAST(${f}(current_value) AS DOUBLE) AS current_split, CAST(${f}(potential_value) AS DOUBLE) AS potential_split FROM j`;
}

/**
 * Creates `target`: customer_id, current_value, potential_value, quadrant, revenue (in the window,
 * or all of it for the RFM score), clv, p_alive, expected_purchases, expected_avg_spend,
 * current_split, potential_split.
 */
export function valueMatrixSql(o: ValueMatrixOptions): Sql {
	if (o.current.kind === 'rfm' && !o.rfm) throw new RangeError('current value by RFM score needs the RFM table');
	const potential = o.potential === 'clv' ? sql`clv` : sql`p_alive * expected_avg_spend`;
	const current = o.current.kind === 'rfm' ? sql`CAST(r.r_score + r.f_score + r.m_score AS DOUBLE)` : sql`coalesce(rev.revenue, 0)`;
	const rfmJoin = o.current.kind === 'rfm' ? sql`JOIN ${ident(o.rfm as string)} r USING (customer_id)` : sql``;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH rev AS (SELECT customer_id, sum(amount) AS revenue FROM ${ident(o.tx)} WHERE ${windowWhere(o.current)} GROUP BY customer_id),
		j AS (SELECT c.customer_id, ${current} AS current_value, CAST(${potential} AS DOUBLE) AS potential_value,
				coalesce(rev.revenue, 0) AS revenue, c.clv, c.p_alive, c.expected_purchases, c.expected_avg_spend
			FROM ${ident(o.clv)} c LEFT JOIN rev USING (customer_id) ${rfmJoin}
			WHERE ${potential} IS NOT NULL),
		t AS (${splitSql(o.split)})
		SELECT j.customer_id, j.current_value, j.potential_value,
			CASE WHEN current_value >= current_split AND potential_value >= potential_split THEN 'core'
				WHEN potential_value >= potential_split THEN 'potential'
				WHEN current_value >= current_split THEN 'general' ELSE 'low' END AS quadrant,
			j.revenue, j.clv, j.p_alive, j.expected_purchases, j.expected_avg_spend, t.current_split, t.potential_split
		FROM j, t ORDER BY j.customer_id`;
}

/** Per quadrant: customers, share, revenue, revenue share, total and mean potential, in QUADRANTS order. */
export function valueMatrixSummarySql(matrix: string): Sql {
	return sql`WITH q AS (SELECT unnest(['core', 'potential', 'general', 'low']) AS quadrant, unnest([1, 2, 3, 4]) AS ord)
		SELECT q.quadrant, CAST(count(m.customer_id) AS INTEGER) AS customers,
			coalesce(count(m.customer_id) / nullif(sum(count(m.customer_id)) OVER (), 0), 0) AS share,
			coalesce(sum(m.revenue), 0) AS revenue,
			coalesce(sum(m.revenue) / nullif(sum(sum(m.revenue)) OVER (), 0), 0) AS revenue_share,
			coalesce(sum(m.potential_value), 0) AS potential_total, avg(m.potential_value) AS potential_mean,
			max(m.current_split) AS current_split, max(m.potential_split) AS potential_split
		FROM q LEFT JOIN ${ident(matrix)} m USING (quadrant) GROUP BY q.quadrant, q.ord ORDER BY q.ord`;
}

/** Up to `limit` customers for the scatter, a deterministic spread (by hash of the id). */
export function valueMatrixPointsSql(matrix: string, limit = 4000): Sql {
	return sql`SELECT customer_id, current_value, potential_value, quadrant FROM ${ident(matrix)} ORDER BY hash(customer_id), customer_id LIMIT ${limit}`;
}

/** Split values (one row), also when the matrix is empty. */
export function valueMatrixSplitsSql(matrix: string): Sql {
	return sql`SELECT max(current_split) AS current_split, max(potential_split) AS potential_split, CAST(count(*) AS INTEGER) AS customers FROM ${ident(matrix)}`;
}
