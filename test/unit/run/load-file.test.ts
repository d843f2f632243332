import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleMapping } from '../../../src/core/csv/roles.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { type LoadedFile } from '../../../src/run/loaded-file.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, openDb } from '../../helpers/db.ts';

let db: NodeDbClient;
let tmp: string;
beforeAll(async () => {
	db = await openDb();
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-ingest-'));
});
afterAll(async () => {
	await db.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

async function load(file: string): Promise<LoadedFile> {
	const sample = file.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(file)).toString('utf8') : fs.readFileSync(file, 'utf8');
	const f = await loadFile(db, { fileName: path.basename(file), source: { kind: 'path', path: file }, sample });
	if (!f) throw new Error('not loaded');
	return f;
}

async function txRows() {
	return (await db.query(sql`SELECT src_row, customer_id, order_id, ts, amount FROM ${ident(TX_TABLE)} ORDER BY src_row`)).rows;
}

describe('ids stay text', () => {
	it("'C0001' and '0003' keep their leading zeros; '17850.0' becomes '17850'", async () => {
		const f = await load(fixture('foundation', 'ids_leading_zeros.csv'));
		expect(f.rows).toBe(4);
		expect(f.sniff.columns.find((c) => c.name === '会员号')?.idLike).toBe(true);
		const raw = await db.query(sql`SELECT "客户编号" AS c, "会员号" AS m FROM ${ident(RAW_TABLE)} ORDER BY rowid`);
		expect(raw.rows).toEqual([
			{ c: 'C0001', m: '0007' },
			{ c: 'C0002', m: '0008' },
			{ c: 'C0001', m: '0007' },
			{ c: '0003', m: '17850.0' }
		]);
		const r1 = await applyMapping(db, f, mappingFor(f.sniff, { customer: '客户编号', date: '下单时间', amount: '实付金额' }));
		expect(r1).toMatchObject({ errors: [], warnings: [], txRows: 4 });
		expect((await txRows()).map((r) => r.customer_id)).toEqual(['C0001', 'C0002', 'C0001', '0003']);
		const r2 = await applyMapping(db, f, mappingFor(f.sniff, { customer: '会员号', date: '下单时间', amount: '实付金额' }));
		expect(r2.txRows).toBe(4);
		expect((await txRows()).map((r) => r.customer_id)).toEqual(['0007', '0008', '0007', '17850']);
	});
});

describe('unreadable dates', () => {
	it('a mostly-bad column blocks the mapping with the exact place and value', async () => {
		const f = await load(fixture('foundation', 'bad_dates_many.csv'));
		// Rows (1-based data rows): 2 '2024-13-01', 3 '2024-02-30', 4 '2023-02-29', 6 'not a date', 9 '31.12.2024' are bad;
		// row 8 is empty; 3 of 8 filled values are dates → 5 bad > half → error.
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: '客户编号', date: '日期', amount: '金额', order: '订单号' }));
		expect(r.txRows).toBe(0);
		expect(r.errors).toHaveLength(1);
		const e = r.errors[0]!;
		expect(e.code).toBe('mapping.notDates');
		expect(e.params).toEqual({ file: 'bad_dates_many.csv', column: '日期', role: 'date', count: 5, row: 2, value: '2024-13-01' });
		expect(translate('en', e.code, e.params)).toBe(
			"column 日期: 5 values are not dates, first at row 2: '2024-13-01'. Choose another column or date format."
		);
		expect(translate('zh-CN', e.code, e.params)).toBe("列 日期：有 5 个值不是日期，第一个在第 2 行：'2024-13-01'。请换一列或换一种日期格式。");
		expect(r.warnings.map((w) => [w.code, w.params.count])).toEqual([['mapping.someEmpty', 1]]);
	});

	it('a few bad values are a warning, and those rows are left out', async () => {
		const f = await load(fixture('foundation', 'bad_dates_few.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: '客户编号', date: '日期', amount: '金额', order: '订单号' }));
		expect(r.errors).toEqual([]);
		expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
			['mapping.notDatesSome', { file: 'bad_dates_few.csv', column: '日期', role: 'date', count: 1, row: 7, value: '2024-13-01' }]
		]);
		expect(r.txRows).toBe(9);
		const rows = await txRows();
		expect(rows.map((x) => x.src_row)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
		expect(rows[0]).toEqual({ src_row: 1, customer_id: 'C1', order_id: 'D1', ts: Date.UTC(2024, 0, 5), amount: 10 });
	});
});

