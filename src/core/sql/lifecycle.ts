import type { LifecycleDays, Stage } from '../lifecycle/defaults.ts';
import { returnsFilterSql, type ReturnsMode } from './rfm.ts';
import { segmentLabelSql } from './rfm-columns.ts';
import { dateLit, ident, join, sql, type Sql } from './sql.ts';

/** The CLI's per-customer lifecycle output: a contract its users rely on. Extend only at the end. */
export const LIFECYCLE_COLUMNS = ['customer_id', 'first_purchase', 'last_purchase', 'frequency', 'recency_days', 'stage'] as const;

/** How purchases are counted: distinct orders with a positive line, or distinct purchase days. */
export type LifecycleFrequency = 'orders' | 'days';

export interface LifecycleLines {
	/** The typed transaction table. */
	tx: string;
	/** YYYY-MM-DD: lines on or before this day count. */
	asOf: string;
	/** Lines left out as RFM leaves them out ('net', the default, keeps every line). */
	returns?: ReturnsMode;
	cancelledPattern?: string;
}

export interface LifecycleSqlOptions extends LifecycleLines {
	target: string;
	days: LifecycleDays;
	frequency: LifecycleFrequency;
	/**
	 * Tables with a customer_id column whose ids are potential customers while they have no purchase
	 * on or before the as-of date: the profile table (a name), and the buyers without a paid order
	 * (`since`: a timestamp column — a buyer counts from that day on, not before their first order).
	 */
	prospects?: readonly ProspectSource[];
}

/** A table of potential customers' ids; with `since`, an id counts only from that day (NULL: always). */
export type ProspectSource = string | { table: string; since: string };

/** The lines that count: on or before the as-of date, returns as RFM's `returns` option says. */
function linesWhere(o: LifecycleLines): Sql {
	const keep = returnsFilterSql(o);
	return sql`WHERE CAST(ts AS DATE) <= ${dateLit(o.asOf)} ${keep}`;
}

/**
 * One row per customer with a line on or before the as-of date, plus every prospect id: first and
 * last purchase day (a purchase is a line with a positive amount: a return never is one),
 * frequency (orders with a positive line, or purchase days), recency_days (as_of − last purchase
 * day), revenue (net of the lines that count) and the stage, the first rule that holds.
 */
export function lifecycleSql(o: LifecycleSqlOptions): Sql {
	const asOf = dateLit(o.asOf);
	const key = o.frequency === 'orders' ? sql`order_id` : sql`CAST(ts AS DATE)`;
	const prospects = o.prospects ?? [];
	const p = prospects.length
		? join(
				prospects.map((t) =>
					typeof t === 'string'
						? sql`SELECT customer_id FROM ${ident(t)} WHERE customer_id IS NOT NULL`
						: sql`SELECT customer_id FROM ${ident(t.table)} WHERE customer_id IS NOT NULL AND (${ident(t.since)} IS NULL OR CAST(${ident(t.since)} AS DATE) <= ${asOf})`
				),
				' UNION '
			)
		: sql`SELECT CAST(NULL AS VARCHAR) AS customer_id WHERE FALSE`;
	const d = o.days;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH b AS (SELECT customer_id,
				CAST(count(DISTINCT ${key}) FILTER (WHERE amount > 0) AS INTEGER) AS frequency,
				min(CAST(ts AS DATE)) FILTER (WHERE amount > 0) AS first_purchase,
				max(CAST(ts AS DATE)) FILTER (WHERE amount > 0) AS last_purchase,
				round(sum(amount), 2) AS revenue
			FROM ${ident(o.tx)} ${linesWhere(o)} GROUP BY customer_id),
		p AS (${p}),
		c AS (SELECT coalesce(b.customer_id, p.customer_id) AS customer_id, b.first_purchase, b.last_purchase,
				coalesce(b.frequency, 0) AS frequency, coalesce(b.revenue, 0) AS revenue, p.customer_id IS NOT NULL AS prospect
			FROM b FULL OUTER JOIN p ON b.customer_id = p.customer_id),
		r AS (SELECT *, CAST(date_diff('day', last_purchase, ${asOf}) AS INTEGER) AS recency_days,
				CAST(date_diff('day', first_purchase, ${asOf}) AS INTEGER) AS tenure_days FROM c)
		SELECT customer_id, first_purchase, last_purchase, frequency, recency_days, revenue,
			CASE WHEN first_purchase IS NULL AND prospect THEN 'potential'
				WHEN tenure_days <= ${d.newDays} THEN 'new'
				WHEN recency_days <= ${d.activeDays} THEN 'active'
				WHEN recency_days <= ${d.churnDays} THEN 'silent'
				ELSE 'churned' END AS stage
		FROM r`;
}

/** The CLI's output (LIFECYCLE_COLUMNS) by customer id; stage ids shown by `names`. */
export function lifecycleOutputSql(o: { table: string; names: Partial<Record<Stage, string>> }): Sql {
	const day = (c: string) => sql`strftime(${ident(c)}, '%Y-%m-%d') AS ${ident(c)}`;
	return sql`SELECT customer_id, ${day('first_purchase')}, ${day('last_purchase')}, frequency, recency_days,
			${segmentLabelSql(o.names as Record<string, string>, 'stage')} AS stage
		FROM ${ident(o.table)} ORDER BY customer_id`;
}

export interface StageSummaryRow {
	stage: Stage;
	customers: number;
	share: number;
	revenue: number;
	revenue_share: number | null;
	[k: string]: string | number | null;
}

/** Per stage: customers, share of customers, revenue (net, on or before the as-of date) and its share. */
export function stageSummarySql(table: string): Sql {
	return sql`SELECT stage, CAST(count(*) AS INTEGER) AS customers, count(*) / sum(count(*)) OVER () AS share,
			round(sum(revenue), 2) AS revenue, sum(revenue) / nullif(sum(sum(revenue)) OVER (), 0) AS revenue_share
		FROM ${ident(table)} GROUP BY stage`;
}

/** Each customer's stage at two dates (`from`, `to`: lifecycle tables); NULL where not yet known. */
export function stageTransitionsSql(o: { from: string; to: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT coalesce(t.customer_id, f.customer_id) AS customer_id, f.stage AS stage_from, t.stage AS stage_to
		FROM ${ident(o.from)} AS f FULL OUTER JOIN ${ident(o.to)} AS t ON f.customer_id = t.customer_id`;
}

