import type { DbClient } from '../db/client.ts';

let pending: Promise<DbClient> | null = null;
let current: DbClient | null = null;
/** The rehearsal running in the background (null before the engine starts); `stop` ends it between statements. */
let warming: { stop: boolean; done: Promise<void> } | null = null;

/**
 * Starts the page's one DuckDB instance (the wasm is fetched from our origin) without claiming it: the
 * page's entry (main.ts) calls it first thing, after starting the engine's worker (db/engine-prestart.ts),
 * whose wrapper compiles the wasm while this client loads. The engine is ready once it is open and
 * configured; its rehearsal on a small generated file (warm-up.ts, so the first real load runs optimised
 * code) then runs in the background and ends early when real work claims the engine (getDb).
 * Where start-up goes (CDP trace of a first visit, headless Chromium 150, 2-core machine at load 20): worker
 * created ≈ 100 ms after navigation; wasm streamed and validated 1.2 s (V8 compiles it lazily: each function
 * when first called; an eager compile of all 34 MB took 12 s); Emscripten's dynamic-linking start-up in
 * DuckDB's worker script 0.7 s (75,011 exports, one GOT global each); open + connect 0.9–1.5 s (mostly the
 * lazy compile of ≈ 2,800 functions DuckDB's start runs); settings 0.1–0.3 s. Navigation → ready, same
 * session, round robin (2026-12-06, load 16–24, scripts/bench/engine-start.ts): 5.4–6.6 s, against 4.8–7.1 s
 * before the worker was started early (an earlier round robin at load 18–21: 6.1–8.1 s against 7.6–9.2 s).
 * On a quiet machine the same day (load 0.7–1.6, 5 runs each): 1.82–1.98 s (median 1.85 s) against
 * 2.12–2.39 s (2.25 s) for the build before (README, *Engine start*).
 * A broken engine (out of memory, a wasm trap: DbClient.broken) is replaced by a fresh one.
 */
export function startEngine(): Promise<DbClient> {
	if (current?.broken) stopEngine();
	if (!pending) {
		pending = import('../db/browser.ts').then((m) => m.BrowserDbClient.create()).then((db) => {
			current = db;
			const w = { stop: false, done: Promise.resolve() };
			// A failed rehearsal costs nothing but its time: the engine works without it.
			w.done = import('../run/warm-up.ts')
				.then((r) => r.warmUp(db, undefined, { asFile: true, stop: () => w.stop }))
				.catch(() => undefined);
			warming = w;
			return db;
		});
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
}

/** The engine for real work: starts it when needed and ends its background rehearsal before its next statement. */
export function getDb(): Promise<DbClient> {
	const p = startEngine();
	const claim = () => {
		if (warming) warming.stop = true;
	};
	claim();
	// Started just now: the rehearsal begins when the engine is ready, after this claim.
	return p.then((db) => (claim(), db));
}

/** Resolves when the background rehearsal has finished or stopped (at once before the engine starts). */
export function warmedUp(): Promise<void> {
	return warming?.done ?? Promise.resolve();
}

/** Whether `db` is the engine getDb() gives now (false once it broke and was replaced). */
export function isCurrentEngine(db: DbClient | null): boolean {
	return db !== null && db === current && !db.broken;
}

/** Stops the current engine's worker at once (its tables are gone); the next getDb() starts a new one. */
function stopEngine(): void {
	const old = current as (DbClient & { kill?: () => void }) | null;
	current = null;
	pending = null;
	if (warming) warming.stop = true;
	warming = null;
	old?.kill?.();
}
