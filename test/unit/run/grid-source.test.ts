/**
 * The data grid's source (run/grid-source.ts): a typed copy of the text table, made once per loaded
 * file, that gives the same rows as the parsing view; the view itself above the size limit.
 */
import { describe, expect, it, vi } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { countSql } from '../../../src/core/sql/grid.ts';
import { filteredSql, searchIndexSql, type SearchIndex } from '../../../src/core/sql/grid-filter.ts';
import { ident, sql, type Sql } from '../../../src/core/sql/sql.ts';
import { gridKinds, unparsedCountsSql } from '../../../src/core/sql/grid-kinds.ts';
import { typedRawSql } from '../../../src/core/sql/typed-view.ts';
import { dropGridCopy, GRID_COPY_MAX_CELLS, GRID_TYPED_MAX_COLUMNS, gridSearchIndex, gridSelect, gridSource, INDEX_AHEAD_MIN_ROWS, INDEX_SLICE_ROWS } from '../../../src/run/grid-source.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { gridCopyOf, gridHitsPrefix, gridSearchOf } from '../../../src/run/tables.ts';
import { GridTools } from '../../../src/ui/grid-tools.svelte.ts';
import fs from 'node:fs';
import path from 'node:path';
import { useDb, useTmpDir } from '../../helpers/db.ts';

const db = useDb();
const tmp = useTmpDir('grid-source-');
const tables = async () => (await db.query<{ t: string }>(sql`SELECT table_name AS t FROM duckdb_tables() ORDER BY 1`)).rows.map((r) => r.t);
const all = async (source: Sql) => (await db.query(sql`SELECT * FROM (${source}) ORDER BY ALL`)).rows;