export interface StageTransitionRow {
	stage_from: string | null;
	stage_to: string | null;
	customers: number;
	row_share: number;
	[k: string]: string | number | null;
}

/** The stage transition matrix as long rows: counts and row shares. */
export function stageMatrixSql(transitions: string): Sql {
	return sql`SELECT stage_from, stage_to, CAST(count(*) AS INTEGER) AS customers,
			count(*) / sum(count(*)) OVER (PARTITION BY stage_from) AS row_share
		FROM ${ident(transitions)} GROUP BY stage_from, stage_to
		ORDER BY stage_from NULLS FIRST, stage_to NULLS FIRST`;
}

export interface StageSegmentRow {
	stage: Stage;
	/** NULL: not in the RFM table (potential customers have no purchase to score). */
	segment: string | null;
	customers: number;
	revenue: number;
	[k: string]: string | number | null;
}

/** Stages × RFM segments: customers and revenue per pair (`rfm`: the segment table or view). */
export function stageSegmentSql(o: { lifecycle: string; rfm: string }): Sql {
	return sql`SELECT l.stage, r.segment, CAST(count(*) AS INTEGER) AS customers, round(sum(l.revenue), 2) AS revenue
		FROM ${ident(o.lifecycle)} AS l LEFT JOIN ${ident(o.rfm)} AS r ON l.customer_id = r.customer_id
		GROUP BY l.stage, r.segment ORDER BY l.stage, r.segment NULLS LAST`;
}

/**
 * The gaps between each customer's consecutive purchase days (lines with a positive amount, on or
 * before the as-of date), counted by length; `customers`: those with at least one gap (in every row).
 */
export function purchaseGapsSql(o: LifecycleLines): Sql {
	return sql`WITH d AS (SELECT DISTINCT customer_id, CAST(ts AS DATE) AS day FROM ${ident(o.tx)} ${linesWhere(o)} AND amount > 0),
		g AS (SELECT customer_id, date_diff('day', lag(day) OVER (PARTITION BY customer_id ORDER BY day), day) AS gap FROM d)
		SELECT CAST(gap AS INTEGER) AS gap, CAST(count(*) AS INTEGER) AS n,
			CAST(any_value(k) AS INTEGER) AS customers
		FROM g, (SELECT count(DISTINCT customer_id) AS k FROM g WHERE gap IS NOT NULL)
		WHERE gap IS NOT NULL GROUP BY gap ORDER BY gap`;
}
