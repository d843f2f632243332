/**
 * The rows each quick search found, kept in hits tables (run/grid-source.ts prepare): the last two
 * searches used are kept, whichever order they were typed in, so the search on screen is never
 * dropped under the grid's page requests; a search typed on from a kept one reads that one's rows
 * only, and finds what a scan of the index finds, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { countSql } from '../../../src/core/sql/grid.ts';
import { filteredSql, searchedSql } from '../../../src/core/sql/grid-filter.ts';
import { sql, type Sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { gridSearchIndex, gridSource } from '../../../src/run/grid-source.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { gridCopyOf, gridHitsPrefix, gridSearchOf } from '../../../src/run/tables.ts';
import fs from 'node:fs';
import path from 'node:path';
import { useDb, useTmpDir } from '../../helpers/db.ts';

const db = useDb();
const tmp = useTmpDir('grid-search-hits-');

describe('the kept rows of quick searches', () => {
	it('keeps a search typed again among the last two: its rows stay readable while the next search is made', async () => {
		const file = (await openFile(db, 'public/sample/transactions.csv', { table: 'raw_kept' }, NODE_FILES))!.file;
		await gridSource(db, file);
		const index = gridSearchIndex(db, file);
		await index.ensure([]);
		const names = file.sniff.columns.map((c) => c.name);
		const want = async (text: string) =>
			(await db.query<{ n: number }>(countSql(filteredSql({ source: sql`SELECT * FROM raw_kept`, filters: [], search: text, textColumns: names })))).rows[0]!.n;
		const count = async (q: ReturnType<typeof index.searched>) => (await db.query<{ n: number }>(countSql(q!))).rows[0]!.n;
		expect(await index.prepare!('c00')).toBe(await want('c00'));
		expect(await index.prepare!('上海')).toBe(await want('上海'));
		// 'c00' typed again: its rows are kept, the grid shows it from them.
		expect(await index.prepare!('c00')).toBe(await want('c00'));
		const onScreen = index.searched('c00')!;
		expect(await count(onScreen)).toBe(await want('c00'));
		// The next search is made while the grid still shows 'c00' (a page asked for meanwhile reads onScreen).
		expect(await index.prepare!('20')).toBe(await want('20'));
		expect(await count(onScreen)).toBe(await want('c00'));
		// The search typed before 'c00' again is the one dropped: two kept, '20' and 'c00'.
		const hits = await db.query<{ t: string }>(sql`SELECT table_name AS t FROM duckdb_tables() WHERE starts_with(table_name, 'raw_kept__grid_hits_') ORDER BY 1`);
		expect(hits.rows.length).toBe(2);
		expect(index.searched('c00')!.text).toBe(onScreen.text);
	});

	it('finds a search typed on among the kept rows of the one before: the rows and order of a scan of the index', async () => {
		const words = ['Heart of glass', 'HEARTH', 'heat', "O'Brien 100%", 'a_b\\c', '张伟 上海', 'İstanbul', 'Straße', 'ΟΔΟΣ'];
		const lines = ['id,name,city'];
		for (let i = 0; i < 3000; i++) lines.push(`${i},"${words[i % words.length]!.replaceAll('"', '""')} ${i % 37}",${words[(i * 5) % words.length]}`);
		const p = path.join(tmp(), 'typed.csv');
		fs.writeFileSync(p, lines.join('\n') + '\n');
		const file = (await openFile(db, p, { table: 'raw_typed' }, NODE_FILES))!.file;
		await gridSource(db, file);
		// The engine itself, each statement written down (to see which table a search read).
		const said: string[] = [];
		const recorded = new Proxy(db, { get: (t, k) => (k === 'exec' ? (q: Sql) => (said.push(q.text), db.exec(q)) : Reflect.get(t, k)) }) as DbClient;
		const index = gridSearchIndex(recorded, file);
		await index.ensure([]);
		const ids = async (q: Sql) => (await db.query<{ id: string }>(sql`SELECT id FROM (${q})`)).rows.map((r) => r.id);
		const scan = (text: string) => searchedSql({ table: gridCopyOf('raw_typed'), index: gridSearchOf('raw_typed'), text })!;
		const perColumn = (text: string) => filteredSql({ source: sql`SELECT * FROM raw_typed`, filters: [], search: text, textColumns: ['id', 'name', 'city'] });
		const typed = ['h', 'he', 'hea', 'heart', 'HEART O', 'hearth', '张', '张伟 上', 'İ', 'İstanbul 1', 'o\'b', "o'brien 100%", 'a_b\\', 'ΟΔΟ', 'οδοσ 3', 'straße 2'];
		const narrowedFrom: Record<string, boolean> = {};
		for (const text of typed) {
			said.length = 0;
			const n = await index.prepare!(text);
			const made = said.find((q) => q.startsWith('CREATE'))!;
			narrowedFrom[text] = made.includes(gridHitsPrefix('raw_typed')) && !made.includes(gridSearchOf('raw_typed'));
			const want = await ids(scan(text));
			expect(n, text).toBe(want.length);
			expect(want.length, text).toBe((await ids(perColumn(text))).length);
			expect(index.searched(text)!.text, text).toContain(gridHitsPrefix('raw_typed'));
			expect(await ids(index.searched(text)!), text).toEqual(want);
		}
		// Typed on: read from a kept search (hearth from heart, the one before HEART O); a fresh start or another text: the index.
		expect(narrowedFrom).toMatchObject({ h: false, he: true, hea: true, heart: true, 'HEART O': true, hearth: true, 张: false, '张伟 上': true, İ: false, 'İstanbul 1': true });
		expect(narrowedFrom).toMatchObject({ "o'b": false, "o'brien 100%": true, 'ΟΔΟ': false, 'οδοσ 3': true });
	});
});
