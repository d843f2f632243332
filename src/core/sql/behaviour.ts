import type { BehaviourColumns, BehaviourSettings } from '../persona/defaults.ts';
import { returnsFilterSql, type ReturnsMode } from './rfm.ts';
import { dateLit, ident, join, raw, sql, type Sql } from './sql.ts';

/**
 * Behaviour classes per customer (按消费习惯/地理/兴趣分类), one row per customer with a line that
 * counts (on or before the as-of date, in the window, returns as RFM leaves them out):
 *   customer_id, orders, revenue, aov,
 *   daypart (morning|afternoon|evening|night: the part of day of most orders; ties by that order),
 *   night_owl (yes|no), weekend_share, weekday_weekend (weekday|weekend), purchase_days, median_gap,
 *   purchase_frequency (high|low|once), favourite_category, category_breadth, channel, region,
 *   discount_share, discount_use (never|sometimes|mostly).
 * An order is an order id (without one: a timestamp) with a positive line, timed by its first line
 * (lowest row); its channel and region are its first line's with a value. A class whose column or
 * times are missing is NULL (not offered); a customer with no purchase has NULL classes.
 */

export interface BehaviourSqlOptions {
	tx: string;
	target: string;
	asOf: string;
	start?: string;
	returns?: ReturnsMode;
	cancelledPattern?: string;
	settings: BehaviourSettings;
	/** The dates carry times of day (daypart and night owl are computed). */
	times: boolean;
	/** The text table beside tx holding the class columns: its rows numbered as tx.src_row by `rowNumber`. */
	text?: { table: string; rowNumber: Sql; columns: BehaviourColumns };
	/**
	 * Without a channel column: the channel preference from the touchpoint table (journey's events): its
	 * `channel` expression over the table's columns (journey's channelExpr), events on or before the as-of date.
	 */
	touchpoints?: { table: string; channel: Sql };
}

/** The channel words counted as online and offline in the touchpoint table (lower case). */
export const ONLINE_WORDS = ['online', '线上', 'on-line'];
export const OFFLINE_WORDS = ['offline', '线下', 'off-line'];

/**
 * Each customer's channel preference from the touchpoint table: online when at least ⅔ of its events with
 * an online or offline channel are online, offline when at most ⅓, mixed between; no such event: NULL.
 */
export function touchpointChannelSql(o: { table: string; channel: Sql; asOf: string; start?: string }): Sql {
	const from = o.start ? sql`AND CAST(ts AS DATE) >= ${dateLit(o.start)}` : sql``;
	const on = join(ONLINE_WORDS.map((w) => sql`${w}`));
	const off = join(OFFLINE_WORDS.map((w) => sql`${w}`));
	return sql`SELECT customer_id, CASE WHEN online >= 2 * offline THEN 'online' WHEN offline >= 2 * online THEN 'offline' ELSE 'mixed' END AS channel FROM (
			SELECT customer_id, count(*) FILTER (WHERE ch IN (${on})) AS online, count(*) FILTER (WHERE ch IN (${off})) AS offline
			FROM (SELECT customer_id, lower(${o.channel}) AS ch FROM ${ident(o.table)} WHERE CAST(ts AS DATE) <= ${dateLit(o.asOf)} ${from})
			GROUP BY customer_id)
		WHERE online + offline > 0`;
}

/** Whether any date carries a time of day other than midnight. */
export function hasTimesSql(tx: string): Sql {
	return sql`SELECT coalesce(bool_or(CAST(ts AS TIME) <> TIME '00:00:00'), false) AS times FROM ${ident(tx)}`;
}

const KEYS = ['category', 'channel', 'region', 'discount'] as const;

/** The class columns as text (NULL when empty), joined to the lines by row number. */
function linesSql(o: BehaviourSqlOptions): Sql {
	const keep = returnsFilterSql(o);
	const from = o.start ? sql`AND CAST(t.ts AS DATE) >= ${dateLit(o.start)}` : sql``;
	const cols = o.text?.columns ?? {};
	const text = o.text;
	const picked = KEYS.map((k) => {
		const c = cols[k];
		return c && text ? sql`nullif(trim(CAST(x.${ident(c)} AS VARCHAR)), '') AS ${ident(k)}` : sql`CAST(NULL AS VARCHAR) AS ${ident(k)}`;
	});
	const joined = text && KEYS.some((k) => cols[k]) ? sql`LEFT JOIN (SELECT ${text.rowNumber} AS src_row_x, * FROM ${ident(text.table)}) x ON x.src_row_x = t.src_row` : raw('');
	return sql`SELECT t.customer_id, coalesce(t.order_id, CAST(t.ts AS VARCHAR)) AS ord, t.ts, t.amount, t.src_row, ${join(picked)}
		FROM ${ident(o.tx)} t ${joined}
		WHERE CAST(t.ts AS DATE) <= ${dateLit(o.asOf)} ${from} ${keep}`;
}

/** A discount cell that says a discount was used: a number other than 0, or text other than no/0/none. */
const DISCOUNT_USED = raw(`(CASE WHEN discount IS NULL THEN false WHEN TRY_CAST(discount AS DOUBLE) IS NOT NULL THEN TRY_CAST(discount AS DOUBLE) <> 0
	ELSE lower(discount) NOT IN ('no', 'n', 'false', 'none', '否', '无', '没有', '-') END)`);

