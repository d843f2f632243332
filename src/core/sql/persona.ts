import type { Bins } from '../persona/bins.ts';
import { ident, join, raw, sql, type Sql } from './sql.ts';

/**
 * Personas (客户画像) in SQL: the persona table (one row per customer of the basis: its group, its
 * behaviour classes and its profile attributes), the quintile edges of numeric features and the
 * customers per group × feature × value the statistics are computed from (core/persona/rows.ts).
 */

/** A feature read from the persona table: a column, cut into bins when numeric. */
export interface FeatureColumn {
	/** The feature id written in the output (a fixed English id, or a profile column's name). */
	id: string;
	/** Its column in the persona table. */
	column: string;
	bins?: Bins;
}

/**
 * The persona table: every customer of `groups` (customer_id, grp) with the behaviour row and the
 * profile attributes (renamed pf_0, pf_1 … so no name clashes with a behaviour column).
 */
export function personaTableSql(o: { target: string; groups: Sql; behaviour: string; profiles?: { table: string; columns: readonly string[] } }): Sql {
	const pf = o.profiles;
	const pcols = pf ? pf.columns.map((c, i) => sql`, p.${ident(c)} AS ${ident(`pf_${i}`)}`) : [];
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT g.customer_id, CAST(g.grp AS VARCHAR) AS grp, b.* EXCLUDE (customer_id)${join(pcols, '')}
		FROM (${o.groups}) g LEFT JOIN ${ident(o.behaviour)} b ON b.customer_id = g.customer_id
		${pf ? sql`LEFT JOIN ${ident(pf.table)} p ON p.customer_id = g.customer_id` : raw('')}`;
}

/** One row: min_i, q1_i … q4_i (20 … 80 %, nearest rank: quantile_disc), max_i per numeric column. */
export function quintileEdgesSql(table: string, columns: readonly string[]): Sql {
	const parts = columns.map((c, i) => {
		const x = ident(c);
		const q = [0.2, 0.4, 0.6, 0.8].map((p, k) => sql`quantile_disc(${x}, ${p}) AS ${ident(`q${k + 1}_${i}`)}`);
		return sql`min(${x}) AS ${ident(`min_${i}`)}, ${join(q)}, max(${x}) AS ${ident(`max_${i}`)}`;
	});
	return sql`SELECT ${join(parts)} FROM ${ident(table)}`;
}

/** Distinct non-null values per column (text attributes with too many values are not described). */
export function distinctCountsSql(table: string, columns: readonly string[]): Sql {
	return sql`SELECT ${join(columns.map((c, i) => sql`count(DISTINCT ${ident(c)}) AS ${ident(`n_${i}`)}`))} FROM ${ident(table)}`;
}

function valueSql(f: FeatureColumn): Sql {
	const x = ident(f.column);
	const b = f.bins;
	if (!b) return sql`CAST(${x} AS VARCHAR)`;
	if (b.labels.length === 0) return raw('CAST(NULL AS VARCHAR)');
	const arms = b.labels.slice(0, -1).map((label, i) => sql`WHEN ${x} < ${b.edges[i + 1]!} THEN ${label}`);
	return sql`CASE WHEN ${x} IS NULL THEN NULL ${join(arms, ' ')} ELSE ${b.labels[b.labels.length - 1]!} END`;
}

/** feature, grp, value (NULL: unknown), customers — over every customer of the persona table. */
export function featureCountsSql(table: string, features: readonly FeatureColumn[]): Sql {
	const t = ident(table);
	const arms = features.map((f) => sql`SELECT ${f.id} AS feature, grp, ${valueSql(f)} AS value, count(*) AS customers FROM ${t} GROUP BY ALL`);
	return join(arms, ' UNION ALL ');
}

/**
 * Per group: customers, revenue (net), orders, AOV (revenue ÷ orders) and, with a value-matrix table
 * (customer_id, clv, p_alive), the mean CLV and P(alive) of its customers with one (NULL without).
 */
export function groupValueSql(table: string, value?: string): Sql {
	const v = value ? sql`LEFT JOIN (SELECT customer_id, clv, p_alive FROM ${ident(value)}) v ON v.customer_id = t.customer_id` : raw('');
	const clv = value ? raw('avg(v.clv) AS clv, avg(v.p_alive) AS p_alive') : raw('CAST(NULL AS DOUBLE) AS clv, CAST(NULL AS DOUBLE) AS p_alive');
	return sql`SELECT grp, count(*) AS customers, round(coalesce(sum(revenue), 0), 2) AS revenue, CAST(coalesce(sum(orders), 0) AS INTEGER) AS orders,
			round(sum(revenue) / nullif(sum(orders), 0), 2) AS aov, ${clv}
		FROM ${ident(table)} t ${v} WHERE grp IS NOT NULL GROUP BY grp`;
}

/** A transaction column as a grouping: each customer's most frequent value among its lines (ties by name). */
export function columnGroupsSql(o: { tx: string; text: string; rowNumber: Sql; column: string }): Sql {
	const c = ident(o.column);
	return sql`SELECT customer_id, arg_min(v, (-n, v)) AS grp FROM (
			SELECT t.customer_id, nullif(trim(CAST(x.${c} AS VARCHAR)), '') AS v, count(*) AS n
			FROM ${ident(o.tx)} t JOIN (SELECT ${o.rowNumber} AS src_row_x, * FROM ${ident(o.text)}) x ON x.src_row_x = t.src_row
			WHERE v IS NOT NULL GROUP BY ALL)
		GROUP BY customer_id`;
}

/** A column as the basis: every customer of the behaviour table, grouped by `groups` (customer_id, grp); no value: in the base only. */
export function columnBasisSql(behaviour: string, groups: Sql): Sql {
	return sql`SELECT b.customer_id, g.grp FROM ${ident(behaviour)} b LEFT JOIN (${groups}) g ON g.customer_id = b.customer_id`;
}

/** A profile column as the groups (customer_id, grp). */
export function profileGroupsSql(profiles: string, column: string): Sql {
	return sql`SELECT customer_id, nullif(trim(CAST(${ident(column)} AS VARCHAR)), '') AS grp FROM ${ident(profiles)}`;
}
