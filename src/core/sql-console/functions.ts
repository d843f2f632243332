import { ConsoleError } from './console-error.ts';
import { isName, TOKEN, type Token } from './tokens.ts';

/**
 * Table functions that read files or URLs: refused by name wherever they are called (a CTE, a
 * subquery, a join, quoted or schema-qualified), whether or not their extension is loaded. In the
 * page, DuckDB-WASM reads an http(s) path itself, so each of these could send a request.
 */
export const FILE_READERS: ReadonlySet<string> = new Set([
	'read_csv', 'read_csv_auto', 'sniff_csv', 'read_text', 'read_blob', 'glob',
	'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema', 'parquet_file_metadata', 'parquet_kv_metadata',
	'read_json', 'read_json_auto', 'read_json_objects', 'read_json_objects_auto',
	'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects',
	'iceberg_scan', 'iceberg_metadata', 'iceberg_snapshots', 'delta_scan', 'read_xlsx', 'read_avro',
	'st_read', 'st_read_meta', 'sqlite_scan', 'sqlite_attach', 'postgres_scan', 'postgres_attach', 'mysql_scan'
]);

/** Table functions that run a statement given as text: they would slip any statement past the guard. */
export const DYNAMIC_SQL: ReadonlySet<string> = new Set(['query', 'query_table']);

/**
 * The table functions a query may call: generated series and the catalog's read-only listings.
 * Any other table function in the catalog (checkpoint, logging, secrets, arrow scans …) is refused.
 */
export const SAFE_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
	'range', 'generate_series', 'unnest', 'repeat', 'repeat_row', 'summary', 'histogram', 'histogram_values',
	'duckdb_columns', 'duckdb_constraints', 'duckdb_databases', 'duckdb_dependencies', 'duckdb_functions',
	'duckdb_indexes', 'duckdb_keywords', 'duckdb_schemas', 'duckdb_sequences', 'duckdb_settings', 'duckdb_tables',
	'duckdb_types', 'duckdb_views', 'duckdb_memory', 'duckdb_optimizers',
	'pragma_table_info', 'pragma_show', 'pragma_version', 'pragma_platform', 'pragma_database_size', 'pragma_collations'
]);

/**
 * Refuses every call of a file reader, of a statement-from-text function and of a table function
 * outside SAFE_TABLE_FUNCTIONS (`tableFunctions`: the catalog's table functions, lower-case). A
 * call is a name token followed by `(` — DuckDB's lexer decides what is a name, a string or a comment.
 */
export function checkCalls(tokens: readonly Token[], tableFunctions: ReadonlySet<string>): void {
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.kind === TOKEN.identifier && /^u&/i.test(t.text))
			throw new ConsoleError('console.refused.escapedName', { name: t.text }, t.start);
		if (!isName(t) || tokens[i + 1]?.word !== '(') continue;
		if (FILE_READERS.has(t.word)) throw new ConsoleError('console.refused.reader', { name: t.word }, t.start);
		if (DYNAMIC_SQL.has(t.word)) throw new ConsoleError('console.refused.dynamicSql', { name: t.word }, t.start);
		if (tableFunctions.has(t.word) && !SAFE_TABLE_FUNCTIONS.has(t.word))
			throw new ConsoleError('console.refused.tableFunction', { name: t.word }, t.start);
	}
}
