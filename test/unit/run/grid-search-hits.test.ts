/**
 * The rows each quick search found, kept in hits tables (run/grid-source.ts prepare): the last two
 * searches used are kept, whichever order they were typed in, so the search on screen is never
 * dropped under the grid's page requests.
 */
import { describe, expect, it } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { countSql } from '../../../src/core/sql/grid.ts';
import { filteredSql } from '../../../src/core/sql/grid-filter.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import { gridSearchIndex, gridSource } from '../../../src/run/grid-source.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

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
});
