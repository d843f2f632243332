/**
 * The CLV models' per-customer summary (x, t_x, T, zbar, hold-out purchases) in SQL, from the typed
 * table `tx` (customer_id, ts, amount). Same definitions as core/clv/prepare.ts `prepareRfm`:
 * a purchase is a distinct purchase day; x = calibration purchase days − 1; t_x = last − first
 * calibration day and T = calibration end − first day, both in units, never rounded; zbar = mean
 * spend per repeat purchase day (first day left out; 0 when x = 0); hold-out purchases = distinct
 * days after the calibration end up to the observation end. Customers whose first purchase is
 * after the calibration end are left out (counted by clvPrepStatsSql).
 */
import { dateLit, ident, sql, type Sql } from './sql.ts';

export type ClvUnit = 'day' | 'week';

export const CLV_UNIT_DAYS: Readonly<Record<ClvUnit, number>> = { day: 1, week: 7 };

export interface ClvPrepOptions {
	/** The typed transaction table. */
	tx: string;
	/** Last day (inclusive) of calibration, YYYY-MM-DD. */
	calibrationEnd: string;
	/** Last day (inclusive) of the hold-out; default the latest purchase day. */
	observationEnd?: string;
	/** The analysis window's first day (YYYY-MM-DD, core/window): earlier purchases are left out. */
	start?: string;
	unit: ClvUnit;
}

export function checkUnit(unit: string): ClvUnit {
	if (unit !== 'day' && unit !== 'week') throw new RangeError(`unit must be 'day' or 'week', got ${JSON.stringify(unit)}`);
	return unit;
}

/** Per customer and purchase day: that day's spend, up to the observation end. */
function daysSql(o: ClvPrepOptions): Sql {
	const obs = o.observationEnd ? dateLit(o.observationEnd) : sql`(SELECT max(CAST(ts AS DATE)) FROM ${ident(o.tx)})`;
	const from = o.start ? sql`AND CAST(ts AS DATE) >= ${dateLit(o.start)}` : sql``;
	return sql`SELECT customer_id, CAST(ts AS DATE) AS day, sum(amount) AS spend
		FROM ${ident(o.tx)} WHERE CAST(ts AS DATE) <= ${obs} ${from} GROUP BY ALL`;
}

/**
 * SELECT of one row per customer (first purchase in calibration), ordered by customer_id:
 * idx (1-based, in that order), customer_id, x, tx, T, zbar, holdout, first_day (days since epoch).
 */
export function clvPrepSql(o: ClvPrepOptions): Sql {
	const unitDays = CLV_UNIT_DAYS[checkUnit(o.unit)];
	const cal = dateLit(o.calibrationEnd);
	if (o.observationEnd && o.observationEnd < o.calibrationEnd)
		throw new RangeError(`observation end ${o.observationEnd} is before calibration end ${o.calibrationEnd}`);
	// The repeat purchases' spend is summed by itself, not as total − first spend: that difference
	// cancels (441.6 + 415 − 415 − 441.6 ≈ 6e-14, not 0), and with it a customer whose repeat purchases
	// net to zero entered the Gamma-Gamma fit with a spend of 1e-14 — or not, depending on the order
	// the days were added in (more threads in the native engine: UCI customer 16163).
	return sql`WITH d AS (${daysSql(o)}),
		c AS (SELECT customer_id, min(day) AS first, max(day) AS last, count(*) AS n,
				sum(spend) FILTER (WHERE day > first_day) AS repeat_total
			FROM (SELECT *, min(day) OVER (PARTITION BY customer_id) AS first_day FROM d WHERE day <= ${cal})
			GROUP BY customer_id),
		h AS (SELECT customer_id, count(*) AS holdout FROM d WHERE day > ${cal} GROUP BY customer_id)
		SELECT CAST(row_number() OVER (ORDER BY c.customer_id) AS INTEGER) AS idx, c.customer_id,
			CAST(n - 1 AS INTEGER) AS x,
			CAST(last - first AS DOUBLE) / ${unitDays} AS tx,
			CAST(${cal} - first AS DOUBLE) / ${unitDays} AS "T",
			CASE WHEN n = 1 THEN 0.0 ELSE CAST(repeat_total / (n - 1) AS DOUBLE) END AS zbar,
			CAST(coalesce(h.holdout, 0) AS INTEGER) AS holdout,
			CAST(first - DATE '1970-01-01' AS INTEGER) AS first_day
		FROM c LEFT JOIN h USING (customer_id) ORDER BY c.customer_id`;
}

