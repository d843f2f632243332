import type { Sql } from '../core/sql/sql.ts';

/** A plain row: numbers, strings, booleans, null. Timestamps/dates arrive as epoch milliseconds. */
export type Row = Record<string, string | number | boolean | null>;

export interface ColumnInfo {
	name: string;
	/** DuckDB type name, e.g. VARCHAR, DOUBLE, TIMESTAMP. */
	type: string;
}

export interface QueryResult<T extends Row = Row> {
	rows: T[];
	columns: ColumnInfo[];
}

/** What tokenize() returns: DuckDB-WASM's ScriptTokens (start offsets in UTF-8 bytes, and kinds, in order). */
export interface ScriptTokens {
	offsets: number[];
	types: number[];
}

/** A file to be read by DuckDB: a browser File, or a path on disk (Node only). */
export type FileSource = { kind: 'file'; file: File } | { kind: 'path'; path: string } | { kind: 'text'; text: string };

/**
 * The one interface in front of the engine. Browser and Node implementations live in this folder;
 * nothing outside src/db imports @duckdb/duckdb-wasm.
 */
export interface DbClient {
	query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>>;
	/**
	 * DuckDB's own lexer over a text (the SQL console's guard): each token's start offset and kind
	 * (0 identifier, 1 number, 2 string, 3 operator, 4 keyword, 5 comment). Runs nothing.
	 * Optional: the DuckDB-WASM clients (page, Node) have it; another engine may not (no SQL console there).
	 */
	tokenize?(text: string): Promise<ScriptTokens>;
	/**
	 * DuckDB's parser and binder in name-extraction mode: the tables one statement reads (fails on a
	 * parse error, with its position, and on more than one statement). Binding calls table functions'
	 * bind step (read_csv opens its file): only for text the console's guard has passed.
	 */
	tableNames?(text: string): Promise<string[]>;
	/** Runs a statement; `onProgress` as in execCancellable, but cancel() does not stop it. */
	exec(q: Sql, onProgress?: (fraction: number) => void): Promise<void>;
	/**
	 * Runs a long statement that can be stopped with cancel(). Resolves false when it was cancelled.
	 * `onProgress` gets the engine's estimate of the work done (0–1) while it runs, where it has one.
	 */
	execCancellable(q: Sql, onProgress?: (fraction: number) => void): Promise<boolean>;
	cancel(): Promise<void>;
	registerFile(name: string, source: FileSource): Promise<void>;
	dropFile(name: string): Promise<void>;
	close(): Promise<void>;
	/**
	 * True once the engine failed in a way it does not come back from (the page's worker after an
	 * out-of-memory or a wasm trap): every later call fails at once; the page starts a fresh engine.
	 */
	readonly broken?: boolean;
}
