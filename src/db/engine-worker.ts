import * as duckdb from '@duckdb/duckdb-wasm';
import { listenToExecutionProgress } from './progress.ts';
import { spawnEngineWorker, type EngineBundle, type Prestarted } from './engine-prestart.ts';

/**
 * Starting DuckDB-WASM's worker so that a broken wasm download is seen, and read again around the cache.
 *
 * The worker compiles the 34 MB wasm in a promise nobody handles. When the download breaks — Chromium's
 * in-memory cache of an incognito window refuses the entry (net::ERR_CACHE_WRITE_FAILURE, seen in 5 of 7
 * fresh incognito visits to a host that sends ETags; goplus/builder#2401 reports it in Chrome 141), then
 * "WebAssembly compilation aborted" — instantiate() never answers and the page would say "starting" for
 * ever. The worker is therefore started from a small wrapper script of ours (public/engine-start.worker.js)
 * that turns an unhandled rejection into the worker's error event; the page then reads the wasm once more
 * itself with `cache: 'no-store'` and gives DuckDB that copy (a Blob URL: `connect-src blob:`).
 */

export interface StartedEngine {
	worker: Worker;
	db: duckdb.AsyncDuckDB;
}

/**
 * A DuckDB worker with its wasm instantiated (`started`: a worker of spawnEngineWorker(), its wasm already
 * compiling). Rejects (the worker stopped) when the worker reports an error before instantiate() answers.
 * `onProgress` gets the engine's progress reports.
 */
async function instantiate(started: Prestarted, onProgress: (pct: number) => void): Promise<StartedEngine> {
	const { worker, bundle } = started;
	try {
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		// Progress of long statements (a CSV scan reports the share of the file read); checked here,
		// before anything else, so a DuckDB-WASM upgrade that moves it fails at once.
		listenToExecutionProgress(db, onProgress);
		const failure = started.failure.then((e) => Promise.reject(e));
		await Promise.race([db.instantiate(bundle.mainModule, null), failure]);
		return { worker, db };
	} catch (e) {
		worker.terminate();
		throw e;
	} finally {
		started.detach();
	}
}

/** The wasm read from the server (or the page's service worker) without the browser's HTTP cache, as a Blob URL. */
async function uncachedCopy(wasmUrl: string): Promise<string> {
	const res = await fetch(wasmUrl, { cache: 'no-store' });
	if (!res.ok) throw new Error(`the engine's wasm could not be read (HTTP ${res.status})`);
	return URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/wasm' }));
}

/**
 * DuckDB's worker and wasm, started (in `early`, the worker main.ts started, when it is there); once more
 * from an uncached copy of the wasm when the first start fails.
 */
export async function startDuckDb(bundle: EngineBundle, onProgress: (pct: number) => void, early: Prestarted | null = null): Promise<StartedEngine> {
	const first = early && early.bundle.mainModule === bundle.mainModule ? early : null;
	if (early && !first) early.worker.terminate();
	try {
		return await instantiate(first ?? spawnEngineWorker(bundle, bundle.mainModule), onProgress);
	} catch (e) {
		if (e instanceof Error && e.name === 'DuckDbProgressUnavailable') throw e;
		const copy = await uncachedCopy(bundle.mainModule);
		try {
			return await instantiate(spawnEngineWorker({ ...bundle, mainModule: copy }, copy), onProgress);
		} finally {
			URL.revokeObjectURL(copy);
		}
	}
}
