import { beforeEach, describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../src/core/errors.ts';
import { raw, type Sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { constantStep } from '../../../src/run/step.ts';
import { firstError, Query, type QueryRequest } from '../../../src/state/query.svelte.ts';

/*
 * The query resource without a page: `sync()` is what its effect calls when the request changes
 * (Node runs Svelte's server build, where effects do not run), so each test calls it by hand.
 */
const db = {} as DbClient;

/** A request whose answers the test hands out, in any order. */
class Asked {
	text = 'SELECT 1';
	data: unknown[] = [];
	off = false;
	runs: { text: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
	request = (): QueryRequest<string> | null => {
		if (this.off) return null;
		const text = this.text;
		return {
			sql: raw(text) as Sql,
			data: this.data,
			run: () => new Promise<string>((resolve, reject) => this.runs.push({ text, resolve, reject }))
		};
	};
}

let asked: Asked;
let q: Query<string>;
beforeEach(() => {
	asked = new Asked();
	q = new Query(() => db, asked.request);
});

/** Lets the answers handed out reach the query. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a query resource', () => {
	it('is idle without a request or a database, then loading, then ready with the answer', async () => {
		asked.off = true;
		expect(q.status).toBe('idle');
		expect(new Query(() => null, asked.request).status).toBe('idle');
		asked.off = false;
		expect(q.status).toBe('loading');
		const done = q.sync();
		asked.runs[0]!.resolve('one');
		await done;
		expect([q.status, q.data, q.version]).toEqual(['ready', 'one', 1]);
	});

	it('asks again only when the statements’ text or a data version changes', async () => {
		const answer = async () => {
			const p = q.sync();
			asked.runs.at(-1)?.resolve(`answer ${asked.runs.length}`);
			await p;
		};
		await answer();
		await answer();
		expect(asked.runs).toHaveLength(1);
		asked.text = 'SELECT 2';
		await answer();
		asked.data = [2];
		await answer();
		await answer();
		expect(asked.runs.map((r) => r.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 2']);
		expect([q.data, q.version]).toEqual(['answer 3', 3]);
	});

	it('drops an answer that arrives after a newer request', async () => {
		void q.sync();
		asked.text = 'SELECT 2';
		const second = q.sync();
		asked.runs[1]!.resolve('new');
		await second;
		asked.runs[0]!.resolve('old');
		await settle();
		expect([q.data, q.status]).toEqual(['new', 'ready']);
	});

	it('coming back to the answer it holds asks nothing and drops what is on its way', async () => {
		const first = q.sync();
		asked.runs[0]!.resolve('one');
		await first;
		asked.text = 'SELECT 2';
		void q.sync();
		asked.text = 'SELECT 1';
		await q.sync();
		asked.runs[1]!.resolve('two');
		await settle();
		expect(asked.runs).toHaveLength(2);
		expect([q.data, q.status]).toEqual(['one', 'ready']);
	});

	it('keeps the last answer while the request is null', async () => {
		const first = q.sync();
		asked.runs[0]!.resolve('one');
		await first;
		asked.off = true;
		await q.sync();
		expect([q.status, q.data]).toEqual(['idle', 'one']);
		asked.off = false;
		await q.sync();
		expect([q.status, asked.runs.length]).toEqual(['ready', 1]);
	});

	it.each([
		['a failed run', () => asked.runs[0]!.reject(new ClienteleError('kpi.badScore', { row: 3 })), 'kpi.badScore'],
		['an engine failure, named as the analysis failing on the file', () => asked.runs[0]!.reject(new Error('boom')), 'kpi.failed']
	])('reports %s as its error, a typed one through firstError', async (_name, fail, code) => {
		const p = q.sync();
		fail();
		await p;
		expect(q.status).toBe('error');
		expect(firstError([q], 'f.csv', 'kpi.failed')?.code).toBe(code);
	});

	it('a request that cannot be built is its error; a constant step answers without a statement', async () => {
		const bad = new Query(() => db, () => {
			throw new RangeError('bad parameter');
		});
		expect(bad.status).toBe('error');
		expect(firstError([bad], 'f.csv', 'journey.failed')?.params).toMatchObject({ detail: 'bad parameter' });
		const none = new Query(() => db, () => constantStep<string[]>([]));
		await none.sync();
		expect([none.status, none.data]).toEqual(['ready', []]);
	});
});
