import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbClient, FileSource } from '../../../../src/db/client.ts';
import { NodeDbClient } from '../../../../src/db/node.ts';
import { raw } from '../../../../src/core/sql/sql.ts';
import { session } from '../../../../src/state/session.svelte.ts';
import { ImportModel } from '../../../../src/views/import/import-model.svelte.ts';
import { XlsxSource } from '../../../../src/views/import/xlsx-source.svelte.ts';
import { XlsxCancelled } from '../../../../src/workers/xlsx-client.ts';
import { fixture } from '../../../helpers/db.ts';

// The page's engine is the browser client; here the same pipeline runs on DuckDB-WASM's Node
// bundle, with File objects registered as text (the Node client reads paths).
let db: NodeDbClient;
const engine = vi.hoisted(() => ({ db: null as DbClient | null }));
vi.mock('../../../../src/state/engine.ts', () => ({ getDb: () => Promise.resolve(engine.db) }));

beforeAll(async () => {
	db = await NodeDbClient.create();
	const register = db.registerFile.bind(db);
	db.registerFile = async (name: string, source: FileSource) =>
		source.kind === 'file' ? register(name, { kind: 'text', text: await source.file.text() }) : register(name, source);
	engine.db = db;
});
afterAll(async () => {
	await db.close();
});

const fileOf = (name: string) => new File([fs.readFileSync(fixture('xlsx', name))], name);

describe('ImportModel with Excel workbooks (the page path, conversion in place of the worker)', () => {
	it('reads the first sheet with data, offers the sheets, and reads another sheet on request', async () => {
		const m = new ImportModel();
		await m.open(fileOf('book.xlsx'));
		expect(m.xlsx.sheets).toEqual([
			{ name: '说明', rows: 2 },
			{ name: '交易', rows: 72 }
		]);
		expect(m.xlsx.sheet).toBe('说明');
		expect(m.xlsx.pickable).toBe(true);
		expect(session.file?.fileName).toBe('book.xlsx [说明]');
		expect(m.status).toBe('mapping'); // a notes sheet has no transactions to map

		const again = m.xlsx.choose('交易');
		expect(again?.name).toBe('book.xlsx');
		await m.open(again!);
		expect(m.error).toBeNull();
		expect(m.xlsx.sheet).toBe('交易');
		expect(m.xlsx.sheets).toHaveLength(2);
		expect(session.file).toMatchObject({ fileName: 'book.xlsx [交易]', rows: 71 });
		expect(m.detection?.confidence).toBe('certain'); // UTF-8 with a BOM: no encoding choice offered
		expect(m.encodingChoice).toBe(false);
		expect(m.roles).toMatchObject({ customer: '客户ID', amount: '金额', order: '订单号' });
		expect(m.status).toBe('done');
		expect(session.result?.txRows).toBe(71);
	});

	it('a workbook whose first sheet is empty goes straight to the data; a CSV afterwards clears the sheets', async () => {
		const m = new ImportModel();
		await m.open(fileOf('empty-first.xlsx'));
		expect(m.xlsx.sheet).toBe('Orders');
		expect(m.status).toBe('done');
		await m.open(new File([fs.readFileSync(fixture('xlsx', 'book-transactions.csv'))], 'orders.csv'));
		expect(m.xlsx.pickable).toBe(false);
		expect(session.file?.fileName).toBe('orders.csv');
	});

	it.each([
		['corrupt.xlsx', undefined, 'xlsx.corrupt', { file: 'corrupt.xlsx' }],
		['encrypted.xlsx', undefined, 'xlsx.encrypted', { file: 'encrypted.xlsx' }],
		['empty-first.xlsx', '空白', 'xlsx.emptySheet', { file: 'empty-first.xlsx', sheet: '空白' }]
	] as const)('%s (sheet %s) → %s; the data loaded before is kept', async (name, sheet, code, params) => {
		const m = new ImportModel();
		await m.open(fileOf('empty-first.xlsx'));
		const before = session.file;
		const f = name === 'empty-first.xlsx' ? m.xlsx.choose(sheet!)! : fileOf(name);
		await m.open(f);
		expect(m.error?.code).toBe(code);
		expect(m.error?.params).toEqual(params);
		expect(session.file).toBe(before);
		expect(m.busy).toBe(false);
	});

	it('cancelling (the abort signal) stops the conversion: no CSV, no sheet, not converting', async () => {
		const src = new XlsxSource();
		const abort = new AbortController();
		const pending = src.toCsv(fileOf('book.xlsx'), 'xlsx', abort.signal);
		expect(src.converting).toBe(true);
		abort.abort();
		await expect(pending).rejects.toBeInstanceOf(XlsxCancelled);
		expect(src.converting).toBe(false);
		expect(src.sheet).toBe('');
	});

	it('a file that is not a workbook passes through untouched and, once loaded, clears the workbook', async () => {
		const src = new XlsxSource();
		await src.toCsv(fileOf('book.xlsx'), 'xlsx');
		expect(src.pickable).toBe(false); // not loaded yet
		src.commit();
		expect(src.pickable).toBe(true);
		const csv = new File(['a,b\n1,2\n'], 'x.csv');
		expect(await src.toCsv(csv, 'text')).toBe(csv);
		expect(src.pickable).toBe(true); // the workbook's data is still the loaded one
		src.commit();
		expect(src.pickable).toBe(false);
		expect(src.choose('交易')).toBeNull();
	});

	it('a sheet whose load fails leaves the picker on the sheet still loaded', async () => {
		const m = new ImportModel();
		await m.open(fileOf('book.xlsx'));
		expect(m.xlsx.sheet).toBe('说明');
		await m.open(m.xlsx.choose('交易')!);
		expect(m.xlsx.sheet).toBe('交易');
		await m.open(new File(['not,a\n'], 'header-only.csv'));
		expect(m.error?.code).toBe('import.noRows');
		expect(m.xlsx.sheet).toBe('交易');
		expect(m.xlsx.pickable).toBe(true);
		expect(session.file?.fileName).toBe('book.xlsx [交易]');
	});
});

describe('ImportModel: one load at a time', () => {
	it('a file opened while another waits on the ragged-rows question is refused; the question and the loaded data stay', async () => {
		const m = new ImportModel();
		await m.open(new File(['id,date,amount\nA,2024-01-01,5\nB,2024-01-02,7\n'], 'first.csv'));
		expect(session.file?.fileName).toBe('first.csv');
		const waiting = m.open(new File(['id,date,amount\nA,2024-01-01,5\nB,2024-01-02\nC,2024-01-03,3\n'], 'ragged.csv'));
		await vi.waitFor(() => expect(m.ragged.pending).not.toBeNull());
		await m.open(new File(['x,y\n1,2\n'], 'dropped.csv'));
		expect(m.notice).toBe('import.busy');
		expect(m.ragged.pending?.count).toBe(1);
		m.ragged.choose('stop');
		await waiting;
		expect(session.file?.fileName).toBe('first.csv');
		const rows = await db.query<{ n: number }>(raw('SELECT count(*) AS n FROM raw'));
		expect(rows.rows[0]?.n).toBe(2);
	});
});
