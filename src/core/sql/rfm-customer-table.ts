import type { DateFormat } from '../csv/dates.ts';
import { PLAIN_NUMBER, type NumberFormat } from '../csv/numbers.ts';
import { cleanCellSql } from './order-rules.ts';
import { dateExpr, idOf, numberOf } from './parse.ts';
import { dateLit, ident, join, raw, sql, type Sql } from './sql.ts';
import { blankSql } from './trim.ts';

/**
 * Customer-table input (one row per customer), like R rfm's rfm_table_customer (recency in days)
 * and rfm_table_customer_2 (last purchase date): id, number of orders, total revenue, and
 * recency days or the last purchase date. It becomes the same per-customer table as transactions
 * give (rfm_base), so every scoring method and rule set works on it. Customers with 0 orders are
 * prospects (Shopify's "Prospects").
 */
export interface CustomerTableMapping {
	customer: string;
	orders: string;
	revenue: string;
	/** Days since the last purchase … */
	recency?: string;
	/** … or the last purchase date (recency = asOf − this date). */
	lastDate?: string;
	dateFormat?: DateFormat;
	numberFormats?: Partial<Record<'orders' | 'revenue' | 'recency', NumberFormat>>;
}

const ISO: DateFormat = { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true };

/**
 * The source's rows with each mapped cell cleaned once (c_id, c_orders, c_revenue, c_recency), the
 * last date parsed (c_last), the data-row number (r) and `extra` columns: exprs() parse the cleaned
 * columns. Inline, an id or number parse is ≈ 17–20 kB of SQL (the ≈ 1.7 kB cleaning named about ten
 * times); the check named them in every part, ≈ 236 kB that DuckDB-WASM took seconds to plan.
 */
function cleaned(source: string, m: CustomerTableMapping, extra: Sql[] = []): Sql {
	const cols = [sql`rowid + 1 AS r`, sql`${cleanCellSql(ident(m.customer))} AS c_id`, sql`${cleanCellSql(ident(m.orders))} AS c_orders`, sql`${cleanCellSql(ident(m.revenue))} AS c_revenue`];
	if (m.recency) cols.push(sql`${cleanCellSql(ident(m.recency))} AS c_recency`);
	if (m.lastDate) cols.push(sql`CAST(${dateExpr(m.lastDate, m.dateFormat ?? ISO)} AS DATE) AS c_last`);
	return sql`(SELECT ${join([...cols, ...extra])} FROM ${ident(source)})`;
}

/** The parsed values, on cleaned()'s columns. */
function exprs(m: CustomerTableMapping) {
	const nf = (k: 'orders' | 'revenue' | 'recency') => m.numberFormats?.[k] ?? PLAIN_NUMBER;
	return {
		id: idOf(ident('c_id')),
		orders: numberOf(ident('c_orders'), nf('orders')),
		revenue: numberOf(ident('c_revenue'), nf('revenue')),
		recency: m.recency ? numberOf(ident('c_recency'), nf('recency')) : null,
		last: m.lastDate ? ident('c_last') : null
	};
}

function checkMapping(m: CustomerTableMapping): void {
	if (!m.recency === !m.lastDate)
		throw new Error(
			'a customer table needs either a recency column or a last-purchase-date column'
		);
}

/**
 * The per-customer table from a customer table (raw text columns). `asOf` is needed with a
 * last-date column; with a recency column it only dates last_ts. Rows without an id are left out.
 */
