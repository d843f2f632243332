/**
 * The data grid on a UCI-Online-Retail-shaped file (run/grid-source.ts, core/sql/grid-kinds.ts): a
 * number column with cancelled invoices ('C536367') is shown as text with every cell as written; a
 * clean number column stays numeric; the quick search finds a customer id in a number column, with
 * and without the index, the rows an independent check of the file's text finds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { gridKinds, unparsedCountsSql } from '../../../src/core/sql/grid-kinds.ts';
import { sql, type Sql } from '../../../src/core/sql/sql.ts';
import { gridSearchIndex, gridSelect, gridSource } from '../../../src/run/grid-source.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { gridHitsPrefix, gridSearchOf } from '../../../src/run/tables.ts';
import { GridTools } from '../../../src/ui/grid-tools.svelte.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

/** 120 invoice lines: invoices 536365…, every 50th cancelled ('C' + number); customers cycling through 5 ids. */
const CUSTOMERS = ['17850', '13047', '9', '100', '12583'];
const LINES = Array.from({ length: 120 }, (_, i) => ({
	InvoiceNo: (i % 50 === 7 ? 'C' : '') + String(536365 + Math.floor(i / 3)),
	StockCode: `8512${i % 4}A`,
	Quantity: String((i % 7) + 1),
	UnitPrice: (1.25 * ((i % 5) + 1)).toFixed(2),
	CustomerID: CUSTOMERS[i % CUSTOMERS.length]!,
	Country: i % 2 ? 'United Kingdom' : 'France'
}));
const HEADER = Object.keys(LINES[0]!);
const CSV = [HEADER.join(','), ...LINES.map((l) => HEADER.map((h) => l[h as keyof typeof l]).join(','))].join('\n') + '\n';

async function load(table: string) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-text-'));
	const file = path.join(dir, 'retail.csv');
	fs.writeFileSync(file, CSV);
	return (await openFile(db, file, { table }, NODE_FILES))!.file;
}
const rows = async (s: Sql) => (await db.query(s)).rows;

describe('the data grid shows a number column with unreadable cells as text', () => {
	it('keeps the cancelled invoices as written and the clean number columns numeric', async () => {
		const file = await load('raw_uci');
		const kind = (n: string) => file.sniff.columns.find((c) => c.name === n)!.kind;
		// The premise: the sniffer reads InvoiceNo (98 % digits) and CustomerID as numbers.
		expect(['number', 'integer']).toContain(kind('InvoiceNo'));
		expect(['number', 'integer']).toContain(kind('CustomerID'));
		const counts = (await rows(unparsedCountsSql(file.table, file.sniff.columns)!))[0]!;
		const kinds = gridKinds(file.sniff.columns, counts);
		const cancelled = LINES.filter((l) => l.InvoiceNo.startsWith('C')).length;
		expect(Number(counts[`u${HEADER.indexOf('InvoiceNo')}`])).toBe(cancelled);
		expect(kinds.map((c) => [c.name, c.kind === 'text'])).toEqual(HEADER.map((h) => [h, h === 'InvoiceNo' || h === 'StockCode' || h === 'Country']));

		const source = await gridSource(db, file);
		const types = Object.fromEntries((await rows(sql`DESCRIBE ${source}`)).map((r) => [r.column_name, r.column_type]));
		expect(types.InvoiceNo).toBe('VARCHAR');
		expect(types.CustomerID).toBe('DOUBLE');
		// Every invoice cell exactly as in the file, the cancelled ones included, in file order.
		const shown = await rows(sql`SELECT InvoiceNo FROM (${source})`);
		expect(shown.map((r) => r.InvoiceNo)).toEqual(LINES.map((l) => l.InvoiceNo));
		expect(shown.some((r) => r.InvoiceNo === 'C536367')).toBe(true);
		// A clean number column sorts as numbers (9 < 100 < 12583), not as text ('100' < '12583' < '9').
		const sorted = await rows(sql`SELECT DISTINCT CustomerID AS c FROM (${source}) ORDER BY c`);
		expect(sorted.map((r) => r.c)).toEqual(CUSTOMERS.map(Number).sort((a, b) => a - b));
		// The pivot reads the same.
		expect(gridSelect(file).text).toBe(source.text);
	});

	it('keeps the parsing view text-typed too when the file is over the copy limit', async () => {
		const opened = await load('raw_uci_big');
		const file = { ...opened, rows: 1e9 };
		const source = await gridSource(db, file);
		expect(source.text).not.toContain('__grid');
		const shown = await rows(sql`SELECT InvoiceNo FROM (${source}) WHERE InvoiceNo LIKE 'C%'`);
		expect(shown.map((r) => r.InvoiceNo)).toEqual(LINES.filter((l) => l.InvoiceNo.startsWith('C')).map((l) => l.InvoiceNo));
		// The search there is the column-by-column one over the file's text.
		const found = await rows(gridSearchIndex(db, file).searched('17850')!);
		expect(found.length).toBe(LINES.filter((l) => l.CustomerID === '17850').length);
	});
});