/** Creates `target` from clvPrepSql (idx is the join key for the model results). */
export function clvPrepTableSql(o: ClvPrepOptions & { target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS ${clvPrepSql(o)}`;
}

/**
 * One row: customers kept, customers left out (first purchase after calibration), the
 * observation end used, first and last purchase day (YYYY-MM-DD).
 */
export function clvPrepStatsSql(o: ClvPrepOptions): Sql {
	const cal = dateLit(o.calibrationEnd);
	return sql`WITH d AS (${daysSql(o)}), f AS (SELECT customer_id, min(day) AS first FROM d GROUP BY customer_id)
		SELECT CAST(count(*) FILTER (WHERE first <= ${cal}) AS INTEGER) AS customers,
			CAST(count(*) FILTER (WHERE first > ${cal}) AS INTEGER) AS excluded_new,
			(SELECT strftime(max(day), '%Y-%m-%d') FROM d) AS observation_end,
			(SELECT strftime(min(day), '%Y-%m-%d') FROM d) AS first_day
		FROM f`;
}

/**
 * Cumulative-tracking inputs from a prepared table: per birth day (first purchase, days since
 * epoch) the number of customers.
 */
export function clvBirthsSql(prep: string): Sql {
	return sql`SELECT first_day, CAST(count(*) AS INTEGER) AS n FROM ${ident(prep)} GROUP BY first_day ORDER BY first_day`;
}

/**
 * Actual repeat purchases (distinct purchase days after each customer's first) of the prepared
 * customers, per 7-day period counted from `startDay` (days since epoch), up to the observation end.
 */
export function clvRepeatsByWeekSql(o: ClvPrepOptions & { prep: string; startDay: number }): Sql {
	return sql`WITH d AS (${daysSql(o)})
		SELECT CAST(floor((CAST(d.day - DATE '1970-01-01' AS INTEGER) - ${o.startDay}) / 7) AS INTEGER) AS week,
			CAST(count(*) AS INTEGER) AS repeats
		FROM d JOIN ${ident(o.prep)} p USING (customer_id)
		WHERE CAST(d.day - DATE '1970-01-01' AS INTEGER) > p.first_day
		GROUP BY week ORDER BY week`;
}

/** The model inputs of a prepared table in idx order (fetched as number columns for the fit). */
export function clvInputColumnsSql(prep: string): Sql {
	return sql`SELECT x, tx, "T", zbar, holdout FROM ${ident(prep)} ORDER BY idx`;
}

/** The columns of the scores file the fitted values are written to (joined back on idx). */
export const CLV_SCORE_FILE_COLUMNS = ['idx', 'p_alive', 'expected_purchases', 'expected_holdout', 'expected_avg_spend', 'clv'] as const;

/**
 * Creates `target` from a prepared table and the registered scores file (CLV_SCORE_FILE_COLUMNS,
 * with a header): customer_id, frequency, recency, T, monetary_value, p_alive, expected_purchases,
 * expected_holdout, expected_avg_spend, clv, in idx order.
 */
export function clvStoreSql(o: { prep: string; target: string; file: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
			SELECT p.customer_id, p.x AS frequency, p.tx AS recency, p."T" AS "T", p.zbar AS monetary_value,
				s.p_alive, s.expected_purchases, s.expected_holdout, s.expected_avg_spend, s.clv
			FROM ${ident(o.prep)} p JOIN read_csv(${o.file}, header = true,
				columns = {'idx': 'INTEGER', 'p_alive': 'DOUBLE', 'expected_purchases': 'DOUBLE', 'expected_holdout': 'DOUBLE', 'expected_avg_spend': 'DOUBLE', 'clv': 'DOUBLE'}) s
			USING (idx) ORDER BY p.idx`;
}

/** The columns of `clientele clv`'s output (clvOutputSql). */
export const CLV_COLUMNS = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'p_alive', 'expected_purchases_holdout', 'expected_avg_spend', 'clv'] as const;

/** The CLI's output from a stored CLV table: CLV_COLUMNS, measures rounded to 6 decimals, in table order. */
export function clvOutputSql(clv: string): Sql {
	return sql`SELECT customer_id, frequency, round(recency, 6) AS recency, round("T", 6) AS "T", round(monetary_value, 6) AS monetary_value,
			round(p_alive, 6) AS p_alive, round(expected_holdout, 6) AS expected_purchases_holdout, round(expected_avg_spend, 6) AS expected_avg_spend, round(clv, 6) AS clv
			FROM ${ident(clv)}`;
}
