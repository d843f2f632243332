import { ident, join, lit, raw, sql, type Sql } from '../sql/sql.ts';
import type { CheckedStatement } from './statement.ts';

/** Where the console keeps a query's result (a temporary table, paged by the grid): `CREATE … AS SELECT * FROM (\n`. */
export function resultPrefix(table: string): string {
	return `CREATE OR REPLACE TEMP TABLE ${ident(table).text} AS SELECT * FROM (\n`;
}

/**
 * The checked query as a temporary table: the grid then counts, sorts and pages it with LIMIT/OFFSET
 * (never millions of rows in JS), and pages stay stable. Only checkStatement's output gets here.
 */
export function resultSql(table: string, checked: CheckedStatement & { kind: 'query' }): Sql {
	return raw(`${resultPrefix(table)}${checked.text}\n)`);
}

/** The checked statement itself (EXPLAIN, a scratch write). */
export function checkedSql(checked: CheckedStatement): Sql {
	return raw(checked.text);
}

export function resultPageSource(table: string): Sql {
	return sql`SELECT * FROM temp.${ident(table)}`;
}

export function scratchSchemaSql(schema: string): Sql {
	return sql`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`;
}

/** The tables and views a user can query (main and scratch), with their columns in order. */
export function schemaSql(schemas: readonly string[]): Sql {
	return sql`SELECT schema_name AS "schema", table_name AS "table", column_name AS "column", data_type AS "type"
FROM duckdb_columns() WHERE NOT internal AND database_name = current_database() AND schema_name IN (${join(schemas.map((s) => lit(s)))})
ORDER BY schema_name <> 'main', table_name, column_index`;
}

/** Every relation the catalog knows (any schema, lower-case): what a statement may name. */
export const RELATIONS_SQL: Sql = raw(
	'SELECT DISTINCT lower(table_name) AS name FROM duckdb_tables() UNION SELECT DISTINCT lower(view_name) FROM duckdb_views()'
);

/** The catalog's table functions (lower-case): a call of one outside the safe list is refused. */
export const TABLE_FUNCTIONS_SQL: Sql = raw(
	"SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')"
);
