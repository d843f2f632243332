import type { DbClient } from '../db/client.ts';

let pending: Promise<DbClient> | null = null;

/**
 * The page's one DuckDB instance, started on first use (the wasm is fetched from our origin), then
 * rehearsed once on a small generated file (warm-up.ts) so the first real load runs optimised code.
 */
export function getDb(): Promise<DbClient> {
	if (!pending) {
		pending = Promise.all([import('../db/browser.ts'), import('../run/warm-up.ts')]).then(async ([m, w]) => {
			const db = await m.BrowserDbClient.create();
			// A failed rehearsal costs nothing but its time: the engine works without it.
			await w.warmUp(db).catch(() => undefined);
			return db;
		});
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
}