describe('the data grid source', () => {
	it('is a typed copy with the rows, types and filter answers of the parsing view, made once per file', async () => {
		const opened = await openFile(db, 'public/sample/transactions.csv', { table: 'raw_gs' }, NODE_FILES);
		const file = opened!.file;
		// The grid's columns: the sample's order time has '待确认' cells, so it is text there (core/sql/grid-kinds.ts).
		const counts = (await db.query(unparsedCountsSql(file.table, file.sniff.columns)!)).rows[0];
		const view = typedRawSql({ source: file.table, columns: gridKinds(file.sniff.columns, counts) });
		const source = await gridSource(db, file);
		expect(source.text).toContain(gridCopyOf('raw_gs'));
		// What the pivot reads for the same file, known before the copy is made.
		expect(gridSelect(file).text).toBe(source.text);
		expect(await tables()).toContain('raw_gs__grid');
		expect(await all(source)).toEqual(await all(view));
		const types = async (s: Sql) => (await db.query(sql`DESCRIBE ${s}`)).rows.map((r) => [r.column_name, r.column_type]);
		expect(await types(source)).toEqual(await types(view));
		// A number column is a number in the copy (a range filter needs no cast) and counts agree.
		const numeric = file.sniff.columns.find((c) => c.kind === 'number' || c.kind === 'integer')!;
		const f = { filters: [{ column: numeric.name, kind: 'range' as const, min: 2, max: 10 }] };
		const n = async (s: Sql) => (await db.query<{ n: number }>(countSql(filteredSql({ source: s, ...f })))).rows[0]!.n;
		expect(await n(source)).toBe(await n(view));
		expect(await n(source)).toBeGreaterThan(0);
		// The same file again: the same copy, not a new build (a row added behind its back stays unseen).
		await db.exec(sql`INSERT INTO raw_gs__grid SELECT * FROM raw_gs__grid LIMIT 1`);
		const again = await gridSource(db, file);
		expect(again).toBe(source);
		expect((await all(again)).length).toBe(file.rows + 1);
	});

	it('keeps the parsing view for a file over the size limit (no copy made)', async () => {
		const opened = await openFile(db, 'public/sample/touchpoints.csv', { table: 'raw_big' }, NODE_FILES);
		const file = { ...opened!.file, rows: Math.ceil(GRID_COPY_MAX_CELLS / opened!.file.sniff.columns.length) + 1 };
		const source = await gridSource(db, file);
		expect(source.text).toBe(typedRawSql({ source: 'raw_big', columns: file.sniff.columns }).text);
		expect(gridSelect(file).text).toBe(source.text);
		expect(await tables()).not.toContain('raw_big__grid');
	});

	it('a quick search through the index made on the first keystroke gives the rows of the per-column search over the file’s text', async () => {
		const opened = await openFile(db, 'public/sample/transactions.csv', { table: 'raw_ix' }, NODE_FILES);
		const file = opened!.file;
		const source = await gridSource(db, file);
		const index = gridSearchIndex(db, file);
		const t = new GridTools(db, source, 'test:ix', null, index);
		await t.init();
		expect(await tables()).not.toContain(gridSearchOf('raw_ix'));
		const n = async (s: Sql) => (await db.query<{ n: number }>(countSql(s))).rows[0]!.n;
		for (const text of ['c00', 'C001', '上海', '20', '9.9', '待确认']) {
			t.typeSearch(text);
			await vi.waitFor(() => expect(t.view.search).toBe(text), { timeout: 10_000 });
			// Through the rows the index found for this text (searched once, kept in a table).
			expect(t.source.text, text).toContain(gridHitsPrefix('raw_ix'));
			// Every column, numbers and dates by their text as written: the search over the text table.
			const names = file.sniff.columns.map((c) => c.name);
			const perColumn = filteredSql({ source: sql`SELECT * FROM raw_ix`, filters: [], search: text, textColumns: names });
			expect(await n(t.source), text).toBe(await n(perColumn));
			expect(await n(perColumn), text).toBeGreaterThan(0);
		}
		expect(await tables()).toContain(gridSearchOf('raw_ix'));
		// Once made, each search's rows are found once and kept: the grid reads them and knows their number.
		const perColumn = filteredSql({ source: sql`SELECT * FROM raw_ix`, filters: [], search: '待确认', textColumns: file.sniff.columns.map((c) => c.name) });
		expect(t.source.text).toContain(gridHitsPrefix('raw_ix'));
		expect(t.knownCount).toBe(await n(perColumn));
		// A filter on top: the count is the grid's to make.
		t.setFilter(file.sniff.columns[0]!.name, { column: file.sniff.columns[0]!.name, kind: 'notEmpty' });
		expect(t.knownCount).toBeNull();
		t.setFilter(file.sniff.columns[0]!.name, null);
		t.clearSearch();
		expect(t.knownCount).toBeNull();
		expect(t.source.text).not.toContain(gridSearchOf('raw_ix'));
		expect(t.source.text).not.toContain(gridHitsPrefix('raw_ix'));

		// With the index made a search starts at once; keystrokes made while it runs are applied together.
		const seen: string[] = [];
		const wrapped: SearchIndex = { ...index, prepare: (x) => (seen.push(x), index.prepare!(x)) };
		const u = new GridTools(db, source, 'test:ix-typing', null, wrapped);
		await u.init();
		u.typeSearch('c');
		await vi.waitFor(() => expect(u.view.search).toBe('c'), { timeout: 10_000 });
		for (const x of ['c0', 'c00', 'c001']) u.typeSearch(x);
		await vi.waitFor(() => expect(u.view.search).toBe('c001'), { timeout: 10_000 });
		expect(seen).toEqual(['c', 'c0', 'c001']);
		expect(u.knownCount).toBe(await n(filteredSql({ source: sql`SELECT * FROM raw_ix`, filters: [], search: 'c001', textColumns: file.sniff.columns.map((c) => c.name) })));
	});

	it('makes the index in slices (the same index as one statement), pauses and goes on, and keeps the rows of the latest search', async () => {
		const rows = 2 * INDEX_SLICE_ROWS + 123;
		const p = path.join(tmp(), 'many.csv');
		const names = ['上海', "O'Brien", '100% cotton', 'a_b', 'x\u001fy', 'Çà'];
		const lines = ['id,name,amount'];
		for (let i = 0; i < rows; i++) lines.push(`C${i},"${names[i % names.length]!.replaceAll('"', '""')} ${i % 1000}",${i % 97}`);
		fs.writeFileSync(p, lines.join('\n') + '\n');
		const file = (await openFile(db, p, { table: 'raw_many' }, NODE_FILES))!.file;
		expect(file.rows).toBe(rows);
		const index = gridSearchIndex(db, file);
		expect(index.ahead?.()).toBe(rows >= INDEX_AHEAD_MIN_ROWS);
		expect(gridSearchIndex(db, { ...file, rows: INDEX_AHEAD_MIN_ROWS }).ahead?.()).toBe(true);
		// Held (the user works in the grid): no slice starts for the time asked, then the build goes on.
		await gridSource(db, file);
		index.hold?.(2500);
		const held = index.ensure([]);
		await new Promise((r) => setTimeout(r, 1500));
		const indexed = async () => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(gridSearchOf('raw_many'))}`)).rows[0]!.n;
		expect(await indexed()).toBe(0);
		index.pause?.();
		await expect(held).rejects.toThrow(/paused/);
		expect(await indexed()).toBe(0);
		// Paused at once: the build stops after its slice; ensure() again goes on to the end.
		const first = index.ensure([]);
		index.pause?.();
		await expect(first).rejects.toThrow(/paused/);
		await index.ensure([]);
		const whole = searchIndexSql(sql`SELECT * FROM raw_many`, file.sniff.columns.map((c) => c.name));
		const differ = await db.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM ${ident(gridSearchOf('raw_many'))} AS a POSITIONAL JOIN (SELECT s AS w FROM (${whole})) AS b WHERE a.s IS DISTINCT FROM b.w`
		);
		expect(differ.rows[0]!.n).toBe(0);
		expect((await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM raw_many__grid_search`)).rows[0]!.n).toBe(rows);
		// Two searches at once: the later one's rows are kept; the earlier text is still answered right (by a scan).
		const count = async (text: string) => (await db.query<{ n: number }>(countSql(index.searched(text)!))).rows[0]!.n;
		const want = async (text: string) =>
			(await db.query<{ n: number }>(countSql(filteredSql({ source: sql`SELECT * FROM raw_many`, filters: [], search: text, textColumns: ['id', 'name', 'amount'] })))).rows[0]!.n;
		const [a, b] = await Promise.all([index.prepare!("o'b"), index.prepare!('上海 12')]);
		expect(a).toBeNull();
		expect(b).toBe(await want('上海 12'));
		expect(index.searched('上海 12')!.text).toContain(gridHitsPrefix('raw_many'));
		expect(index.searched("o'b")!.text).not.toContain(gridHitsPrefix('raw_many'));
		for (const text of ["o'b", '上海 12', '100%', 'a_b', 'çà 99', 'c1234']) expect(await count(text), text).toBe(await want(text));
		for (const text of ['100%', 'a_b', 'çà 99', 'c1234']) {
			expect(await index.prepare!(text), text).toBe(await want(text));
			expect(await count(text), text).toBe(await want(text));
		}
		// A search still kept is not made again (the table count below stays two).
		expect(await index.prepare!(' c1234 ')).toBe(await want('c1234'));
		// Only the last two searches' tables are kept; dropping the copy drops them too.
		const hits = async () => (await db.query<{ t: string }>(sql`SELECT table_name AS t FROM duckdb_tables() WHERE starts_with(table_name, 'raw_many__grid_hits_')`)).rows.length;
		expect(await hits()).toBe(2);
		await dropGridCopy(db, 'raw_many');
		expect(await hits()).toBe(0);
	});

	it('reads a file with more number columns than GRID_TYPED_MAX_COLUMNS as its text: no count, no copy (the engine spends seconds per hundred parsed columns)', async () => {
		const n = GRID_TYPED_MAX_COLUMNS + 1;
		const head = [...Array(n).keys()].map((i) => `x${i}`);
		const p = path.join(tmp(), 'wide.csv');
		fs.writeFileSync(p, [head, ...[1, 2, 3].map((k) => head.map(() => String(k)))].map((r) => r.join(',')).join('\n') + '\n');
		const file = (await openFile(db, p, { table: 'raw_wide' }, NODE_FILES))!.file;
		expect(file.sniff.columns.every((c) => c.kind === 'integer')).toBe(true);
		const t = performance.now();
		const source = await gridSource(db, file);
		expect(performance.now() - t).toBeLessThan(5000);
		expect(source.text).toBe('SELECT * FROM "raw_wide"');
		expect(gridSelect(file).text).toBe(source.text);
		expect(await tables()).not.toContain('raw_wide__grid');
		expect((await all(source)).map((r) => r.x0)).toEqual(['1', '2', '3']);
	});
});