export function customerTableSql(o: {
	source: string;
	target: string;
	mapping: CustomerTableMapping;
	asOf?: string;
}): Sql {
	checkMapping(o.mapping);
	const e = exprs(o.mapping);
	const asOf = o.asOf ? dateLit(o.asOf) : null;
	let recency: Sql;
	let last: Sql;
	if (e.last) {
		if (!asOf) throw new Error('a last-purchase-date column needs an as-of date');
		recency = sql`CAST(date_diff('day', ${e.last}, ${asOf}) AS INTEGER)`;
		last = sql`CAST(${e.last} AS TIMESTAMP)`;
	} else {
		recency = e.recency!;
		last = asOf
			? sql`CAST(${asOf} - CAST(round(${e.recency!}) AS INTEGER) AS TIMESTAMP)`
			: raw('CAST(NULL AS TIMESTAMP)');
	}
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT customer_id, recency_days, frequency, monetary, CAST(NULL AS TIMESTAMP) AS first_ts, last_ts,
			frequency AS lines, frequency = 0 AS prospect
		FROM (SELECT ${e.id} AS customer_id, ${recency} AS recency_days, CAST(round(${e.orders}) AS INTEGER) AS frequency,
				${e.revenue} AS monetary, ${last} AS last_ts
			FROM ${cleaned(o.source, o.mapping)})
		WHERE customer_id IS NOT NULL`;
}

export interface CustomerTableProblem {
	/** 'orders' | 'revenue' | 'recency' | 'lastDate' | 'duplicate' */
	problem: string;
	column: string;
	count: number;
	firstBadRow: number | null;
	firstBadValue: string | null;
	[k: string]: string | number | null;
}

/**
 * Problems that would make the table wrong, one row per kind with the first offending data row:
 * unreadable numbers or dates (empty recency/date is allowed for customers with 0 orders) and
 * duplicate customer ids. No rows: the table is fine.
 */
export function customerTableCheckSql(o: { source: string; mapping: CustomerTableMapping }): Sql {
	checkMapping(o.mapping);
	const m = o.mapping;
	const e = exprs(m);
	const raws = [sql`${ident(m.orders)} AS orders_raw`, sql`${ident(m.revenue)} AS revenue_raw`];
	if (m.recency) raws.push(sql`${ident(m.recency)} AS recency_raw`, sql`${blankSql(ident(m.recency))} AS recency_blank`);
	if (m.lastDate) raws.push(sql`${ident(m.lastDate)} AS last_raw`, sql`${blankSql(ident(m.lastDate))} AS last_blank`);
	// Each value parsed once (a CTE the checks read), not once per check.
	const parsed = [sql`${e.id} AS id`, sql`${e.orders} AS orders`, sql`${e.revenue} AS revenue`];
	if (e.recency) parsed.push(sql`${e.recency} AS recency`);
	if (e.last) parsed.push(sql`${e.last} AS last`);
	const parts: Sql[] = [];
	const add = (problem: string, c: string, value: string, badCond: Sql) =>
		parts.push(sql`SELECT ${problem} AS problem, ${c} AS "column", CAST(count(*) AS INTEGER) AS count,
			CAST(min(r) AS INTEGER) AS "firstBadRow", arg_min(${ident(value)}, r) AS "firstBadValue"
			FROM p WHERE id IS NOT NULL AND ${badCond} HAVING count(*) > 0`);
	add('orders', m.orders, 'orders_raw', sql`(orders IS NULL OR orders < 0)`);
	add('revenue', m.revenue, 'revenue_raw', sql`revenue IS NULL`);
	const zeroOrders = sql`coalesce(orders, -1) = 0`;
	if (m.recency) add('recency', m.recency, 'recency_raw', sql`((recency IS NULL AND NOT (recency_blank AND ${zeroOrders})) OR recency < 0)`);
	if (m.lastDate) add('lastDate', m.lastDate, 'last_raw', sql`(last IS NULL AND NOT (last_blank AND ${zeroOrders}))`);
	parts.push(sql`SELECT 'duplicate' AS problem, ${m.customer} AS "column", CAST(count(*) AS INTEGER) AS count,
		CAST(min(r) AS INTEGER) AS "firstBadRow", arg_min(id, r) AS "firstBadValue"
		FROM (SELECT id, r, count(*) OVER (PARTITION BY id) AS n FROM p)
		WHERE id IS NOT NULL AND n > 1 HAVING count(*) > 0`);
	return sql`WITH p AS MATERIALIZED (SELECT r, ${join([...parsed, sql`* EXCLUDE (r)`])} FROM ${cleaned(o.source, m, raws)})
		${join(parts, ' UNION ALL ')}`;
}

/** Default as-of for a last-date customer table: the day after the latest last purchase. */
export function customerTableDefaultAsOfSql(o: {
	source: string;
	mapping: CustomerTableMapping;
}): Sql {
	const e = exprs(o.mapping);
	if (!e.last) throw new Error('only a last-purchase-date column gives a default as-of date');
	return sql`SELECT strftime(max(${e.last}) + 1, '%Y-%m-%d') AS as_of FROM ${cleaned(o.source, o.mapping)}`;
}

/** Customers in the per-customer table built from a customer table. */
export function customerCountSql(table: string): Sql {
	return sql`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(table)}`;
}
