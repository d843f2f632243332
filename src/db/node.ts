import path from 'node:path';
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient, FileSource, QueryResult, Row, ScriptTokens } from './client.ts';
import { normalizeArrow } from './normalize.ts';
import { offlineSettings } from './settings.ts';
import { dbTap } from './tap.ts';

type Bindings = Awaited<ReturnType<typeof duckdb.createDuckDB>>;
type Conn = ReturnType<Bindings['connect']>;

/**
 * Engines of closed clients, reset and kept for the next create(): compiling the wasm takes 1.5–3.6 s on
 * this machine, a reset + open ≈ 0.2 s (measured 2026-12-05), so a process that runs many commands in
 * turn (the hostile-corpus test calls the CLI's main once per case) pays the compilation once. A live
 * client never shares its engine.
 */
const idle: Bindings[] = [];

/**
 * DuckDB-WASM's Node bundle (blocking API), used by the CLI and the tests: the same engine and
 * the same SQL as the page. Never LOAD parquet/json/icu here: offline the Node build hangs.
 */
export class NodeDbClient implements DbClient {
	private closed = false;

	private constructor(
		private readonly db: Bindings,
		private readonly conn: Conn
	) {}

	static async create(): Promise<NodeDbClient> {
		const db = idle.pop() ?? (await NodeDbClient.instantiate());
		db.open({});
		const conn = db.connect();
		const dist = NodeDbClient.dist();
		for (const s of offlineSettings(path.join(dist, 'no-extensions'))) conn.query(s.text);
		return new NodeDbClient(db, conn);
	}

	private static dist(): string {
		const require = createRequire(import.meta.url);
		return path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	}

	private static async instantiate(): Promise<Bindings> {
		const dist = NodeDbClient.dist();
		const db = await duckdb.createDuckDB(
			{
				mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
				eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
			},
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate(() => {});
		return db;
	}

	query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>> {
		try {
			const result = normalizeArrow<T>(this.conn.query(q.text));
			dbTap.on?.({ kind: 'sql', text: q.text, columns: result.columns });
			return Promise.resolve(result);
		} catch (e) {
			return Promise.reject(e instanceof Error ? e : new Error(String(e)));
		}
	}

	tokenize(text: string): Promise<ScriptTokens> {
		const t = this.db.tokenize(text);
		return Promise.resolve({ offsets: [...t.offsets], types: [...t.types] });
	}

	tableNames(text: string): Promise<string[]> {
		try {
			return Promise.resolve(this.conn.getTableNames(text));
		} catch (e) {
			return Promise.reject(e instanceof Error ? e : new Error(String(e)));
		}
	}

	async exec(q: Sql): Promise<void> {
		await this.query(q);
	}

	async execCancellable(q: Sql): Promise<boolean> {
		await this.exec(q);
		return true;
	}

	cancel(): Promise<void> {
		return Promise.resolve();
	}

	registerFile(name: string, source: FileSource): Promise<void> {
		dbTap.on?.({ kind: 'register', name, source });
		if (source.kind === 'path') {
			this.db.registerFileURL(name, path.resolve(source.path), duckdb.DuckDBDataProtocol.NODE_FS, false);
		} else if (source.kind === 'text') {
			this.db.registerFileText(name, source.text);
		} else {
			return Promise.reject(new Error('the Node client reads files by path, not File objects'));
		}
		return Promise.resolve();
	}

	dropFile(name: string): Promise<void> {
		this.db.dropFile(name);
		return Promise.resolve();
	}

	close(): Promise<void> {
		if (this.closed) return Promise.resolve();
		this.closed = true;
		this.conn.close();
		try {
			this.db.reset(); // a fresh, empty database for the next create()
			idle.push(this.db);
		} catch {
			// an engine that cannot reset (a wasm trap) is dropped, not reused
		}
		return Promise.resolve();
	}
}
