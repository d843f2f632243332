/**
 * One step of a runner as a view can hold it: the statements the step runs, in order, and how to
 * run them. The statements' text identifies the step's answer, so a view asks again only when it
 * changes (state/query.svelte.ts); the CLI just calls `run`.
 */
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient, Row } from '../db/client.ts';

export interface Step<T> {
	sql: Sql | readonly Sql[];
	run: (db: DbClient) => Promise<T>;
}

/** The rows of one statement. */
export function rowsStep<T extends Row>(q: Sql): Step<T[]> {
	return { sql: q, run: async (db) => (await db.query<T>(q)).rows };
}

/** A step that needs no statement: its answer is `value` (e.g. no groups when nothing is grouped). */
export function constantStep<T>(value: T): Step<T> {
	return { sql: [], run: () => Promise.resolve(value) };
}
