import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ManifestCase } from '../../fixtures/import/make-fixtures.ts';
import { raggedError, type RaggedReport } from '../../../src/core/csv/ragged.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { RAW_TABLE } from '../../../src/run/tables.ts';
import { BULK_FROM, countLines, lineNumbersAt } from '../../../src/run/ragged.ts';
import { en } from '../../../src/i18n/en.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const manifest = JSON.parse(fs.readFileSync(fixture('import', 'manifest.json'), 'utf8')) as ManifestCase[];
const raggedCases = manifest.filter((c) => c.ragged);

const db = useDb();

const load = (name: string, text: string, ragged: Parameters<typeof loadFile>[1]['ragged']) =>
	loadFile(db, { fileName: name, source: { kind: 'text', text }, sample: text, ragged });

const rawRows = async () => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(RAW_TABLE)}`)).rows[0]?.n;

describe('ragged rows in the import corpus (manifest entries with `ragged`)', () => {
	it('has the cases the issue asks for', () => {
		expect(raggedCases.map((c) => c.file)).toEqual(
			expect.arrayContaining(['ragged_short.csv', 'ragged_long.csv', 'ragged_long_late.csv', 'ragged_multiline.csv', 'ragged_trailing_extra.csv'])
		);
	});

	for (const c of raggedCases) {
		const path = fixture('import', c.file);
		it(`${c.file}: skip keeps ${c.rows} rows and lists ${c.ragged!.count}`, async () => {
			const f = await loadFile(db, { fileName: c.file, source: { kind: 'path', path }, sample: fs.readFileSync(path, 'utf8'), ragged: 'skip' });
			expect(f?.rows).toBe(c.rows);
			expect(f?.sniff.columns.length).toBe(c.ragged!.expected);
			expect(f?.ragged ?? { count: 0, expected: c.ragged!.expected, rows: [] }).toEqual(c.ragged);
		});
		if (c.ragged!.count > 0)
			it(`${c.file}: stop throws ragged.stop and keeps the previous table`, async () => {
				await load('before.csv', 'a,b\n1,2\n3,4\n', 'stop');
				const e: unknown = await loadFile(db, { fileName: c.file, source: { kind: 'path', path }, sample: fs.readFileSync(path, 'utf8'), ragged: 'stop' }).catch((x: unknown) => x);
				expect(isClienteleError(e) && e.code).toBe('ragged.stop');
				expect(isClienteleError(e) && e.params).toMatchObject({ file: c.file, count: c.ragged!.count, expected: c.ragged!.expected });
				expect(await rawRows()).toBe(2);
			});
	}
});

describe('a file with no rows left keeps the previous table', () => {
	it.each([
		['every row ragged, skipped', 'x,y,z\n1,2\n3\n4,5\n'],
		['a header and nothing else', 'x,y,z\n']
	])('%s → import.noRows; the previous raw table is untouched', async (_, text) => {
		await load('before.csv', 'a,b\n1,2\n3,4\n', 'skip');
		const e: unknown = await load('empty.csv', text, 'skip').catch((x: unknown) => x);
		expect(isClienteleError(e) && [e.code, e.params.file]).toEqual(['import.noRows', 'empty.csv']);
		expect(await rawRows()).toBe(2);
		const cols = await db.query<{ column_name: string }>(sql`DESCRIBE ${ident(RAW_TABLE)}`);
		expect(cols.rows.map((r) => r.column_name)).toEqual(['a', 'b']);
	});
});

describe('ragged policies', () => {
	const text = 'id,date,amount\nA,2024-01-01,1\nB,2024-01-02\nC,2024-01-03,3\n';
	it.each([
		['skip', 2, 'skip'],
		['stop', null, 'stop']
	] as const)('asked, the user chooses %s', async (_, rows, choice) => {
		await load('before.csv', 'a,b\n1,2\n', 'skip');
		const seen: RaggedReport[] = [];
		const r = await load('ask.csv', text, (report) => {
			seen.push(report);
			return Promise.resolve(choice);
		}).catch((e: unknown) => (isClienteleError(e) ? e.code : e));
		expect(seen).toEqual([{ count: 1, expected: 3, rows: [{ line: 3, found: 2 }] }]);
		if (rows === null) {
			expect(r).toBe('ragged.stop');
			expect(await rawRows()).toBe(1);
		} else {
			expect(r).toMatchObject({ rows, ragged: { count: 1 } });
			expect(await rawRows()).toBe(rows);
		}
	});

	it('a clean file is never asked about', async () => {
		let asked = false;
		const f = await load('clean.csv', 'id,amount\nA,1\nB,2\n', () => {
			asked = true;
			return Promise.resolve('stop');
		});
		expect({ asked, rows: f?.rows, ragged: f?.ragged }).toEqual({ asked: false, rows: 2, ragged: undefined });
	});

	it('blank and whitespace-only lines are not ragged; a short row with a trailing empty field is', async () => {
		const f = await load('blank.csv', 'id,d,amount\n\nA,x,1\n   \nB,y,\nC,z\nD,w,\n\n', 'skip');
		expect({ rows: f?.rows, ragged: f?.ragged }).toEqual({ rows: 3, ragged: { count: 1, expected: 3, rows: [{ line: 6, found: 2 }] } });
	});

	it('a sep= line and a byte-order mark are counted in line numbers', async () => {
		const f = await load('sep.csv', '\ufeffsep=;\nid;amount\nA;1\nB;2;3\n', 'skip');
		expect(f?.ragged).toEqual({ count: 1, expected: 2, rows: [{ line: 4, found: 3 }] });
	});

	it('only the first five are listed; the count is of the whole file', async () => {
		const body = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `R${i}` : `R${i},${i}`)).join('\n');
		const f = await load('many.csv', `id,amount\n${body}\n`, 'skip');
		expect(f?.ragged).toEqual({ count: 10, expected: 2, rows: [2, 5, 8, 11, 14].map((line) => ({ line, found: 1 })) });
	});

	it(`from ${BULK_FROM} ragged rows in the sample on, rows are counted by a second read and listed from the sample`, async () => {
		const body = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? `"R\n${i}",${i}` : `R${i}`)).join('\n');
		const f = await load('bulk.csv', `id,amount\n${body}\n`, 'skip');
		expect({ rows: f?.rows, ragged: f?.ragged }).toEqual({ rows: 100, ragged: { count: 300, expected: 2, rows: [4, 5, 6, 9, 10].map((line) => ({ line, found: 1 })) } });
	});

	it('an unclosed quote is still a read error, not a ragged row', async () => {
		const e: unknown = await load('quote.csv', 'a,b,c\nA,"b,c\nB,b\n', 'skip').catch((x: unknown) => x);
		expect(isClienteleError(e) && e.code).toBe('import.readFailed');
	});
});

describe('line numbers from byte positions', () => {
	const stream = (text: string, chunk: number) => {
		const bytes = new TextEncoder().encode(text);
		return new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
				c.close();
			}
		});
	};
	const text = 'h\n"a\nb"\r\n\r\nrow4\nrow5\n';
	it.each([1, 2, 3, 7, 100])('positions at a row or at the break before it, chunks of %i bytes', async (chunk) => {
		// 'row4' (line 5) starts at byte 11 (DuckDB may give 9, the blank line's break); 'row5' at 16 (or 15).
		expect(await countLines(stream(text, chunk), [9, 16])).toEqual([5, 6]);
		expect(await countLines(stream(text, chunk), [11, 15])).toEqual([5, 6]);
	});
	it('reads a gzip file through DecompressionStream', async () => {
		const gz = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
		const bytes = new Uint8Array(await new Response(gz).arrayBuffer());
		const file = new File([bytes], 'x.csv.gz');
		expect(await lineNumbersAt({ kind: 'file', file }, true, [11])).toEqual([5]);
	});
});

describe('the stop message', () => {
	it.each(['en', 'zh-CN'] as const)('%s names the file, the count, the width and the lines', (lang) => {
		const e = raggedError('orders.csv', { count: 3, expected: 8, rows: [{ line: 5, found: 6 }, { line: 17, found: 9 }, { line: 230, found: 6 }] });
		const text = translate(lang, e.code, e.params);
		for (const s of ['orders.csv', '3', '8', '5 (6), 17 (9), 230 (6)']) expect(text).toContain(s);
		expect(Object.keys(en)).toContain(e.code);
	});
});
