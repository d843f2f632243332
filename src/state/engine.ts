import type { DbClient } from '../db/client.ts';

let pending: Promise<DbClient> | null = null;
let current: DbClient | null = null;

/**
 * The page's one DuckDB instance, started on first use (the wasm is fetched from our origin), then
 * rehearsed once on a small generated file (warm-up.ts) so the first real load runs optimised code.
 * A broken engine (out of memory, a wasm trap: DbClient.broken) is replaced by a fresh one.
 */
export function getDb(): Promise<DbClient> {
	if (current?.broken) stopEngine();
	if (!pending) {
		pending = Promise.all([import('../db/browser.ts'), import('../run/warm-up.ts')]).then(async ([m, w]) => {
			const db = await m.BrowserDbClient.create();
			// A failed rehearsal costs nothing but its time: the engine works without it.
			await w.warmUp(db, undefined, { asFile: true }).catch(() => undefined);
			current = db;
			return db;
		});
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
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
	old?.kill?.();
}

/**
 * For the end-to-end tests only: the engine's next long statement (a file's load) fails the way an out-of-memory does
 * (the worker gone, every later call failing), so the page's recovery can be tested in seconds.
 */
(globalThis as { __clienteleBreakEngine?: () => void }).__clienteleBreakEngine = () => {
	(current as (DbClient & { failNext?: () => void }) | null)?.failNext?.();
};
