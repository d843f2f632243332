import type { EvaluateWindows } from '../evaluate/defaults.ts';
import { dateLit, ident, join, lit, sql, type Sql } from './sql.ts';

/**
 * The plan evaluation (绩效评估): the cohort of an action list (customer_id, group, control) as it
 * stood at the plan's start, and what its customers bought in three periods of equal length.
 * A purchase is a line with a positive amount, counted as RFM counts: distinct orders with a
 * positive line, or purchase days when there is no order id. Revenue is the net of every line.
 */

/** The columns an action-list CSV must have (what `plan` writes and the page exports). */
export const ACTION_COLUMNS = ['customer_id', 'group', 'control'] as const;

/** How a text cell reads as the control flag (true/false as `plan` writes them, 1/0, yes/no, 是/否). */
const CONTROL_TRUE = ['true', '1', 'yes', 'y', '是'];
const CONTROL_FALSE = ['false', '0', 'no', 'n', '否'];
const list = (xs: readonly string[]) => join(xs.map((x) => lit(x)));

export type ActionProblem = {
	problem: 'noId' | 'noGroup' | 'badControl' | 'duplicate';
	/** 1-based data row of the first one, and its value (the id, or the control cell). */
	row: number;
	value: string;
};

/** What keeps an action-list text table from being a cohort: the first of each kind, by row. */
export function actionProblemsSql(raw: string): Sql {
	return sql`WITH r AS (SELECT rowid + 1 AS r, nullif(trim(customer_id), '') AS id, nullif(trim("group"), '') AS grp,
				lower(trim(coalesce(control, ''))) AS ctl FROM ${ident(raw)}),
		d AS (SELECT id, r, row_number() OVER (PARTITION BY id ORDER BY r) AS i FROM r WHERE id IS NOT NULL)
		SELECT * FROM (
			SELECT 'noId' AS problem, CAST(min(r) AS INTEGER) AS "row", '' AS "value" FROM r WHERE id IS NULL HAVING count(*) > 0
			UNION ALL SELECT 'noGroup', CAST(min(r) AS INTEGER), arg_min(id, r) FROM r WHERE id IS NOT NULL AND grp IS NULL HAVING count(*) > 0
			UNION ALL SELECT 'badControl', CAST(min(r) AS INTEGER), arg_min(ctl, r) FROM r
				WHERE id IS NOT NULL AND ctl NOT IN (${list([...CONTROL_TRUE, ...CONTROL_FALSE])}) HAVING count(*) > 0
			UNION ALL SELECT 'duplicate', CAST(min(r) AS INTEGER), arg_min(id, r) FROM d WHERE i = 2 HAVING count(*) > 0
		) ORDER BY "row"`;
}

/**
 * The cohort from a checked action-list text table: customer_id, group, control (BOOLEAN) and
 * next_contact (DATE, when the file has the column and the cell reads as YYYY-MM-DD).
 */
export function cohortFromActionsSql(o: { raw: string; target: string; nextContact: boolean }): Sql {
	const next = o.nextContact ? sql`try_strptime(nullif(trim(next_contact), ''), '%Y-%m-%d')::DATE` : sql`CAST(NULL AS DATE)`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT trim(customer_id) AS customer_id, trim("group") AS "group",
			lower(trim(control)) IN (${list(CONTROL_TRUE)}) AS control, ${next} AS next_contact
		FROM ${ident(o.raw)} WHERE nullif(trim(customer_id), '') IS NOT NULL`;
}

/** The cohort of the page's current action list (run/plan.ts's table). */
export function cohortFromPlanSql(actions: string, target: string): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(target)} AS
		SELECT customer_id, "group", control, next_contact FROM ${ident(actions)}`;
}

/** The earliest next contact of the cohort (the default plan start), NULL without any. */
export function earliestContactSql(cohort: string): Sql {
	return sql`SELECT strftime(min(next_contact), '%Y-%m-%d') AS start FROM ${ident(cohort)}`;
}

export interface EvaluateSqlOptions {
	cohort: string;
	tx: string;
	windows: EvaluateWindows;
	frequency: 'orders' | 'days';
	target: string;
}

/**
 * One row per cohort customer: for each period k (0 = prior, 1 = before, 2 = after) whether they
 * bought (a<k>), their revenue (rev<k>) and orders (ord<k>). A line on a period's first day counts
 * in it; on its last (exclusive) day, in the next.
 */
