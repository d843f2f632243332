import * as duckdb from '@duckdb/duckdb-wasm';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient, FileSource, QueryResult, Row, ScriptTokens } from './client.ts';
import { timeSlicer } from '../core/time-slice.ts';
import { normalizeArrowSliced } from './normalize.ts';
import { startDuckDb } from './engine-worker.ts';
import { engineBundle, takePrestarted } from './engine-prestart.ts';
import { offlineSettings } from './settings.ts';

/**
 * DuckDB-WASM in the page. AsyncDuckDB runs the engine in its own Web Worker, so queries never block
 * the UI thread. Bundles are same-origin assets emitted by Vite (offline-safe); we ship the eh and
 * mvp single-threaded bundles only (the COI bundle needs COOP/COEP and breaks file handles).
 */
export class BrowserDbClient implements DbClient {
	private constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly conn: duckdb.AsyncDuckDBConnection,
		private readonly worker: Worker
	) {}

	static async create(): Promise<BrowserDbClient> {
		mark('create');
		// The client is made once the engine is open; its progress listener is read when a report comes.
		let client: BrowserDbClient | null = null;
		const { worker, db } = await startDuckDb(engineBundle(), (pct) => client?.progress?.(pct), takePrestarted());
		mark('instantiated');
		await db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
		const conn = await db.connect();
		mark('opened');
		// One round trip to the worker for all settings (DuckDB runs a text of several statements in order).
		await conn.query([...offlineSettings(abs('./no-extensions')).map((s) => s.text), ...PROGRESS_SETTINGS].join(';\n'));
		client = new BrowserDbClient(db, conn, worker);
		mark('configured');
		return client;
	}

	/** The listener of the running cancellable statement (percentage 0–100; negative when unknown). */
	private progress: ((percentage: number) => void) | null = null;

	/**
	 * One connection, one statement at a time: a streamed (pending) statement is interrupted by any
	 * other query on the same connection, so every call waits for the previous one. cancel() does not
	 * wait: it interrupts the statement that is running.
	 */
	private tail: Promise<unknown> = Promise.resolve();

	private serial<T>(fn: () => Promise<T>): Promise<T> {
		const guarded = () => {
			if (this.failure) return Promise.reject(this.failure);
			return fn().catch((e: unknown) => {
				if (isFatal(e)) this.failure = e instanceof Error ? e : new Error(String(e));
				throw e;
			});
		};
		const run = this.tail.then(guarded, guarded);
		this.tail = run.catch(() => undefined);
		return run;
	}

	/** What broke the engine (null while it works). */
	private failure: Error | null = null;

	get broken(): boolean {
		return this.failure !== null;
	}

	/**
	 * Stops the worker at once, without waiting on it (a broken engine may never answer): every later
	 * call fails with `reason`. The page's engine restart (state/engine.ts) calls it on the old engine.
	 */
	kill(reason = new Error('Out of Memory Error: the engine was stopped')): void {
		this.failure ??= reason;
		this.worker.terminate();
	}

	query<T extends Row = Row>(q: Sql): Promise<QueryResult<T>> {
		// Rows are made on the page's main thread: in slices, so a large result never blocks it for long.
		return this.serial(async () => normalizeArrowSliced<T>(await this.conn.query(q.text), timeSlicer()));
	}

	tokenize(text: string): Promise<ScriptTokens> {
		return this.serial(async () => {
			const t = await this.db.tokenize(text);
			return { offsets: [...t.offsets], types: [...t.types] };
		});
	}

	tableNames(text: string): Promise<string[]> {
		return this.serial(() => this.conn.getTableNames(text));
	}

	exec(q: Sql, onProgress?: (fraction: number) => void): Promise<void> {
		return this.serial(async () => {
			if (onProgress) await this.stream(q, onProgress, false);
			else await this.conn.query(q.text);
		});
	}

	execCancellable(q: Sql, onProgress?: (fraction: number) => void): Promise<boolean> {
		return this.serial(() => this.stream(q, onProgress, true));
	}

	/**
	 * Streams the statement (pending-query mode): the engine reports its progress, and cancel() can
	 * interrupt it between chunks — only when it is `cancellable` (a view's read of the text table
	 * must not take the Cancel meant for an import).
	 */
	private async stream(
		q: Sql,
		onProgress: ((fraction: number) => void) | undefined,
		cancellable: boolean
	): Promise<boolean> {
		this.cancelled = false;
		this.cancellable = cancellable;
		this.progress = onProgress ? (pct) => pct >= 0 && onProgress(Math.min(1, pct / 100)) : null;
		try {
			const reader = await this.conn.send(q.text, true);
			for await (const batch of reader) void batch;
			return !this.cancelled;
		} catch (e) {
			if (this.cancelled) return false;
			throw e;
		} finally {
			this.progress = null;
			this.cancellable = false;
		}
	}

	private cancelled = false;
	private cancellable = false;

	/** Interrupts the running cancellable statement (nothing else). */
	async cancel(): Promise<void> {
		if (!this.cancellable || this.failure) return;
		this.cancelled = true;
		await this.conn.cancelSent();
	}

	async registerFile(name: string, source: FileSource): Promise<void> {
		// A stopped worker never answers: calls to a broken engine fail at once instead of waiting forever.
		if (this.failure) throw this.failure;
		if (source.kind === 'file') {
			// A handle keeps the bytes outside the 4 GB wasm heap (lower memory, larger files).
			await this.db.registerFileHandle(
				name,
				source.file,
				duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
				true
			);
		} else if (source.kind === 'text') {
			await this.db.registerFileText(name, source.text);
		} else {
			throw new Error('the browser client reads File objects, not paths');
		}
	}

	async dropFile(name: string): Promise<void> {
		if (this.failure) throw this.failure;
		await this.db.dropFile(name);
	}

	async close(): Promise<void> {
		if (this.failure) return this.worker.terminate();
		await this.conn.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}

/**
 * Failures after which the engine's heap cannot be trusted: DuckDB-WASM out of memory (its heap
 * could not grow), a wasm trap, an allocation V8 refused. Queries that follow one have returned
 * nonsense (an empty table: "no data rows" for every later file), so the client stops answering.
 */
export function isFatal(e: unknown): boolean {
	const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
	return /out of memory|memory access out of bounds|unreachable|RuntimeError|Array buffer allocation failed|could not allocate/i.test(m);
}

/** Progress reports every 100 ms once a statement has run that long (DuckDB's default waits 2 s). */
const PROGRESS_SETTINGS = [
	'SET enable_progress_bar = true',
	'SET enable_progress_bar_print = true',
	'SET progress_bar_time = 100'
];

function abs(url: string): string {
	return new URL(url, document.baseURI).href;
}

/** A performance mark of the engine's start-up (read by the bench's start-up probe). */
function mark(step: string): void {
	performance.mark(`clientele:engine:${step}`);
}