describe('the quick search matches number columns by their text as written', () => {
	/** Independent check: the lines with a cell containing the text, case-insensitive. */
	const expected = (t: string) => LINES.filter((l) => Object.values(l).some((v) => v.toLowerCase().includes(t.toLowerCase())));
	const key = (r: Record<string, unknown>) => `${String(r.InvoiceNo)}|${String(r.StockCode)}|${Number(r.Quantity)}|${Number(r.CustomerID)}`;
	const keyOf = (l: (typeof LINES)[number]) => `${l.InvoiceNo}|${l.StockCode}|${Number(l.Quantity)}|${Number(l.CustomerID)}`;

	it('finds a customer id, an invoice and a price, before and after the index, as a JS check does', async () => {
		const file = await load('raw_uci_s');
		const source = await gridSource(db, file);
		const index = gridSearchIndex(db, file);
		const tables = async () => (await rows(sql`SELECT table_name AS t FROM duckdb_tables()`)).map((r) => r.t);
		const texts = ['17850', 'c5363', '536370', '3.75', 'kingdom', '85120a', '9'];
		// Before the index is made: column by column over the file's text.
		for (const t of texts) {
			const got = (await rows(index.searched(t)!)).map(key).sort();
			expect(got, t).toEqual(expected(t).map(keyOf).sort());
		}
		expect(await tables()).not.toContain(gridSearchOf('raw_uci_s'));
		const tools = new GridTools(db, source, 'test:uci', 'CustomerID', index);
		await tools.init();
		for (const t of texts) {
			tools.typeSearch(t);
			await vi.waitFor(() => expect(tools.view.search).toBe(t), { timeout: 10_000 });
			// Through the rows the index found once for this text.
			expect(tools.source.text, t).toContain(gridHitsPrefix('raw_uci_s'));
			const got = (await rows(tools.source)).map(key).sort();
			expect(got, t).toEqual(expected(t).map(keyOf).sort());
			expect(got.length, t).toBeGreaterThan(0);
		}
		// A text the index cannot answer (its separator) is still searched, column by column.
		tools.typeSearch('x\u001fy');
		await vi.waitFor(() => expect(tools.view.search).toBe('x\u001fy'), { timeout: 10_000 });
		expect(await rows(tools.source)).toEqual([]);
	});
});

describe('a few unreadable cells among many keep the column typed (more than 1 in 1,000 make it text)', () => {
	it('decides by the share of non-empty cells that do not parse', async () => {
		// The column as the sniffer types 2,000 clean dates; then tables with placeholders ('待确认') added.
		const dates = Array.from({ length: 2000 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-share-'));
		fs.writeFileSync(path.join(dir, 'dates.csv'), ['下单时间', ...dates].join('\n') + '\n');
		const clean = (await openFile(db, path.join(dir, 'dates.csv'), { table: 'raw_dates' }, NODE_FILES))!.file;
		const column = clean.sniff.columns[0]!;
		expect(column.kind).toBe('date');
		// 2 of 2,002 non-empty cells ≤ 1/1000 → stays a date; 3 of 2,003 → text. Blank cells are not counted.
		for (const [bad, text] of [[2, false], [3, true]] as const) {
			const values = [...dates, ...Array.from({ length: bad }, () => '待确认'), '', ' '];
			await db.exec(sql`CREATE OR REPLACE TABLE few_bad AS SELECT unnest(string_split(${values.join('|')}, '|')) AS "下单时间"`);
			const counts = (await rows(unparsedCountsSql('few_bad', [column])!))[0]!;
			expect([Number(counts.u0), Number(counts.n0)]).toEqual([bad, 2000 + bad]);
			expect(gridKinds([column], counts)[0]!.kind === 'text').toBe(text);
		}
	});
});
