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

/** A file to be read by DuckDB: a browser File, or a path on disk (Node only). */
export type FileSource = { kind: 'file'; file: File } | { kind: 'path'; path: string } | { kind: 'text'; text: string };

/**
 * The one interface in front of the engine. Browser and Node implementations live in this folder;
 * nothing outside src/db imports @duckdb/duckdb-wasm.
 */
export interface DbClient {
	query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>>;
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