describe('mapping that cannot work', () => {
	it.each([
		['no customer', { date: '日期', amount: '金额' }, [['mapping.missing', 'customer']]],
		['no date and no amount', { customer: '客户编号' }, [['mapping.missing', 'date'], ['mapping.missingAmount', undefined]]],
		['quantity without price', { customer: '客户编号', date: '日期', quantity: '金额' }, [['mapping.missingAmount', undefined]]],
		['the same column twice', { customer: '订单号', date: '日期', amount: '金额', order: '订单号' }, [['mapping.sameColumn', 'order']]]
	] as [string, RoleMapping, [string, string | undefined][]][])('%s', async (_n, roles, expected) => {
		const f = await load(fixture('foundation', 'bad_dates_few.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, roles));
		expect(r.txRows).toBe(0);
		expect(r.errors.map((e) => [e.code, e.params.role])).toEqual(expected);
	});

	it('same column twice names both roles, translated', async () => {
		const f = await load(fixture('foundation', 'bad_dates_few.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: '订单号', date: '日期', amount: '金额', order: '订单号' }));
		const e = r.errors[0]!;
		expect(translate('en', e.code, e.params)).toBe('bad_dates_few.csv: column 订单号 is chosen for both “Order ID” and “Customer ID”.');
	});

	it('a text column as amount is an error naming the first bad value', async () => {
		const f = await load(fixture('foundation', 'bad_dates_few.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: '客户编号', date: '日期', amount: '订单号' }));
		expect(r.errors.map((e) => [e.code, e.params.count, e.params.row, e.params.value])).toEqual([['mapping.notNumbers', 10, 1, 'D1']]);
	});
});

describe('file formats', () => {
	it('Excel export: BOM, sep=; line, CRLF, quoted newline, decimal comma, € and parentheses', async () => {
		const f = await load(fixture('foundation', 'excel_semicolon_bom.csv'));
		expect(f.sniff).toMatchObject({ delimiter: ';', skipLines: 1, hasHeader: true });
		expect(f.sniff.columns.map((c) => c.name)).toEqual(['Kunde', 'Datum', 'Betrag', 'Notiz']);
		expect(f.rows).toBe(3);
		const notes = await db.query(sql`SELECT "Notiz" AS n FROM ${ident(RAW_TABLE)} ORDER BY rowid`);
		expect(notes.rows.map((r) => r.n)).toEqual(['zwei\r\nZeilen; mit "Zitat"', 'x', 'y']);
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: 'Kunde', date: 'Datum', amount: 'Betrag' }));
		expect(r).toMatchObject({ errors: [], warnings: [], txRows: 3 });
		expect((await txRows()).map((x) => [x.customer_id, x.ts, x.amount])).toEqual([
			['K1', Date.UTC(2024, 0, 5), 1234.5],
			['K2', Date.UTC(2024, 0, 6), 12],
			['K1', Date.UTC(2024, 0, 13), -3.5]
		]);
	});

	it('currency-decorated amounts', async () => {
		const f = await load(fixture('foundation', 'currency_amounts.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, f.guess));
		expect(f.guess).toEqual({ customer: 'customer_id', date: 'order_date', amount: 'revenue' });
		expect(r.txRows).toBe(6);
		expect((await txRows()).map((x) => x.amount)).toEqual([1234.5, 12, 3.5, 8, -12.5, -3]);
	});

	it('duplicate and empty headers load under their deduplicated names', async () => {
		const f = await load(fixture('foundation', 'duplicate_headers.csv'));
		const r = await db.query(sql`SELECT * FROM ${ident(RAW_TABLE)} ORDER BY rowid`);
		expect(r.columns.map((c) => c.name)).toEqual(['customer', 'date', 'amount', 'amount_2', 'column5']);
		expect(r.rows[1]).toEqual({ customer: 'B', date: '2024-01-06', amount: '3', amount_2: '4', column5: 'y' });
		expect(f.rows).toBe(2);
	});

	it('.csv.gz is read directly', async () => {
		const file = path.join(tmp, 'orders 订单.csv.gz');
		fs.writeFileSync(file, zlib.gzipSync('客户ID,日期,金额\n007,2024-01-05,10\n008,2024/01/06,x\n007,2024-01-07,5\n'));
		const f = await load(file);
		expect(f.rows).toBe(3);
		expect(f.guess).toMatchObject({ customer: '客户ID', date: '日期', amount: '金额' });
		const r = await applyMapping(db, f, mappingFor(f.sniff, f.guess));
		expect(r.warnings.map((w) => [w.code, w.params.row, w.params.value])).toEqual([
			['mapping.notDatesSome', 2, '2024/01/06'],
			['mapping.notNumbersSome', 2, 'x']
		]);
		expect((await txRows()).map((x) => [x.customer_id, x.amount])).toEqual([
			['007', 10],
			['007', 5]
		]);
	});

	it('a header with no rows is a typed error', async () => {
		const file = path.join(tmp, 'header-only.csv');
		fs.writeFileSync(file, 'a,b\n');
		await expect(load(file)).rejects.toMatchObject({ code: 'import.noRows', params: { file: 'header-only.csv' } });
	});
});
