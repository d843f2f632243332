import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { raw, sql, type Sql } from '../core/sql/sql.ts';
import type { ColumnInfo, DbClient, FileSource, QueryResult, Row } from './client.ts';
import { loadNative, type InstallLog, type NativeConnection, type NativeInstance } from './native-install.ts';
import { plainValue, typeName } from './native-values.ts';
import { offlineSettings } from './settings.ts';

export interface NativeOptions {
	/** Worker threads of the engine (default: the machine's cores). */
	threads?: number;
	/** Where the pinned package is installed (default: the cache folder, native-install.ts). */
	dir?: string;
	/** Progress of a first-time install (default: stderr). */
	log?: InstallLog;
}

/** The machine's cores: the default number of threads. */
export function defaultThreads(): number {
	return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Native DuckDB (@duckdb/node-api, the same DuckDB v1.4.3 as the wasm engine, installed on demand by
 * native-install.ts) behind the DbClient interface: `--engine native` in the CLI, the bench's reference.
 * The same SQL as the wasm engine, the same offline settings (no extension is installed or loaded on
 * demand; what the package links in — icu, json, parquet — stays as it is, with TimeZone UTC as in the
 * wasm engine, which has no icu), and rows normalised to exactly what normalize.ts gives (native-values.ts).
 *
 * A registered file is a symlink (a text source: a file) in a scratch folder on DuckDB's
 * file_search_path, so read_csv('input_…') finds it under its registered name as the wasm engine does;
 * the scratch folder also takes what a large query spills to disk, and goes with close().
 */
export class NativeDbClient implements DbClient {
	private closed = false;
	private interrupted = false;

	private constructor(
		private readonly inst: NativeInstance,
		private readonly conn: NativeConnection,
		private readonly scratch: string
	) {}

	static async create(o: NativeOptions = {}): Promise<NativeDbClient> {
		const api = await loadNative({ dir: o.dir, log: o.log });
		const threads = String(o.threads ?? defaultThreads());
		const inst = await api.DuckDBInstance.create(':memory:', { threads, autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-native-'));
		try {
			const conn = await inst.connect();
			const settings = [
				...offlineSettings(path.join(scratch, 'no-extensions')),
				raw("SET TimeZone = 'UTC'"),
				sql`SET temp_directory = ${path.join(scratch, 'spill')}`,
				sql`SET file_search_path = ${path.join(scratch, 'files')}`
			];
			fs.mkdirSync(path.join(scratch, 'files'));
			for (const s of settings) await conn.run(s.text);
			return new NativeDbClient(inst, conn, scratch);
		} catch (e) {
			inst.closeSync();
			fs.rmSync(scratch, { recursive: true, force: true });
			throw e;
		}
	}

	async query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>> {
		const reader = await this.conn.runAndReadAll(q.text);
		const n = reader.columnCount;
		const names: string[] = [];
		const types: number[] = [];
		const columns: ColumnInfo[] = [];
		for (let c = 0; c < n; c++) {
			names.push(reader.columnName(c));
			types.push(reader.columnTypeId(c));
			columns.push({ name: names[c]!, type: typeName(types[c]!, reader.columnType(c).toString()) });
		}
		const count = reader.currentRowCount;
		const rows: T[] = new Array<T>(count);
		for (let r = 0; r < count; r++) {
			const row: Row = {};
			for (let c = 0; c < n; c++) row[names[c]!] = plainValue(reader.value(c, r), types[c]!);
			rows[r] = row as T;
		}
		return { rows, columns };
	}

	async exec(q: Sql): Promise<void> {
		await this.conn.run(q.text);
	}

	async execCancellable(q: Sql): Promise<boolean> {
		this.interrupted = false;
		try {
			await this.conn.run(q.text);
			return true;
		} catch (e) {
			if (this.interrupted) return false;
			throw e;
		} finally {
			this.interrupted = false;
		}
	}

	cancel(): Promise<void> {
		this.interrupted = true;
		this.conn.interrupt();
		return Promise.resolve();
	}

	private filePath(name: string): string {
		return path.join(this.scratch, 'files', path.basename(name));
	}

	registerFile(name: string, source: FileSource): Promise<void> {
		const at = this.filePath(name);
		fs.rmSync(at, { force: true });
		if (source.kind === 'path') fs.symlinkSync(path.resolve(source.path), at);
		else if (source.kind === 'text') fs.writeFileSync(at, source.text);
		else return Promise.reject(new Error('the native client reads files by path, not File objects'));
		return Promise.resolve();
	}

	dropFile(name: string): Promise<void> {
		fs.rmSync(this.filePath(name), { force: true });
		return Promise.resolve();
	}

	close(): Promise<void> {
		if (this.closed) return Promise.resolve();
		this.closed = true;
		try {
			this.conn.closeSync();
			this.inst.closeSync();
		} finally {
			fs.rmSync(this.scratch, { recursive: true, force: true });
		}
		return Promise.resolve();
	}
}
