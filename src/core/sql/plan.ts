import type { GroupPlan } from '../plan/types.ts';
import { CONTROL_SHARE } from '../plan/types.ts';
import { dateLit, ident, join, lit, sql, type Sql } from './sql.ts';

/**
 * The action list (行动清单) of tiered service plans: one row per customer with its group, the
 * group's plan, the next contact date, contacts and cost within the horizon, whether the customer
 * is held out as control, and the reason in words.
 *
 * - control: per group, customers ordered by md5(seed:customer_id) (stable across engines and
 *   runs); the first round(10 % × n) (half away from zero) are held out and not contacted;
 * - i: a contacted customer's 0-based position in its group, ordered by monetary descending, then
 *   customer_id; next_contact = start + (i mod N) days (N = contact_every_days), or the
 *   (i mod N)-th working day from start with a working-day calendar — the team's load is flat;
 * - contacts within [start, start + horizon): j = i mod N, then j, j + N, … below the horizon
 *   (counted in working days with the calendar); cost = cost_per_contact × contacts, 2 decimals.
 */

/** The customers of a basis: `customer_id, grp` (group id), `label` (its name), `reason` (words). */
export interface GroupSource {
	select: Sql;
}

export interface ActionListOptions {
	groups: GroupSource;
	/** Table with customer_id, monetary (the RFM base); customers missing from it count 0. */
	monetary: string;
	/** The plan of each planned group id; groups not listed are unplanned. */
	plans: Record<string, GroupPlan>;
	start: string;
	horizonDays: number;
	seed: number;
	/**
	 * With --workdays: a table (calendarSql) of the working days from start on, `j` = 0, 1, …, as
	 * many as the horizon's working days and the longest contact_every_days; null: calendar days.
	 */
	calendar: { table: string; inHorizon: number } | null;
	target: string;
}

function planValues(plans: Record<string, GroupPlan>): Sql {
	const rows = Object.entries(plans).map(
		([g, p]) =>
			sql`(${g}, ${p.service_level}, ${p.channel}, ${p.contact_every_days}::INTEGER, ${p.owner}, ${p.cost_per_contact}::DOUBLE)`
	);
	if (rows.length === 0) return sql`SELECT NULL::VARCHAR AS grp, NULL::VARCHAR AS service_level, NULL::VARCHAR AS channel, NULL::INTEGER AS every, NULL::VARCHAR AS owner, NULL::DOUBLE AS cost_per_contact WHERE false`;
	return sql`SELECT * FROM (VALUES ${join(rows)}) AS p(grp, service_level, channel, every, owner, cost_per_contact)`;
}

/** The working-day calendar: `j` (0-based working day from start), `day`. */
export function calendarSql(target: string, days: readonly string[]): Sql {
	const rows = days.map((d, j) => sql`(${j}::INTEGER, ${dateLit(d)})`);
	return sql`CREATE OR REPLACE TABLE ${ident(target)} AS SELECT * FROM (VALUES ${join(rows)}) AS cal(j, day)`;
}

/** A contact's day: `j` working days or calendar days after start. */
function dayOf(o: { start: string; calendar: { table: string } | null }, j: Sql): Sql {
	return o.calendar ? sql`(SELECT day FROM ${ident(o.calendar.table)} cal WHERE cal.j = ${j})` : sql`(${dateLit(o.start)} + CAST(${j} AS INTEGER))`;
}

