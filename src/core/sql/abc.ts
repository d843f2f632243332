import { dateLit, ident, sql, type Sql } from './sql.ts';

/** The default class cuts, as shares of revenue: A up to 70 %, B up to 90 % (page and CLI). */
export const DEFAULT_ABC: Readonly<{ a: number; b: number }> = { a: 0.7, b: 0.9 };

export interface AbcOptions {
	/** The typed transaction table. */
	tx: string;
	target: string;
	/** Cumulative revenue share up to which a customer is A and B (default DEFAULT_ABC). */
	a?: number;
	b?: number;
	/** Optional revenue window, inclusive days (YYYY-MM-DD). */
	from?: string;
	to?: string;
}

export function abcThresholds(o: { a?: number; b?: number }): { a: number; b: number } {
	const a = o.a ?? DEFAULT_ABC.a;
	const b = o.b ?? DEFAULT_ABC.b;
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

/** The classes in display order; the class table always lists all three, empty ones with zeros. */
export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/** The per-customer export columns of the page (the CLI's plus the RFM segment). */
export const ABC_EXPORT_COLUMNS = ['customer_id', 'revenue', 'cum_share', 'abc_class', 'segment'] as const;

export interface AbcClassRow {
	abc_class: AbcClass;
	customers: number;
	customer_share: number;
	revenue: number;
	/** Of the total of positive revenues (as the classes are cut). */
	revenue_share: number;
	/** Mean revenue per customer of the class; null for an empty class. */
	avg_revenue: number | null;
	[k: string]: string | number | null;
}

/** Per class A, B, C (always all three): customers, shares, revenue and mean revenue per customer. */
export function abcClassTableSql(abc: string): Sql {
	return sql`WITH k(abc_class) AS (VALUES ('A'), ('B'), ('C')),
		s AS (SELECT abc_class, count(*) AS n, sum(revenue) AS rev, sum(greatest(revenue, 0)) AS pos FROM ${ident(abc)} GROUP BY abc_class)
		SELECT k.abc_class, CAST(coalesce(s.n, 0) AS INTEGER) AS customers,
			coalesce(coalesce(s.n, 0) / nullif(sum(s.n) OVER (), 0), 0) AS customer_share,
			round(coalesce(s.rev, 0), 2) AS revenue,
			coalesce(coalesce(s.pos, 0) / nullif(sum(s.pos) OVER (), 0), 0) AS revenue_share,
			round(s.rev / nullif(s.n, 0), 2) AS avg_revenue
		FROM k LEFT JOIN s USING (abc_class) ORDER BY k.abc_class`;
}

export interface AbcCustomersOptions {
	abc: string;
	/** The RFM table to take each customer's segment from (left join: a customer without one gets NULL). */
	rfm?: string;
	/** Segment id → display name (see segmentLabelSql); ids not listed stay as they are. */
	segment?: Sql;
	/** Only this class; all customers when absent. */
	abcClass?: AbcClass;
	/** Output column names (for a grid in the user's language); defaults are ABC_EXPORT_COLUMNS. */
	names?: Partial<Record<(typeof ABC_EXPORT_COLUMNS)[number] | 'rank', string>>;
	/** Add the rank column (first after the id). */
	withRank?: boolean;
	/** cum_share as a percentage (2 decimals) instead of a share (6 decimals). */
	percent?: boolean;
}

/**
 * The customers of one class (or all) in rank order, with revenue, cumulative share, class and their
 * RFM segment. `segment` is an expression over the rfm table's `segment` column (segmentLabelSql).
 */
export function abcCustomersSql(o: AbcCustomersOptions): Sql {
	const n = (k: (typeof ABC_EXPORT_COLUMNS)[number] | 'rank') => ident(o.names?.[k] ?? k);
	const share = o.percent ? sql`round(a.cum_share * 100, 2)` : sql`round(a.cum_share, 6)`;
	const seg = o.rfm ? (o.segment ?? sql`r.segment`) : sql`CAST(NULL AS VARCHAR)`;
	const from = o.rfm ? sql`${ident(o.abc)} a LEFT JOIN ${ident(o.rfm)} r ON r.customer_id = a.customer_id` : sql`${ident(o.abc)} a`;
	const where = o.abcClass ? sql`WHERE a.abc_class = ${o.abcClass}` : sql``;
	const rank = o.withRank ? sql`a.rank AS ${n('rank')}, ` : sql``;
	return sql`SELECT a.customer_id AS ${n('customer_id')}, ${rank}a.revenue AS ${n('revenue')}, ${share} AS ${n('cum_share')},
			a.abc_class AS ${n('abc_class')}, ${seg} AS ${n('segment')}
		FROM ${from} ${where} ORDER BY a.rank`;
}

/** The CLI's output: customer_id, revenue, cum_share (6 decimals), abc_class, in rank order. */
export function abcListSql(abc: string): Sql {
	return sql`SELECT customer_id, revenue, round(cum_share, 6) AS cum_share, abc_class FROM ${ident(abc)} ORDER BY rank`;
}

/** First and last day of the transactions (YYYY-MM-DD), for the revenue window's bounds. */
export function txDayRangeSql(tx: string): Sql {
	return sql`SELECT strftime(min(ts), '%Y-%m-%d') AS first_day, strftime(max(ts), '%Y-%m-%d') AS last_day FROM ${ident(tx)}`;
}
