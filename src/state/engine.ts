import type { DbClient } from '../db/client.ts';

let pending: Promise<DbClient> | null = null;
let current: DbClient | null = null;
/** The rehearsal running in the background (null before the engine starts); `stop` ends it between statements. */
let warming: { stop: boolean; done: Promise<void> } | null = null;

/**
 * Starts the page's one DuckDB instance (the wasm is fetched from our origin) without claiming it: the
 * page's entry (main.ts) calls it first thing. The engine is ready once it is open and configured; its
 * rehearsal on a small generated file (warm-up.ts, so the first real load runs optimised code) then
 * runs in the background and ends early when real work claims the engine (getDb). Measured 2026-12-06
 * with performance marks (db/browser.ts) on a quiet 2-core machine: ready 4.1–4.9 s after navigation,
 * of which the 34 MB wasm's fetch + compile is 3.4–4.0 s; the rehearsal then ends 2 s later.
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
