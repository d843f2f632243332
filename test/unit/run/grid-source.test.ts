/**
 * The data grid's source (run/grid-source.ts): a typed copy of the text table, made once per loaded
 * file, that gives the same rows as the parsing view; the view itself above the size limit.
 */
import { describe, expect, it, vi } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { countSql } from '../../../src/core/sql/grid.ts';
import { filteredSql } from '../../../src/core/sql/grid-filter.ts';
import { sql, type Sql } from '../../../src/core/sql/sql.ts';
import { gridKinds, unparsedCountsSql } from '../../../src/core/sql/grid-kinds.ts';
import { typedRawSql } from '../../../src/core/sql/typed-view.ts';
import { GRID_COPY_MAX_CELLS, GRID_TYPED_MAX_COLUMNS, gridSearchIndex, gridSelect, gridSource } from '../../../src/run/grid-source.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { gridCopyOf, gridSearchOf } from '../../../src/run/tables.ts';
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
			expect(t.source.text, text).toContain(gridSearchOf('raw_ix'));
			// Every column, numbers and dates by their text as written: the search over the text table.
			const names = file.sniff.columns.map((c) => c.name);
			const perColumn = filteredSql({ source: sql`SELECT * FROM raw_ix`, filters: [], search: text, textColumns: names });
			expect(await n(t.source), text).toBe(await n(perColumn));
			expect(await n(perColumn), text).toBeGreaterThan(0);
		}
		expect(await tables()).toContain(gridSearchOf('raw_ix'));
		t.clearSearch();
		expect(t.source.text).not.toContain(gridSearchOf('raw_ix'));
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
