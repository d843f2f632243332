import * as duckdb from '@duckdb/duckdb-wasm';
import { listenToExecutionProgress } from './progress.ts';

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
 * A DuckDB worker with its wasm instantiated from `wasmUrl`. Rejects (the worker stopped) when the
 * worker reports an error before instantiate() answers. `onProgress` gets the engine's progress reports.
 */
async function instantiate(bundle: duckdb.DuckDBBundle, wasmUrl: string, onProgress: (pct: number) => void): Promise<StartedEngine> {
	// The wrapper (public/engine-start.worker.js) reads DuckDB's worker script from its name: a URL without a
	// query string, as the service worker has it cached for offline use.
	const worker = new Worker(new URL('./engine-start.worker.js', document.baseURI).href, { name: bundle.mainWorker! });
	let failed: (e: Error) => void = () => undefined;
	const failure = new Promise<never>((_, reject) => (failed = reject));
	const onError = (e: ErrorEvent) => {
		e.preventDefault();
		failed(new Error(e.message || 'the engine worker failed to start'));
	};
	worker.addEventListener('error', onError);
	try {
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		// Progress of long statements (a CSV scan reports the share of the file read); checked here,
		// before anything else, so a DuckDB-WASM upgrade that moves it fails at once.
		listenToExecutionProgress(db, onProgress);
		await Promise.race([db.instantiate(wasmUrl, bundle.pthreadWorker), failure]);
		return { worker, db };
	} catch (e) {
		worker.terminate();
		throw e;
	} finally {
		worker.removeEventListener('error', onError);
	}
}

/** The wasm read from the server (or the page's service worker) without the browser's HTTP cache, as a Blob URL. */
async function uncachedCopy(wasmUrl: string): Promise<string> {
	const res = await fetch(wasmUrl, { cache: 'no-store' });
	if (!res.ok) throw new Error(`the engine's wasm could not be read (HTTP ${res.status})`);
	return URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/wasm' }));
}

/** DuckDB's worker and wasm, started; once more from an uncached copy of the wasm when the first start fails. */
export async function startDuckDb(bundle: duckdb.DuckDBBundle, onProgress: (pct: number) => void): Promise<StartedEngine> {
	try {
		return await instantiate(bundle, bundle.mainModule, onProgress);
	} catch (first) {
		if (first instanceof Error && first.name === 'DuckDbProgressUnavailable') throw first;
		const copy = await uncachedCopy(bundle.mainModule);
		try {
			return await instantiate(bundle, copy, onProgress);
		} finally {
			URL.revokeObjectURL(copy);
		}
	}
}
