import path from 'node:path';
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient, FileSource, QueryResult, Row } from './client.ts';
import { normalizeArrow } from './normalize.ts';
import { offlineSettings } from './settings.ts';

type Bindings = Awaited<ReturnType<typeof duckdb.createDuckDB>>;
type Conn = ReturnType<Bindings['connect']>;

/**
 * DuckDB-WASM's Node bundle (blocking API), used by the CLI and the tests: the same engine and
 * the same SQL as the page. Never LOAD parquet/json/icu here: offline the Node build hangs.
 */
export class NodeDbClient implements DbClient {
	private constructor(
		private readonly db: Bindings,
		private readonly conn: Conn
	) {}

	static async create(): Promise<NodeDbClient> {
		const require = createRequire(import.meta.url);
		const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
		const db = await duckdb.createDuckDB(
			{
				mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
				eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
			},
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate(() => {});
		db.open({});
		const conn = db.connect();
		for (const s of offlineSettings(path.join(dist, 'no-extensions'))) conn.query(s.text);
		return new NodeDbClient(db, conn);
	}

	query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>> {
		try {
			return Promise.resolve(normalizeArrow<T>(this.conn.query(q.text)));
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
		this.conn.close();
		return Promise.resolve();
	}
}