export function actionListSql(o: ActionListOptions): Sql {
	const h = o.calendar ? o.calendar.inHorizon : o.horizonDays;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH g AS (
			SELECT s.customer_id, s.grp, s.label, s.reason, coalesce(m.monetary, 0) AS monetary
			FROM (${o.groups.select}) s LEFT JOIN ${ident(o.monetary)} m ON m.customer_id = s.customer_id
		), c AS (
			SELECT g.*, row_number() OVER (PARTITION BY grp ORDER BY md5(concat(${String(o.seed)}, ':', customer_id)), customer_id) AS rnd,
				count(*) OVER (PARTITION BY grp) AS n
			FROM g
		), k AS (
			SELECT c.*, rnd <= round(n * ${CONTROL_SHARE}) AS control FROM c
		), q AS (
			SELECT k.customer_id, k.grp, k.label, k.reason, k.monetary, k.control, p.service_level, p.channel, p.every,
				p.owner, p.cost_per_contact,
				CASE WHEN NOT k.control AND p.grp IS NOT NULL
					THEN (row_number() OVER (PARTITION BY k.grp, k.control ORDER BY k.monetary DESC, k.customer_id) - 1) % p.every END AS j
			FROM k LEFT JOIN (${planValues(o.plans)}) p ON p.grp = k.grp
		)
		SELECT q.customer_id, q.label AS "group", q.grp AS group_id, q.service_level, q.channel,
			q.every AS contact_every_days,
			CASE WHEN q.j IS NULL THEN NULL ELSE ${dayOf(o, sql`q.j`)} END::DATE AS next_contact, q.j,
			q.owner,
			CAST(CASE WHEN q.j IS NULL OR q.j >= ${lit(h)} THEN 0 ELSE (${lit(h)} - 1 - q.j) // q.every + 1 END AS INTEGER) AS contacts_in_horizon,
			q.cost_per_contact, q.control, q.reason, q.monetary
		FROM q`;
}

/** The action list's columns (README: `plan`), the CLI's and the page's export. */
export const ACTION_LIST_COLUMNS = ['customer_id', 'group', 'service_level', 'channel', 'contact_every_days', 'next_contact', 'owner', 'contacts_in_horizon', 'cost', 'control', 'reason'] as const;

/** Profile columns (客户档案) riding along in the action list's export, after its own columns. */
export interface ActionListExtras {
	/** The profile table (customer_id + typed attribute columns). */
	profiles: string;
	/** Columns of it, in the order wanted; numbers stay numbers, dates and text are written as text. */
	columns: readonly { name: string; numeric: boolean }[];
}

/** Column i of the extras in actionListOutputSql's rows (names are the user's: kept out of the SQL aliases). */
export const extraCol = (i: number): string => `x${i}`;

/**
 * The action list in the CLI's column order and row order (group, next contact, customer); with
 * `extras`, the profile columns follow as x0, x1 … (empty for a customer without a profile row).
 */
export function actionListOutputSql(table: string, extras?: ActionListExtras): Sql {
	const more = (extras?.columns ?? []).map((c, i) => {
		const v = sql`p.${ident(c.name)}`;
		return sql`, ${c.numeric ? v : sql`CAST(${v} AS VARCHAR)`} AS ${ident(extraCol(i))}`;
	});
	const from = extras ? sql`LEFT JOIN ${ident(extras.profiles)} p ON p.customer_id = a.customer_id` : sql``;
	return sql`SELECT a.customer_id, a."group", a.service_level, a.channel, a.contact_every_days,
			strftime(a.next_contact, '%Y-%m-%d') AS next_contact, a.owner, a.contacts_in_horizon,
			CASE WHEN a.service_level IS NULL THEN NULL ELSE round(a.cost_per_contact * a.contacts_in_horizon, 2) END AS cost,
			a.control, a.reason${join(more, '')}
		FROM ${ident(table)} a ${from} ORDER BY a."group", a.next_contact NULLS LAST, a.customer_id`;
}

/** Every contact within the horizon: customer, channel, day, cost (the workload's rows). */
export function contactsSql(o: { table: string; target: string; start: string; calendar: { table: string } | null }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT x.customer_id, x.channel, ${dayOf(o, sql`x.j + x.k * x.contact_every_days`)}::DATE AS day, x.cost_per_contact AS cost
		FROM (SELECT a.customer_id, a.channel, a.j, a.contact_every_days, a.cost_per_contact,
				unnest(range(a.contacts_in_horizon)) AS k
			FROM ${ident(o.table)} a WHERE a.contacts_in_horizon > 0) x`;
}

/** Contacts and cost per channel and period (week from Monday, or month) within the horizon. */
export function workloadSql(contacts: string, period: 'week' | 'month'): Sql {
	return sql`SELECT channel, strftime(date_trunc(${period}, day), '%Y-%m-%d') AS period,
			CAST(count(*) AS INTEGER) AS contacts, round(sum(cost), 2) AS cost
		FROM ${ident(contacts)} GROUP BY ALL ORDER BY period, channel`;
}

/** Per group: customers, contacted, control, contacts and cost, planned or not. */
export function planSummarySql(table: string): Sql {
	return sql`SELECT group_id, "group", any_value(channel) AS channel, any_value(service_level) AS service_level,
			CAST(count(*) AS INTEGER) AS customers, CAST(count(*) FILTER (WHERE control) AS INTEGER) AS control,
			CAST(sum(contacts_in_horizon) AS INTEGER) AS contacts,
			round(sum(cost_per_contact * contacts_in_horizon), 2) AS cost,
			bool_and(service_level IS NULL) AS unplanned, sum(monetary) AS revenue
		FROM ${ident(table)} GROUP BY group_id, "group" ORDER BY revenue DESC, "group"`;
}

/** The group ids of a basis, largest first. */
export function groupIdsSql(groups: GroupSource): Sql {
	return sql`SELECT grp FROM (${groups.select}) GROUP BY grp ORDER BY count(*) DESC, grp`;
}
