import type { ProfileAttribute } from '../import/profile-roles.ts';
import { dateExpr, idExpr, numberExpr } from './parse.ts';
import { ident, join, sql, type Sql } from './sql.ts';
import { blankSql } from './trim.ts';

/**
 * The customer-profile table (客户档案) from a profile file's text table: `customer_id` (text, the id
 * read as transaction ids are read) and one typed column per attribute, under the file's own column
 * name (numbers DOUBLE, dates DATE or TIMESTAMP, the rest VARCHAR). Rows without an id are left out.
 */

/** A typed attribute's value. */
function valueOf(a: ProfileAttribute): Sql {
	if (a.kind === 'number' && a.numberFormat) return numberExpr(a.column, a.numberFormat);
	if (a.kind === 'date' && a.dateFormat) {
		const t = dateExpr(a.column, a.dateFormat);
		return a.dateFormat.dateOnly ? sql`CAST(${t} AS DATE)` : sql`CAST(${t} AS TIMESTAMP)`;
	}
	return sql`nullif(trim(CAST(${ident(a.column)} AS VARCHAR)), '')`;
}

export function profilesSql(o: { source: string; target: string; id: string; attributes: readonly ProfileAttribute[] }): Sql {
	const cols = o.attributes.map((a) => sql`${valueOf(a)} AS ${ident(a.column)}`);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * FROM (SELECT ${join([sql`${idExpr(o.id)} AS customer_id`, ...cols])} FROM ${ident(o.source)})
		WHERE customer_id IS NOT NULL`;
}

export interface ProfileProblem {
	/** 'duplicate': an id on more than one row; 'unreadable': a typed attribute's value that does not read. */
	problem: 'duplicate' | 'unreadable';
	column: string;
	count: number;
	/** 1-based data row of the first one (for a duplicate: the first repeat), and its value. */
	row: number;
	value: string;
	[k: string]: string | number | null;
}

/** What keeps the profile table from being right, one row per problem (no rows: fine). */
export function profileProblemsSql(o: { source: string; id: string; attributes: readonly ProfileAttribute[] }): Sql {
	const src = ident(o.source);
	const parts: Sql[] = [
		sql`SELECT 'duplicate' AS problem, ${o.id} AS "column", CAST(count(*) AS INTEGER) AS count,
			CAST(min(r) FILTER (WHERE k > 1) AS INTEGER) AS "row", arg_min(id, r) FILTER (WHERE k > 1) AS "value"
			FROM (SELECT id, r, count(*) OVER (PARTITION BY id) AS n, row_number() OVER (PARTITION BY id ORDER BY r) AS k
				FROM (SELECT ${idExpr(o.id)} AS id, rowid + 1 AS r FROM ${src}))
			WHERE id IS NOT NULL AND n > 1 HAVING count(*) > 0`
	];
	for (const a of o.attributes.filter((x) => x.kind !== 'text'))
		parts.push(sql`SELECT 'unreadable' AS problem, ${a.column} AS "column", CAST(count(*) AS INTEGER) AS count,
			CAST(min(rowid + 1) AS INTEGER) AS "row", arg_min(CAST(${ident(a.column)} AS VARCHAR), rowid) AS "value"
			FROM ${src} WHERE NOT ${blankSql(ident(a.column))} AND ${valueOf(a)} IS NULL HAVING count(*) > 0`);
	return join(parts, ' UNION ALL ');
}

export interface ProfileMatchRow {
	/** Ids in the profile table. */
	profiles: number;
	/** Ids in both: profiles with a transaction line, and transaction customers with a profile. */
	matched: number;
	/** Customers in the transactions. */
	customers: number;
	[k: string]: number;
}

/** How the profile ids and the transaction customers match. */
export function profileMatchSql(o: { profiles: string; tx: string }): Sql {
	return sql`WITH c AS (SELECT DISTINCT customer_id FROM ${ident(o.tx)}),
		m AS (SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(o.profiles)} AS p SEMI JOIN c ON p.customer_id = c.customer_id)
		SELECT (SELECT CAST(count(*) AS INTEGER) FROM ${ident(o.profiles)}) AS profiles, m.n AS matched,
			(SELECT CAST(count(*) AS INTEGER) FROM c) AS customers
		FROM m`;
}