/** The top value of a column per customer: most `weight`, ties by name. */
function topSql(source: string, column: string, weight: Sql): Sql {
	const c = ident(column);
	return sql`SELECT customer_id, arg_min(${c}, (-w, ${c})) AS ${c} FROM (
			SELECT customer_id, ${c}, ${weight} AS w FROM ${ident(source)} WHERE ${c} IS NOT NULL GROUP BY customer_id, ${c})
		GROUP BY customer_id`;
}

export function behaviourSql(o: BehaviourSqlOptions): Sql {
	const s = o.settings;
	const n = s.nightOwl;
	const hour = raw('hour(ts)');
	const part = sql`CASE WHEN ${hour} >= 5 AND ${hour} < 11 THEN 1 WHEN ${hour} >= 11 AND ${hour} < 17 THEN 2 WHEN ${hour} >= 17 AND ${hour} < 22 THEN 3 ELSE 4 END`;
	const nightHour = sql`(${hour} >= ${n.fromHour} OR ${hour} < ${n.toHour})`;
	const times = o.times;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH l AS (${linesSql(o)}),
		o AS (SELECT customer_id, ord, arg_min(ts, src_row) AS ts,
				arg_min(channel, src_row) FILTER (WHERE channel IS NOT NULL) AS channel,
				arg_min(region, src_row) FILTER (WHERE region IS NOT NULL) AS region,
				bool_or(${DISCOUNT_USED}) AS discounted
			FROM l GROUP BY customer_id, ord HAVING max(amount) > 0),
		oc AS (SELECT customer_id, count(*) AS orders,
				count(*) FILTER (WHERE isodow(ts) >= 6) AS weekend,
				count(*) FILTER (WHERE ${nightHour}) AS night,
				count(*) FILTER (WHERE discounted) AS discounted,
				count(*) FILTER (WHERE ${part} = 1) AS p1, count(*) FILTER (WHERE ${part} = 2) AS p2,
				count(*) FILTER (WHERE ${part} = 3) AS p3, count(*) FILTER (WHERE ${part} = 4) AS p4
			FROM o GROUP BY customer_id),
		dd AS (SELECT DISTINCT customer_id, CAST(ts AS DATE) AS day FROM l WHERE amount > 0),
		g AS (SELECT customer_id, count(*) AS days, median(gap) AS median_gap FROM (
				SELECT customer_id, date_diff('day', lag(day) OVER (PARTITION BY customer_id ORDER BY day), day) AS gap FROM dd)
			GROUP BY customer_id),
		cut AS (SELECT median(median_gap) AS cut FROM g WHERE days >= 2),
		cat AS (${topSql('l', 'category', raw('sum(amount)'))}),
		breadth AS (SELECT customer_id, count(DISTINCT category) AS breadth FROM l WHERE amount > 0 GROUP BY customer_id),
		ch AS (${o.touchpoints && !o.text?.columns.channel ? touchpointChannelSql({ ...o.touchpoints, asOf: o.asOf, start: o.start }) : topSql('o', 'channel', raw('count(*)'))}),
		rg AS (${topSql('o', 'region', raw('count(*)'))}),
		c AS (SELECT customer_id, round(sum(amount), 2) AS revenue FROM l GROUP BY customer_id)
		SELECT c.customer_id, CAST(coalesce(oc.orders, 0) AS INTEGER) AS orders, c.revenue,
			round(c.revenue / nullif(oc.orders, 0), 2) AS aov,
			${times ? sql`CASE WHEN oc.orders IS NULL THEN NULL WHEN p1 >= greatest(p2, p3, p4) THEN 'morning' WHEN p2 >= greatest(p3, p4) THEN 'afternoon' WHEN p3 >= p4 THEN 'evening' ELSE 'night' END` : raw('CAST(NULL AS VARCHAR)')} AS daypart,
			${times ? sql`CASE WHEN oc.orders IS NULL THEN NULL WHEN oc.orders >= ${n.minOrders} AND oc.night >= ${n.share} * oc.orders THEN 'yes' ELSE 'no' END` : raw('CAST(NULL AS VARCHAR)')} AS night_owl,
			oc.weekend / oc.orders AS weekend_share,
			CASE WHEN oc.orders IS NULL THEN NULL WHEN oc.weekend >= ${s.weekendShare} * oc.orders THEN 'weekend' ELSE 'weekday' END AS weekday_weekend,
			CAST(g.days AS INTEGER) AS purchase_days, g.median_gap,
			CASE WHEN g.days IS NULL THEN NULL WHEN g.days = 1 THEN 'once' WHEN g.median_gap < (SELECT cut FROM cut) THEN 'high' ELSE 'low' END AS purchase_frequency,
			cat.category AS favourite_category,
			${o.text?.columns.category ? raw('CAST(coalesce(breadth.breadth, 0) AS INTEGER)') : raw('CAST(NULL AS INTEGER)')} AS category_breadth,
			ch.channel, rg.region,
			${o.text?.columns.discount ? raw('oc.discounted / oc.orders') : raw('CAST(NULL AS DOUBLE)')} AS discount_share,
			${o.text?.columns.discount ? raw("CASE WHEN oc.orders IS NULL THEN NULL WHEN oc.discounted = 0 THEN 'never' WHEN oc.discounted * 2 < oc.orders THEN 'sometimes' ELSE 'mostly' END") : raw('CAST(NULL AS VARCHAR)')} AS discount_use
		FROM c LEFT JOIN oc USING (customer_id) LEFT JOIN g USING (customer_id) LEFT JOIN cat USING (customer_id)
			LEFT JOIN breadth USING (customer_id) LEFT JOIN ch USING (customer_id) LEFT JOIN rg USING (customer_id)
		ORDER BY c.customer_id`;
}
