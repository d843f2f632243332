/**
 * npx tsx scripts/grid-text-speed.ts [rows] — what the data grid's text columns and number search cost
 * on the generated Online-Retail-shaped file (default 1M rows; ~2 % cancelled invoices 'C…'), loaded
 * as the page loads it, in DuckDB-WASM's Node bundle: the count of unparsed cells per typed column
 * (core/sql/grid-kinds.ts), the typed copy, the search index over the file's text, and searches
 * (three rounds each; median and every run in ms) through the index and column by column.
 */
import path from 'node:path';
import { NODE_FILES } from '../src/cli/io.ts';
import { gridKinds, unparsedCountsSql } from '../src/core/sql/grid-kinds.ts';
import { countSql } from '../src/core/sql/grid.ts';
import { rawSearchedSql } from '../src/core/sql/grid-filter.ts';
import { NodeDbClient } from '../src/db/node.ts';
import { gridSearchIndex, gridSelect, gridSource } from '../src/run/grid-source.ts';
import { openFile } from '../src/run/open-file.ts';
import { ensureRetailCsv } from './bench/generate.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const ms = (a: number) => `${(performance.now() - a).toFixed(0)} ms`;

async function main(): Promise<void> {
	const db = await NodeDbClient.create();
	const csv = await ensureRetailCsv(path.resolve('bench/data'), rows);
	const file = (await openFile(db, csv.path, { table: 'raw' }, NODE_FILES))!.file;
	let t = performance.now();
	const counts = (await db.query(unparsedCountsSql(file.table, file.sniff.columns)!)).rows[0];
	console.log(`unparsed count (${file.rows} rows × ${file.sniff.columns.length} columns): ${ms(t)}`);
	console.log('shown as text:', gridKinds(file.sniff.columns, counts).filter((c, i) => c.kind !== file.sniff.columns[i]!.kind).map((c) => c.name));
	t = performance.now();
	await gridSource(db, file);
	console.log(`count + typed copy: ${ms(t)}`);
	const index = gridSearchIndex(db, file);
	const names = file.sniff.columns.map((c) => c.name);
	const perColumn = (text: string) => rawSearchedSql({ source: gridSelect(file), raw: file.table, columns: names, text })!;
	const before = new Map<string, number>();
	for (const text of ['17850', 'heart', 'c5']) {
		const a = performance.now();
		const n = (await db.query<{ n: number }>(countSql(perColumn(text)))).rows[0]!.n;
		before.set(text, n);
		console.log(`column by column ${JSON.stringify(text)}: ${n} rows, ${ms(a)}`);
	}
	t = performance.now();
	await index.ensure([]);
	console.log(`index over the text: ${ms(t)}`);
	for (const text of ['17850', 'heart', 'c5', 'United K']) {
		const times: number[] = [];
		let n = 0;
		for (let r = 0; r < 3; r++) {
			const a = performance.now();
			n = (await db.query<{ n: number }>(countSql(index.searched(text)!))).rows[0]!.n;
			times.push(performance.now() - a);
		}
		const agree = before.has(text) ? (before.get(text) === n ? ' (= column by column)' : ' ← DISAGREES') : '';
		console.log(`index ${JSON.stringify(text)}: ${n} rows${agree}, median ${[...times].sort((x, y) => x - y)[1]!.toFixed(0)} ms (${times.map((x) => x.toFixed(0)).join(', ')})`);
	}
	await db.close();
}

void main();
