import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoleMapping } from '../../../src/core/csv/roles.ts';
import type { ClienteleError } from '../../../src/core/errors.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { workbookToCsv } from '../../../src/core/xlsx/workbook.ts';
import { openInput } from '../../../src/cli/input.ts';
import { preparePath } from '../../../src/cli/io.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { TX_TABLE } from '../../../src/run/tables.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const book = (name: string) => fixture('xlsx', name);
const bytes = (name: string) => {
	const b = fs.readFileSync(book(name));
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const ROLES: RoleMapping = { customer: '客户ID', date: '下单日期', amount: '金额', order: '订单号' };

const db = useDb();

describe('workbookToCsv on real workbooks (read-excel-file)', () => {
	it('default: the first sheet with data; every sheet listed with its rows', async () => {
		const r = await workbookToCsv(bytes('book.xlsx'), { file: 'book.xlsx' });
		expect(r.sheets).toEqual([
			{ name: '说明', rows: 2 },
			{ name: '交易', rows: 72 }
		]);
		expect(r.sheet).toBe('说明');
		expect(r.parts.join('')).toBe('本工作簿的第二张表是交易明细。\r\n金额单位：元（含税）。\r\n');
	});

	it('an empty first sheet is skipped', async () => {
		const r = await workbookToCsv(bytes('empty-first.xlsx'), { file: 'empty-first.xlsx' });
		expect(r.sheets?.map((s) => s.rows)).toEqual([0, 72]);
		expect(r.sheet).toBe('Orders');
	});

	it.each(['book.xlsx', 'book.xlsm'])('%s, sheet 交易 = what Excel writes as CSV UTF-8 (shared and inline strings, ids, dates, datetimes, numbers, booleans, gaps)', async (name) => {
		const r = await workbookToCsv(bytes(name), { file: name, sheet: '交易' });
		expect(r).toMatchObject({ sheets: null, sheet: '交易', rows: 72, columns: 8 });
		const text = r.parts.join('');
		expect(text).toBe(fs.readFileSync(book('book-transactions.csv'), 'utf8'));
		const lines = text.split('\r\n');
		expect(lines[1]).toBe('100001,00123,王芳,,2024-01-03,2024-01-03 09:00:00,18.5,TRUE');
		expect(lines[3]).toBe('100003,123456789012345678,李伟,首单,2024-04-02,2024-04-02 11:20:11,221,FALSE');
	});

	it.each([
		['a truncated zip', 'corrupt.xlsx', undefined, 'xlsx.corrupt', { file: 'corrupt.xlsx' }],
		['an encrypted workbook (OLE2 named .xlsx)', 'encrypted.xlsx', undefined, 'xlsx.encrypted', { file: 'encrypted.xlsx' }],
		['an empty sheet', 'empty-first.xlsx', '空白', 'xlsx.emptySheet', { file: 'empty-first.xlsx', sheet: '空白' }],
		['a sheet not in the workbook', 'book.xlsx', 'Sheet9', 'xlsx.noSheet', { file: 'book.xlsx', sheet: 'Sheet9', list: '说明, 交易' }]
	] as const)('%s → %s', async (_n, name, sheet, code, params) => {
		const e = await workbookToCsv(bytes(name), { file: name, sheet }).catch((x: unknown) => x);
		expect(e).toMatchObject({ name: 'ClienteleError', code, params });
		const { code: c, params: p } = e as ClienteleError;
		expect(translate('zh-CN', c, p)).toContain(name);
		if (sheet) expect(translate('en', c, p)).toContain(sheet);
	});
});

async function tx(input: string, sheet?: string, roles: RoleMapping = ROLES) {
	const file = await openInput(db, input, roles, { sheet });
	const result = await applyMapping(db, file, mappingFor(file.sniff, roles));
	expect(result.errors).toEqual([]);
	const rows = await db.query<{ customer_id: string; order_id: string; ts: number; amount: number }>(
		sql`SELECT customer_id, order_id, ts, amount FROM ${ident(TX_TABLE)} ORDER BY src_row`
	);
	const agg = await db.query<{ customers: number; total: number; first: string; last: string }>(
		sql`SELECT count(DISTINCT customer_id) AS customers, round(sum(amount), 2) AS total,
			strftime(min(ts), '%Y-%m-%d %H:%M:%S') AS first, strftime(max(ts), '%Y-%m-%d %H:%M:%S') AS last FROM ${ident(TX_TABLE)}`
	);
	return { file, rows: rows.rows, agg: agg.rows[0]! };
}

describe('the CLI path: workbook → temporary CSV → DuckDB → typed transactions', () => {
	it('sheet 交易 gives the same typed table as the equivalent CSV', async () => {
		const x = await tx(book('book.xlsx'), '交易');
		const c = await tx(book('book-transactions.csv'));
		expect(x.file.fileName).toBe(`${book('book.xlsx')} [交易]`);
		expect(x.file.rows).toBe(71);
		expect(x.rows).toEqual(c.rows);
		expect(x.agg).toEqual(c.agg);
		expect(x.agg).toMatchObject({ customers: 24, first: '2024-01-03 00:00:00' });
		const ids = new Set(x.rows.map((r) => r.customer_id));
		expect(ids.has('00123')).toBe(true);
		expect(ids.has('123456789012345678')).toBe(true);
		const total = x.rows.reduce((s, r) => s + r.amount, 0);
		expect(x.agg.total).toBeCloseTo(total, 6);
	});

	it('a datetime column (numFmt 22) keeps the wall time as Excel shows it', async () => {
		const x = await tx(book('empty-first.xlsx'), undefined, { ...ROLES, date: '支付时间' });
		expect(x.file.fileName).toBe(`${book('empty-first.xlsx')} [Orders]`);
		const d = await db.query<{ t: string }>(sql`SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS t FROM ${ident(TX_TABLE)} ORDER BY src_row LIMIT 3`);
		expect(d.rows.map((r) => r.t)).toEqual(['2024-01-03 09:00:00', '2024-02-09 00:00:00', '2024-04-02 11:20:11']);
	});

	it('a column missing from the chosen sheet names the file and the sheet', async () => {
		const e = await openInput(db, book('book.xlsx'), ROLES).catch((x: unknown) => x);
		expect(e).toMatchObject({ code: 'cli.noColumn', params: { column: '客户ID', file: `${book('book.xlsx')} [说明]` } });
	});

	it('--sheet on a CSV input is an error; the temporary CSV is removed by cleanup()', async () => {
		const e = await openInput(db, book('book-transactions.csv'), ROLES, { sheet: '交易' }).catch((x: unknown) => x);
		expect(e).toMatchObject({ code: 'xlsx.notWorkbook' });
		const p = await preparePath(book('book.xlsx'), { sheet: '交易' });
		expect(p).toMatchObject({ sheet: '交易', encoding: 'utf-8', fileName: `${book('book.xlsx')} [交易]` });
		expect(p.sample.startsWith('订单号,客户ID,')).toBe(true);
		expect(fs.readFileSync(p.path, 'utf8')).toBe(fs.readFileSync(book('book-transactions.csv'), 'utf8'));
		p.cleanup();
		expect(fs.existsSync(path.dirname(p.path))).toBe(false);
	});
});
