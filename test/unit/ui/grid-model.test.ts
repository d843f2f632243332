import { describe, expect, it } from 'vitest';
import { ident, join, sql, type Sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { GridModel } from '../../../src/ui/grid-model.svelte.ts';
import { useDb } from '../../helpers/db.ts';

/*
 * The grid's model over a real table (Node runs Svelte's server build: its state is plain fields), with
 * every statement it sends recorded.
 */
const db = useDb();
function recorded(): { client: DbClient; sent: string[] } {
	const sent: string[] = [];
	const client = new Proxy(db, {
		get(target, key) {
			const v = Reflect.get(target, key) as unknown;
			if (key !== 'query' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
			return (q: Sql) => {
				sent.push(q.text);
				return (v as (q: Sql) => unknown).call(target, q);
			};
		}
	}) as DbClient;
	return { client, sent };
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GridModel', () => {
	it('the same SQL handed over again while its first count runs is counted and described once', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE gm_rows AS SELECT range AS a, 'x' || range AS b FROM range(7)`);
		const { client, sent } = recorded();
		const source = sql`SELECT * FROM gm_rows`;
		const m = new GridModel(client, source);
		// The grid's tools become ready while the model's first count is under way, and hand the same text over.
		await Promise.all([m.setSource(source), m.setSource(sql`SELECT * FROM gm_rows`)]);
		expect(m.status).toBe('ready');
		expect(m.total).toBe(7);
		expect(sent.filter((t) => t.startsWith('DESCRIBE'))).toHaveLength(1);
		expect(sent.filter((t) => t.startsWith('SELECT count(*)'))).toHaveLength(1);
		// Another SQL is counted again.
		await m.setSource(sql`SELECT * FROM gm_rows WHERE a > 2`);
		expect(m.total).toBe(4);
	});

	it('a wide source: pages read the first span of columns, then the columns it is told', async () => {
		const names = Array.from({ length: 150 }, (_, i) => `c${i}`);
		await db.exec(sql`CREATE OR REPLACE TABLE gm_wide AS SELECT ${join(names.map((n, i) => sql`${i} * 10 + range AS ${ident(n)}`))} FROM range(3)`);
		const { client, sent } = recorded();
		const source = sql`SELECT * FROM gm_wide`;
		const m = new GridModel(client, source);
		await m.setSource(source);
		expect(m.row(0)).toBeUndefined();
		await wait(50);
		for (let k = 0; k < 100 && !m.row(1); k++) await wait(20);
		// Column 0 and the next 40, the values the table holds.
		expect(Object.keys(m.row(1)!)).toEqual(names.slice(0, 41));
		expect(m.row(1)!.c40).toBe(401);
		m.setReadColumns(['c0', 'c140', 'c149']);
		expect(m.row(2)).toBeUndefined();
		for (let k = 0; k < 100 && !m.row(2); k++) await wait(20);
		expect(m.row(2)).toEqual({ c0: 2, c140: 1402, c149: 1492 });
		expect(sent.filter((t) => t.includes('LIMIT')).every((t) => !t.startsWith('SELECT * FROM'))).toBe(true);
	});

	it('scrolling asks for the block ahead of the window; a window at rest, or moved after a reset, does not', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE gm_long AS SELECT range AS a FROM range(1000)`);
		const { client, sent } = recorded();
		const source = sql`SELECT * FROM gm_long`;
		const m = new GridModel(client, source);
		await m.setSource(source);
		const pages = () => sent.filter((t) => t.includes('LIMIT')).map((t) => Number(/OFFSET (\d+)/.exec(t)?.[1]));
		const settle = async () => {
			for (let k = 0; k < 100 && m.window(first, 30).some((v) => !v.row); k++) await wait(20);
			await wait(50);
		};
		let first = 0;
		await settle();
		// The first window (rows 0–29) and the same one again: block 0 only.
		expect(pages()).toEqual([0]);
		// Moved down to rows 4–33: block 0 holds them; the row a block further on (133) is asked for.
		first = 4;
		m.window(first, 30);
		await settle();
		expect(pages()).toEqual([0, 100]);
		const before = sent.length;
		expect(m.row(133)).toEqual({ a: 133 });
		expect(sent.length).toBe(before);
		// Moved up: the row a block before (−96) is not a row; nothing more is asked for.
		first = 2;
		m.window(first, 30);
		await settle();
		expect(pages()).toEqual([0, 100]);
		// A sort starts the rows afresh: its first window reads block 0 only, not ahead.
		m.toggleSort('a');
		first = 500;
		await settle();
		expect(pages()).toEqual([0, 100, 500]);
	});
});
