import { dateLit, ident, sql, type Sql } from './sql.ts';

export interface AbcOptions {
	/** The typed transaction table. */
	tx: string;
	target: string;
	/** Cumulative revenue share up to which a customer is A (default 0.7) and B (default 0.9). */
	a?: number;
	b?: number;
	/** Optional revenue window, inclusive days (YYYY-MM-DD). */
	from?: string;
	to?: string;
}

export function abcThresholds(o: { a?: number; b?: number }): { a: number; b: number } {
	const a = o.a ?? 0.7;
	const b = o.b ?? 0.9;
	if (!(a > 0 && a < 1)) throw new Error(`ABC threshold A must be between 0 and 1 (exclusive), got ${a}`);
	if (!(b > a && b <= 1)) throw new Error(`ABC threshold B must be above A (${a}) and at most 1, got ${b}`);
	return { a, b };
}

/**
 * ABC / Pareto classes. Customers sorted by revenue (descending; ties by customer id ascending); a
 * customer's cumulative share includes itself and is taken of the total of positive customer
 * revenues; A while it is ≤ a, B while ≤ b, else C; revenue ≤ 0 is always C.
 */
export function abcSql(o: AbcOptions): Sql {
	const { a, b } = abcThresholds(o);
	const conds: Sql[] = [];
	if (o.from) conds.push(sql`CAST(ts AS DATE) >= ${dateLit(o.from)}`);
	if (o.to) conds.push(sql`CAST(ts AS DATE) <= ${dateLit(o.to)}`);
	const where = conds.length ? sql`WHERE ${conds.reduce((x, y) => sql`${x} AND ${y}`)}` : sql``;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH rev AS (SELECT customer_id, round(sum(amount), 2) AS revenue FROM ${ident(o.tx)} ${where} GROUP BY customer_id),
		ranked AS (
			SELECT customer_id, revenue,
				row_number() OVER (ORDER BY revenue DESC, customer_id) AS rank,
				sum(greatest(revenue, 0)) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING)
					/ nullif(sum(greatest(revenue, 0)) OVER (), 0) AS cum_share
			FROM rev)
		SELECT customer_id, revenue, CAST(rank AS INTEGER) AS rank, coalesce(cum_share, 0) AS cum_share,
			CASE WHEN revenue <= 0 OR cum_share IS NULL THEN 'C'
				WHEN cum_share <= ${a} + 1e-12 THEN 'A' WHEN cum_share <= ${b} + 1e-12 THEN 'B' ELSE 'C' END AS abc_class
		FROM ranked`;
}

/** Per class: customers, customer share, revenue, revenue share. */
export function abcSummarySql(abc: string): Sql {
	return sql`SELECT abc_class, CAST(count(*) AS INTEGER) AS customers, count(*) / sum(count(*)) OVER () AS customer_share,
			round(sum(revenue), 2) AS revenue, sum(greatest(revenue, 0)) / nullif(sum(sum(greatest(revenue, 0))) OVER (), 0) AS revenue_share
		FROM ${ident(abc)} GROUP BY abc_class ORDER BY abc_class`;
}

/**
 * Pareto (Lorenz) curve points (customers in rank order, at most `points` of them, evenly spaced),
 * the share of customers that makes 80 % of revenue, and the Gini coefficient of positive revenues.
 */
export function paretoSql(abc: string, points = 200): Sql {
	return sql`WITH p AS (SELECT rank, cum_share, rank / count(*) OVER () AS customer_share, count(*) OVER () AS n FROM ${ident(abc)})
		SELECT customer_share, cum_share FROM p
		WHERE rank % greatest(1, CAST(n / ${points} AS BIGINT)) = 0 OR rank = 1 OR rank = n ORDER BY rank`;
}

export function paretoStatsSql(abc: string): Sql {
	return sql`WITH s AS (SELECT greatest(revenue, 0) AS v, cum_share, rank, count(*) OVER () AS n FROM ${ident(abc)}),
		g AS (SELECT row_number() OVER (ORDER BY v) AS i, v, n FROM s)
		SELECT (SELECT min(rank) / max(n) FROM s WHERE cum_share >= 0.8 - 1e-12) AS share_for_80,
			(SELECT (2 * sum(i * v)) / (max(n) * nullif(sum(v), 0)) - (max(n) + 1) / max(n) FROM g) AS gini`;
}
