import type { DbClient } from '../db/client.ts';

let pending: Promise<DbClient> | null = null;

/** The page's one DuckDB instance, started on first use (the wasm is fetched from our origin). */
export function getDb(): Promise<DbClient> {
	if (!pending) {
		pending = import('../db/browser.ts').then((m) => m.BrowserDbClient.create());
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
}
