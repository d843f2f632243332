/**
 * Statements on whole tables that the runners repeat (count, copy, rename, drop): built here so no
 * runner writes SQL text.
 */
import { ident, sql, type Sql } from './sql.ts';

/** The rows of a table, as `n`. */
export function countRowsSql(table: string): Sql {
	return sql`SELECT count(*) AS n FROM ${ident(table)}`;
}

export function dropTableSql(table: string): Sql {
	return sql`DROP TABLE IF EXISTS ${ident(table)}`;
}

export function dropViewSql(view: string): Sql {
	return sql`DROP VIEW IF EXISTS ${ident(view)}`;
}

/** Renames a table (the target must not exist: drop it first). */
export function renameTableSql(from: string, to: string): Sql {
	return sql`ALTER TABLE ${ident(from)} RENAME TO ${ident(to)}`;
}

/** A copy of a table under another name (replacing it). */
export function copyTableSql(o: { source: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT * FROM ${ident(o.source)}`;
}

/** The one value `n` of a one-row table (countRecordsIntoSql's). */
export function readCountSql(table: string): Sql {
	return sql`SELECT n FROM ${ident(table)}`;
}

/** Appends `source`'s rows to `target`, columns matched by name (files of the same shape, columns in any order). */
export function appendByNameSql(o: { source: string; target: string }): Sql {
	return sql`INSERT INTO ${ident(o.target)} BY NAME SELECT * FROM ${ident(o.source)}`;
}
