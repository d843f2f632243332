/**
 * A query resource: one answer from the database that follows its request. A view model derives
 * the request from its parameters — the statements the answer comes from, the versions of the data
 * they read, and how to run them — and the resource asks again only when the statements' text or a
 * data version changes. An answer that arrives after a newer request is dropped; the last answer is
 * kept while a new one is on its way and while the request is null (nothing to ask now).
 *
 *   const paths = new Query(() => db, () => ({ ...reportStep(o), data: [events.version] }));
 *   paths.track(); // while a component initialises: follow the request for the component's life
 *
 * Generic: it knows nothing of any analysis.
 */
import { untrack } from 'svelte';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { Step } from '../run/step.ts';

/** A runner's step (its statements and how to run them) and the versions of the data it reads. */
export interface QueryRequest<T> extends Step<T> {
	/**
	 * Versions of the data the statements read, where it can change under the same text (a dataset's
	 * version, another query's `version`); compared one by one.
	 */
	data?: readonly unknown[];
}

export type QueryStatus = 'idle' | 'loading' | 'ready' | 'error';

interface Key {
	db: DbClient;
	texts: readonly string[];
	data: readonly unknown[];
}

type Built<T> = { key: Key; run: (db: DbClient) => Promise<T> } | { error: unknown } | null;

function sameKey(a: Key | null, b: Key | null): boolean {
	if (!a || !b) return false;
	return a.db === b.db && sameList(a.texts, b.texts) && sameList(a.data, b.data);
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
	return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

export class Query<T> {
	/** The last answer (kept while a newer one is asked for and while the request is null). */
	data = $state.raw<T | undefined>(undefined);
	/** Counts the answers received: a query that reads what this one made lists it in its `data`. */
	version = $state(0);
	#built = $derived.by((): Built<T> => this.#build());
	#answered = $state.raw<Key | null>(null);
	#failed = $state.raw<{ key: Key; error: unknown } | null>(null);
	/** The key of the latest run started (or of the answer kept when a request came back to it). */
	#asked: Key | null = null;
	#runs = 0;
	#pending: Promise<void> = Promise.resolve();

	constructor(
		private readonly db: () => DbClient | null,
		private readonly request: () => QueryRequest<T> | null
	) {}

	#build(): Built<T> {
		try {
			const db = this.db();
			const r = db ? this.request() : null;
			if (!db || !r) return null;
			const texts = (Array.isArray(r.sql) ? (r.sql as readonly Sql[]) : [r.sql as Sql]).map((s) => s.text);
			return { key: { db, texts, data: r.data ?? [] }, run: r.run };
		} catch (error) {
			// A request that cannot be built (a bad parameter) is this query's error.
			return { error };
		}
	}

	/** idle: nothing to ask; loading: the answer to the current request is on its way; then ready or error. */
	get status(): QueryStatus {
		const b = this.#built;
		if (!b) return 'idle';
		if ('error' in b) return 'error';
		if (this.#failed && sameKey(this.#failed.key, b.key)) return 'error';
		return sameKey(this.#answered, b.key) ? 'ready' : 'loading';
	}

	/** The error of the current request (null unless status is 'error'). */
	get error(): unknown {
		const b = this.#built;
		if (!b) return null;
		if ('error' in b) return b.error;
		return this.#failed && sameKey(this.#failed.key, b.key) ? this.#failed.error : null;
	}

	/** Follows the request from now on: call while a component initialises (the effect ends with it). */
	track(): void {
		$effect(() => {
			void this.#built;
			untrack(() => void this.sync());
		});
	}

	/** Asks for the answer to the current request unless it has been asked for already; resolves when it is in. */
	sync(): Promise<void> {
		const b = this.#built;
		if (!b || 'error' in b || sameKey(this.#asked, b.key)) return this.#pending;
		const key = b.key;
		this.#asked = key;
		const run = ++this.#runs;
		// Back to the answer we hold: nothing to ask, and whatever is on its way is stale.
		if (sameKey(this.#answered, key)) return (this.#pending = Promise.resolve());
		this.#pending = b.run(key.db).then(
			(data) => {
				if (run !== this.#runs) return;
				this.data = data;
				this.#answered = key;
				this.#failed = null;
				this.version++;
			},
			(error: unknown) => {
				if (run !== this.#runs) return;
				this.#failed = { key, error };
			}
		);
		return this.#pending;
	}
}

/**
 * The first error among some queries, as a ClienteleError (an engine failure becomes the
 * analysis's own failure code, naming the file); null when none failed.
 */
export function firstError(queries: readonly Query<unknown>[], file: string, code: 'kpi.failed' | 'journey.failed'): ClienteleError | null {
	const e = queries.map((q) => q.error).find((x) => x !== null && x !== undefined);
	if (e === undefined) return null;
	if (isClienteleError(e)) return e;
	return new ClienteleError(code, { file, detail: e instanceof Error ? e.message : String(e) });
}
