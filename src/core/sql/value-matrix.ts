/**
 * Value matrix: current value (X) against potential value (Y), split into four quadrants.
 *   core      核心价值客户  high current, high potential
 *   potential 潜力客户      low current,  high potential
 *   general   一般客户      high current, low potential
 *   low       低价值客户    both low
 * A value at or above its split counts as high. Customers are those with a potential value
 * (a row in the CLV table with the measure defined); current revenue (or margin) defaults to 0.
 * Current value: revenue in a window, margin in a window (amount − cost, lines with a known cost
 * only; needs the tx cost column) or the RFM score. Potential value: CLV, P(alive) × expected
 * spend, or any numeric column of a per-customer table (CLV outputs, RFM measures …).
 */
import { dateLit, ident, join, lit, sql, type Sql } from './sql.ts';

export const QUADRANTS = ['core', 'potential', 'general', 'low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export type CurrentMeasure = { kind: 'revenue' | 'margin'; from?: string; to?: string } | { kind: 'rfm' };
/** A numeric column of a per-customer table keyed by customer_id (the CLV table, the RFM table …). */
export interface PotentialColumn {
	table: string;
	column: string;
}
/** The potential measures that are not a table column. */
export const POTENTIAL_MEASURES = ['clv', 'alive-spend'] as const;
export type PotentialMeasure = (typeof POTENTIAL_MEASURES)[number] | PotentialColumn;
export type SplitRule = { kind: 'median' } | { kind: 'mean' } | { kind: 'values'; current: number; potential: number };

export interface ValueMatrixOptions {
	/** Typed transactions (customer_id, ts, amount; cost for current = 'margin'). */
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
	if (c.kind === 'rfm') return sql`TRUE`;
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
	const p = o.potential;
	const fromColumn = typeof p === 'object' && p.table !== o.clv;
	const potential = p === 'clv' ? sql`c.clv` : p === 'alive-spend' ? sql`c.p_alive * c.expected_avg_spend` : sql`${fromColumn ? sql`pc` : sql`c`}.${ident(p.column)}`;
	const current =
		o.current.kind === 'rfm'
			? sql`CAST(r.r_score + r.f_score + r.m_score AS DOUBLE)`
			: o.current.kind === 'margin'
				? sql`coalesce(rev.margin, 0)`
				: sql`coalesce(rev.revenue, 0)`;
	const margin = o.current.kind === 'margin' ? sql`, sum(amount - cost) AS margin` : sql``;
	const rfmJoin = o.current.kind === 'rfm' ? sql`JOIN ${ident(o.rfm as string)} r USING (customer_id)` : sql``;
	const columnJoin = typeof p === 'object' && fromColumn ? sql`LEFT JOIN ${ident(p.table)} pc USING (customer_id)` : sql``;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH rev AS (SELECT customer_id, sum(amount) AS revenue${margin} FROM ${ident(o.tx)} WHERE ${windowWhere(o.current)} GROUP BY customer_id),
		j AS (SELECT c.customer_id, ${current} AS current_value, CAST(${potential} AS DOUBLE) AS potential_value,
				coalesce(rev.revenue, 0) AS revenue, c.clv, c.p_alive, c.expected_purchases, c.expected_avg_spend
			FROM ${ident(o.clv)} c LEFT JOIN rev USING (customer_id) ${rfmJoin} ${columnJoin}
			WHERE ${potential} IS NOT NULL AND isfinite(CAST(${potential} AS DOUBLE))),
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

/** The CLI's output: VALUE_MATRIX_COLUMNS, values rounded to 6 decimals, by customer id. */
export function valueMatrixListSql(matrix: string): Sql {
	return sql`SELECT customer_id, round(current_value, 6) AS current_value, round(potential_value, 6) AS potential_value, quadrant FROM ${ident(matrix)} ORDER BY customer_id`;
}

/** The columns of the page's customer list and export, in order. */
export const VALUE_MATRIX_LIST_COLUMNS = ['customer_id', 'quadrant', 'current_value', 'potential_value', 'revenue', 'clv', 'p_alive', 'expected_purchases', 'expected_avg_spend'] as const;
export type ValueMatrixListColumn = (typeof VALUE_MATRIX_LIST_COLUMNS)[number];

export interface ValueMatrixCustomersOptions {
	matrix: string;
	/** Output name of each column (headers in the user's language); default the column's own name. */
	names?: Partial<Record<ValueMatrixListColumn, string>>;
	/** Display name of each quadrant; default the quadrant's id. */
	quadrants?: Partial<Record<Quadrant, string>>;
	/** Only this quadrant's customers; everyone when absent. */
	quadrant?: Quadrant;
	/** Leave these columns out (revenue when the current value is the revenue itself). */
	omit?: readonly ValueMatrixListColumn[];
	/** A `strategy` column after the quadrant: each quadrant's service strategy text. */
	strategies?: Partial<Record<Quadrant, string>>;
	/** Output name of the strategy column (default `strategy`). */
	strategyName?: string;
}

/** The page's customer list (VALUE_MATRIX_LIST_COLUMNS), highest potential first, ties by id. */
export function valueMatrixCustomersSql(o: ValueMatrixCustomersOptions): Sql {
	const label = sql`CASE quadrant ${join(QUADRANTS.map((q) => sql`WHEN ${q} THEN ${o.quadrants?.[q] ?? q}`), ' ')} END`;
	const strategies = o.strategies;
	const strategy = strategies ? [sql`CASE quadrant ${join(QUADRANTS.map((q) => sql`WHEN ${q} THEN ${strategies[q] ?? ''}`), ' ')} END AS ${ident(o.strategyName ?? 'strategy')}`] : [];
	const cols = VALUE_MATRIX_LIST_COLUMNS.filter((c) => !o.omit?.includes(c)).flatMap((c) => [
		sql`${c === 'quadrant' ? label : ident(c)} AS ${ident(o.names?.[c] ?? c)}`,
		...(c === 'quadrant' ? strategy : [])
	]);
	const where = o.quadrant ? sql`WHERE quadrant = ${o.quadrant}` : sql``;
	return sql`SELECT ${join(cols)} FROM ${ident(o.matrix)} ${where} ORDER BY potential_value DESC, customer_id`;
}

/** DuckDB types read as numbers (DECIMAL(p,s) is matched by its prefix). */
const NUMERIC_TYPES = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'FLOAT', 'DOUBLE'];

/**
 * The numeric columns (table_name, column_name) of the given tables in the main database, in table
 * order then column order: what the potential-value axis may use. Missing tables give no rows.
 */
export function numericColumnsSql(tables: readonly string[]): Sql {
	if (tables.length === 0) return sql`SELECT NULL AS table_name, NULL AS column_name WHERE FALSE`;
	const order = join(tables.map((t, i) => sql`WHEN ${t} THEN ${i}`), ' ');
	return sql`SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'main' AND table_name IN (${join(tables.map((t) => lit(t)))}) AND column_name <> 'customer_id'
			AND (data_type IN (${join(NUMERIC_TYPES.map((t) => lit(t)))}) OR data_type LIKE 'DECIMAL%')
		ORDER BY CASE table_name ${order} END, ordinal_position`;
}

/** Whether `table` has a column `column` (one row, has_column). */
export function hasColumnSql(table: string, column: string): Sql {
	return sql`SELECT count(*) > 0 AS has_column FROM information_schema.columns
		WHERE table_schema = 'main' AND table_name = ${table} AND column_name = ${column}`;
}

/**
 * Finds the column a user named ('clv.p_alive', or 'p_alive' when only one table has it) among
 * `available`; 'missing' or 'ambiguous' (with the tables that have it) otherwise.
 */
export function resolvePotentialColumn(
	name: string,
	available: readonly PotentialColumn[]
): PotentialColumn | { problem: 'missing' } | { problem: 'ambiguous'; tables: string[] } {
	const dot = name.indexOf('.');
	const hits =
		dot > 0
			? available.filter((c) => c.table === name.slice(0, dot) && c.column === name.slice(dot + 1))
			: available.filter((c) => c.column === name);
	if (hits.length === 1) return hits[0]!;
	return hits.length === 0 ? { problem: 'missing' } : { problem: 'ambiguous', tables: hits.map((h) => h.table) };
}
