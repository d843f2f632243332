/**
 * The DuckDB progress adapter against the installed @duckdb/duckdb-wasm: the page's bundle is
 * loaded in Node (with a stand-in Worker) and a progress message goes through AsyncDuckDB's own
 * message handler. If an upgrade moves or renames what the adapter relies on, this fails.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as DuckDb from '@duckdb/duckdb-wasm';
import { DuckDbProgressUnavailable, listenToExecutionProgress } from '../../../src/db/progress.ts';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/** The engine's worker, as far as AsyncDuckDB sees it: messages in, messages out. */
class StandInWorker extends EventTarget {
	posted: unknown[] = [];
	postMessage(m: unknown): void {
		this.posted.push(m);
	}
	terminate(): void {}
}

let duckdb: typeof DuckDb;
beforeAll(async () => {
	// The browser bundle reads the global Worker when it loads (its createWorker helper).
	vi.stubGlobal('Worker', StandInWorker);
	duckdb = (await import(path.join(dist, 'duckdb-browser.mjs'))) as typeof DuckDb;
});
afterAll(() => {
	vi.unstubAllGlobals();
});

function progressMessage(percentage: number): MessageEvent {
	return new MessageEvent('message', { data: { requestId: 0, type: 'PROGRESS_UPDATE', data: { status: 'in-progress', percentage, repetitions: 1 } } });
}

describe('DuckDB-WASM execution progress (the installed package)', () => {
	it('relays PROGRESS_UPDATE messages of the engine worker to the listener, until removed', () => {
		const worker = new StandInWorker();
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker as unknown as Worker);
		const seen: number[] = [];
		const stop = listenToExecutionProgress(db, (pct) => seen.push(pct));
		worker.dispatchEvent(progressMessage(12.5));
		worker.dispatchEvent(progressMessage(-1));
		stop();
		worker.dispatchEvent(progressMessage(80));
		expect(seen).toEqual([12.5, -1]);
	});

	it.each(['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'])('%s still posts PROGRESS_UPDATE with a percentage', (file) => {
		const text = readFileSync(path.join(dist, file), 'utf8');
		expect(text).toMatch(/type:\s*"PROGRESS_UPDATE",\s*data:\s*\{[^}]*percentage:/);
	});

	it('fails loudly, naming the field, when the library no longer keeps the listeners there', () => {
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger());
		const moved = Object.assign(Object.create(Object.getPrototypeOf(db) as object) as object, db, { _onExecutionProgress: undefined });
		expect(() => listenToExecutionProgress(moved as DuckDb.AsyncDuckDB, () => undefined)).toThrow(DuckDbProgressUnavailable);
		expect(() => listenToExecutionProgress(moved as DuckDb.AsyncDuckDB, () => undefined)).toThrow(/_onExecutionProgress is missing/);
		const changed = Object.assign(moved, { _onExecutionProgress: new Set() });
		expect(() => listenToExecutionProgress(changed as DuckDb.AsyncDuckDB, () => undefined)).toThrow(/is not an array \(\[object Set\]\)/);
	});
});
