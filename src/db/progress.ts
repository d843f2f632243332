/**
 * DuckDB-WASM's execution progress, read through one door.
 *
 * The engine reports the progress of a long statement (a CSV scan: the share of the file read)
 * from its worker as `PROGRESS_UPDATE` messages. AsyncDuckDB (1.32) relays them to the listeners in
 * a list it keeps in a protected field, `_onExecutionProgress`, and has no public way to add one.
 * This module is the only place that reaches into that field: it checks that the field is there and
 * is a list, and throws at engine start otherwise, so an upgrade that changes it fails loudly
 * instead of leaving a progress bar that never moves. test/unit/db/progress.test.ts runs the check
 * on the installed package.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';

/** What DuckDB-WASM passes each listener (its ProgressEntry; typed as strings, posted as numbers). */
interface ProgressEntryLike {
	readonly percentage: number | string;
}

type Listener = (p: ProgressEntryLike) => void;

/** The field and what it must hold, for the error message. */
const FIELD = '_onExecutionProgress';

export class DuckDbProgressUnavailable extends Error {
	constructor(found: string) {
		super(
			`@duckdb/duckdb-wasm changed: AsyncDuckDB.${FIELD} is ${found}, expected an array of progress listeners. ` +
				'Load progress reads it (src/db/progress.ts): adapt the adapter to the new version.'
		);
		this.name = 'DuckDbProgressUnavailable';
	}
}

function listenersOf(db: AsyncDuckDB): Listener[] {
	const field: unknown = (db as unknown as Record<string, unknown>)[FIELD];
	if (!Array.isArray(field))
		throw new DuckDbProgressUnavailable(field === undefined ? 'missing' : `not an array (${Object.prototype.toString.call(field)})`);
	return field as Listener[];
}

/**
 * Calls `listener` with the engine's progress (percentage 0–100; negative when the engine has no
 * estimate) while statements run. Throws DuckDbProgressUnavailable if the library no longer keeps
 * its listeners where this expects them. Returns a function that removes the listener.
 */
export function listenToExecutionProgress(db: AsyncDuckDB, listener: (percentage: number) => void): () => void {
	const listeners = listenersOf(db);
	const relay: Listener = (p) => listener(Number(p.percentage));
	listeners.push(relay);
	return () => {
		const i = listeners.indexOf(relay);
		if (i >= 0) listeners.splice(i, 1);
	};
}