export function evaluateCustomersSql(o: EvaluateSqlOptions): Sql {
	const w = o.windows;
	const key = o.frequency === 'orders' ? sql`order_id` : sql`CAST(ts AS DATE)`;
	const d = sql`CAST(ts AS DATE)`;
	const period = sql`CASE WHEN ${d} < ${dateLit(w.before.from)} THEN 0 WHEN ${d} < ${dateLit(w.after.from)} THEN 1 ELSE 2 END`;
	const per = (k: number) =>
		sql`coalesce(sum(amount) FILTER (WHERE p = ${k}), 0) AS ${ident(`rev${k}`)},
			CAST(count(DISTINCT k) FILTER (WHERE p = ${k} AND amount > 0) AS INTEGER) AS ${ident(`ord${k}`)}`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH l AS (SELECT customer_id, amount, ${key} AS k, ${period} AS p FROM ${ident(o.tx)}
				WHERE ${d} >= ${dateLit(w.prior.from)} AND ${d} < ${dateLit(w.after.to)}),
		b AS (SELECT customer_id, ${per(0)}, ${per(1)}, ${per(2)} FROM l GROUP BY customer_id)
		SELECT c.customer_id, c."group", c.control,
			coalesce(b.ord0, 0) > 0 AS a0, coalesce(b.ord1, 0) > 0 AS a1, coalesce(b.ord2, 0) > 0 AS a2,
			coalesce(b.rev0, 0) AS rev0, coalesce(b.rev1, 0) AS rev1, coalesce(b.rev2, 0) AS rev2,
			coalesce(b.ord1, 0) AS ord1, coalesce(b.ord2, 0) AS ord2
		FROM ${ident(o.cohort)} c LEFT JOIN b ON b.customer_id = c.customer_id`;
}

/** The sums per group that the evaluation's statistics are computed from (run/evaluate.ts). */
export type EvaluateSums = {
	group: string;
	customers: number;
	contacted: number;
	control: number;
	buyers_prior: number;
	buyers_before: number;
	buyers_after: number;
	kept_before: number;
	kept_after: number;
	revenue_before: number;
	revenue_after: number;
	revenue_sq_before: number;
	revenue_sq_after: number;
	orders_before: number;
	orders_after: number;
	buyers_after_contacted: number;
	buyers_after_control: number;
	revenue_after_contacted: number;
	revenue_after_control: number;
	revenue_sq_after_contacted: number;
	revenue_sq_after_control: number;
};

export function evaluateSumsSql(customers: string): Sql {
	const n = (cond: Sql) => sql`CAST(count(*) FILTER (WHERE ${cond}) AS INTEGER)`;
	const s = (x: Sql, cond: Sql = sql`true`) => sql`coalesce(sum(${x}) FILTER (WHERE ${cond}), 0)`;
	return sql`SELECT "group", CAST(count(*) AS INTEGER) AS customers, ${n(sql`NOT control`)} AS contacted, ${n(sql`control`)} AS control,
			${n(sql`a0`)} AS buyers_prior, ${n(sql`a1`)} AS buyers_before, ${n(sql`a2`)} AS buyers_after,
			${n(sql`a0 AND a1`)} AS kept_before, ${n(sql`a1 AND a2`)} AS kept_after,
			${s(sql`rev1`)} AS revenue_before, ${s(sql`rev2`)} AS revenue_after,
			${s(sql`rev1 * rev1`)} AS revenue_sq_before, ${s(sql`rev2 * rev2`)} AS revenue_sq_after,
			CAST(${s(sql`ord1`)} AS INTEGER) AS orders_before, CAST(${s(sql`ord2`)} AS INTEGER) AS orders_after,
			${n(sql`a2 AND NOT control`)} AS buyers_after_contacted, ${n(sql`a2 AND control`)} AS buyers_after_control,
			${s(sql`rev2`, sql`NOT control`)} AS revenue_after_contacted, ${s(sql`rev2`, sql`control`)} AS revenue_after_control,
			${s(sql`rev2 * rev2`, sql`NOT control`)} AS revenue_sq_after_contacted, ${s(sql`rev2 * rev2`, sql`control`)} AS revenue_sq_after_control
		FROM ${ident(customers)} GROUP BY "group" ORDER BY "group"`;
}

/** The last day with a transaction line (the after period is incomplete when it ends later). */
export function lastDaySql(tx: string): Sql {
	return sql`SELECT strftime(max(CAST(ts AS DATE)), '%Y-%m-%d') AS last_day FROM ${ident(tx)}`;
}
