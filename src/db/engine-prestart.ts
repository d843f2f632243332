import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/**
 * The engine's worker, started by the page's entry (main.ts) before anything else loads. Kept free of
 * DuckDB-WASM's own module (and Arrow): the entry stays a few kB, so the worker and its wasm download
 * start ≈ 300 ms after navigation instead of after db/browser.ts (200 kB) has loaded and parsed.
 * The wrapper (public/engine-start.worker.js) compiles the wasm as soon as it runs, while DuckDB's worker
 * script is read and before the page's first message reaches it (the page's main thread is then busy
 * drawing: a message to a new worker waits for the main thread). db/browser.ts adopts this worker.
 */

export interface EngineBundle {
	mainModule: string;
	mainWorker: string;
}

export interface Prestarted {
	bundle: EngineBundle;
	worker: Worker;
	/** The worker's first error event (a broken wasm download), heard from the start; never resolves otherwise. */
	failure: Promise<Error>;
	/** Stops listening for that error (the engine has started: later errors take their default course). */
	detach(): void;
}

/** eh (wasm exceptions) where the browser has them, else mvp: DuckDB-WASM's selectBundle without its import. */
export function engineBundle(): EngineBundle {
	// DuckDB-WASM's own feature test for wasm exceptions (a function with try / catch_all).
	const eh = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]));
	return eh ? { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) } : { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) };
}

/**
 * A new engine worker: the wrapper script of ours, told DuckDB's worker script and the wasm to compile
 * early by its name (same-origin URLs; `wasm` may be a blob: URL, the page's uncached copy).
 */
export function spawnEngineWorker(bundle: EngineBundle, wasm: string): Prestarted {
	const worker = new Worker(abs('./engine-start.worker.js'), { name: JSON.stringify({ script: bundle.mainWorker, wasm }) });
	let onError: (e: ErrorEvent) => void = () => undefined;
	const failure = new Promise<Error>((resolve) => {
		onError = (e: ErrorEvent) => {
			e.preventDefault();
			resolve(new Error(e.message || 'the engine worker failed to start'));
		};
		worker.addEventListener('error', onError);
	});
	return { bundle, worker, failure, detach: () => worker.removeEventListener('error', onError) };
}

let early: Prestarted | null = null;

/** Starts the page's first engine worker (main.ts, first thing). */
export function prestartEngine(): void {
	if (early || typeof Worker === 'undefined') return;
	performance.mark('clientele:engine:worker');
	const bundle = engineBundle();
	early = spawnEngineWorker(bundle, bundle.mainModule);
}

/** The worker prestartEngine() started, once (null when none, or when it was taken). */
export function takePrestarted(): Prestarted | null {
	const p = early;
	early = null;
	return p;
}

function abs(url: string): string {
	return new URL(url, document.baseURI).href;
}
