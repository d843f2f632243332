import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FILES } from '../../../src/cli/io.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { openFile } from '../../../src/run/open-file.ts';
import { openFiles } from '../../../src/run/open-files.ts';
import { applyQualityFixes } from '../../../src/run/quality.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { PROSPECTS_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { fixture, useDb, useTmpDir } from '../../helpers/db.ts';

const db = useDb();
const tmp = useTmpDir('clientele-orders-');

async function perCustomer(d: NodeDbClient): Promise<Record<string, number>> {
	const rows = (await d.query(sql`SELECT customer_id, round(sum(amount), 2) AS m FROM ${ident(TX_TABLE)} GROUP BY 1`)).rows;
	return Object.fromEntries(rows.map((r) => [String(r.customer_id), Number(r.m)]));
}

async function open(file: string) {
	const o = await openFile(db, file, {}, NODE_FILES);
	if (!o) throw new Error('cancelled');
	return o.file;
}

function write(name: string, text: string): string {
	const p = path.join(tmp(), name);
	fs.writeFileSync(p, text);
	return p;
}

describe('a Taobao order report (GBK), mapped from its header', () => {
	it('leaves closed and unpaid orders out, nets the partial refund, keeps non-buyers apart', async () => {
		const file = await open(fixture('platforms', 'taobao.csv'));
		expect(file.preset?.id).toBe('taobao');
		const r = await applyMapping(db, file, mappingFor(file.sniff, file.guess));
		expect(r.errors).toEqual([]);
		// By hand from the 11 rows: 交易关闭 rows 2, 4, 10 (200 + 80 + 90) and 等待买家付款 row 5 (0.00)
		// are not sales; row 8 has no paid date (unpaid, 40); row 3's 20.00 refund comes off its 50.00.
		expect(r.orders?.excluded).toEqual({ rows: 4, amount: 370 });
		expect(r.orders?.statuses?.find((s) => s.value === '交易关闭')).toMatchObject({ rows: 3, amount: 370, excluded: true });
		expect(r.orders?.unpaid).toEqual({ rows: 1, amount: 40 });
		expect(r.orders?.refund).toMatchObject({ per: 'line', amount: 20, rows: 1 });
		expect(r.orders?.statuses?.filter((s) => s.unknown).map((s) => s.value)).toEqual(['付款确认中']);
		expect(r.txRows).toBe(6);
		// Paid revenue: 95 + (50 − 20) + 118 + 300 + 66 + 150 = 759 (everything: 1189).
		const m = await perCustomer(db);
		expect(m).toEqual({ 张三: 125, 李四: 118, 孙七: 300, 王五: 66, 'c**7': 150 });
		expect(Object.values(m).reduce((a, b) => a + b, 0)).toBe(759);
		// 赵六 (unpaid), 周八 (no paid date) and 吴九 (closed) never paid: prospects, not customers.
		const p = (await db.query(sql`SELECT customer_id FROM ${ident(PROSPECTS_TABLE)} ORDER BY customer_id`)).rows.map((x) => x.customer_id);
		expect(p.sort()).toEqual(['吴九', '周八', '赵六'].sort());
		expect(r.orders?.masked).toEqual({ ids: 1, examples: ['c**7'] });
		// The purchase date is the paid time: 孙七 created 2024-03-10 16:00, paid 2024-03-11 09:00.
		const ts = (await db.query(sql`SELECT ts FROM tx WHERE customer_id = '孙七'`)).rows[0]?.ts;
		expect(ts).toBe(Date.UTC(2024, 2, 11, 9, 0, 0));
		// Excel's ="…" wrapper is gone from the order ids.
		expect((await db.query(sql`SELECT min(order_id) AS o FROM tx`)).rows[0]?.o).toBe('240101000001');
	});

	it('an edited exclusion list is what counts; a data-quality rebuild keeps the rules', async () => {
		const file = await open(fixture('platforms', 'taobao.csv'));
		const r = await applyMapping(db, file, mappingFor(file.sniff, file.guess, undefined, undefined, { exclude: ['等待买家付款'], refundPer: 'auto' }));
		// 交易关闭 is kept now: row 2 has no paid date (still unpaid, out); rows 4 and 10 come in, each
		// fully refunded (80 − 80, 90 − 90): revenue stays 759, with 8 rows and 吴九 a customer.
		expect(r.orders?.excluded).toEqual({ rows: 1, amount: 0 });
		expect(r.txRows).toBe(8);
		expect(Object.values(await perCustomer(db)).reduce((a, b) => a + b, 0)).toBe(759);
		expect(r.orders?.prospects).toBe(2);
		const rows = await applyQualityFixes(db, file, { mapping: mappingFor(file.sniff, file.guess), options: { asOf: '2024-12-31' }, fixes: { zeroAmounts: 'drop' } });
		// The rebuilt table leaves out the rows the mapping's rules left out and nets the same refunds.
		expect(rows).toBe(8);
		expect(Object.values(await perCustomer(db)).reduce((a, b) => a + b, 0)).toBe(759);
	});
});

describe('refund per order', () => {
	const csv = `order,customer,date,amount,refund,status
A,c1,2024-01-01,30,10,paid
A,c1,2024-01-01,20,10,paid
B,c2,2024-01-02,50,0,paid
`;
	it('a refund repeated on every line of its order is taken off once (detected), or per line when asked', async () => {
		const file = await open(write('per-order.csv', csv));
		const roles = { customer: 'customer', date: 'date', amount: 'amount', order: 'order', refund: 'refund', status: 'status' };
		const auto = await applyMapping(db, file, mappingFor(file.sniff, roles));
		expect(auto.orders?.refund).toMatchObject({ per: 'order', detected: true, amount: 10 });
		expect(await perCustomer(db)).toEqual({ c1: 40, c2: 50 });
		const line = await applyMapping(db, file, mappingFor(file.sniff, roles, undefined, undefined, { exclude: [], refundPer: 'line' }));
		expect(line.orders?.refund).toMatchObject({ per: 'line', detected: false, amount: 20 });
		expect(await perCustomer(db)).toEqual({ c1: 30, c2: 50 });
	});
});

describe('several exports as one dataset', () => {
	it('an order in two files is counted once, from the later file', async () => {
		const head = 'order,customer,date,amount,status\n';
		const jan = write('jan.csv', head + 'O1,c1,2024-01-30,10,pending\nO2,c2,2024-01-31,20,paid\n');
		const feb = write('feb.csv', head + 'O1,c1,2024-01-30,10,paid\nO3,c1,2024-02-02,5,paid\n');
		const opened = await openFiles(db, [jan, feb], {}, NODE_FILES);
		expect(opened?.file.rows).toBe(4);
		const roles = { customer: 'customer', date: 'date', amount: 'amount', order: 'order', status: 'status' };
		const r = await applyMapping(db, opened!.file, mappingFor(opened!.file.sniff, roles));
		// O1 is pending in January's file and paid in February's: the later file's row counts.
		expect(r.orders?.overlap).toEqual({ orders: 1, rows: 1, examples: ['O1'] });
		expect(r.orders?.excluded.rows).toBe(0);
		expect(await perCustomer(db)).toEqual({ c1: 15, c2: 20 });
	});

	it('a file of another shape is refused, naming the columns', async () => {
		const a = write('a.csv', 'order,customer,date,amount\nO1,c1,2024-01-01,1\n');
		const b = write('b.csv', 'order,client,date,amount\nO2,c2,2024-01-02,2\n');
		await expect(openFiles(db, [a, b], {}, NODE_FILES)).rejects.toMatchObject({ code: 'orders.files.shape', params: { missing: 'customer', extra: 'client' } });
	});
});

describe('Shopify: one row per line item, order fields on the first line', () => {
	it('reads the -0500 timestamps, gives the order status and paid date to its other lines', async () => {
		const file = await open(fixture('platforms', 'shopify.csv'));
		const r = await applyMapping(db, file, mappingFor(file.sniff, file.guess, undefined, 'UTC'));
		expect(r.errors).toEqual([]);
		// #1002 voided (38.00) is out; #1001 54.50 (its second line has no Total); #1003 88.00 − 20.00 refunded.
		expect(r.orders?.excluded).toEqual({ rows: 1, amount: 38 });
		expect(await perCustomer(db)).toEqual({ 'jane@example.com': 122.5 });
		// Paid at 2025-01-04 19:01:38 -0500 = 2025-01-05 00:01:38 UTC.
		const first = (await db.query(sql`SELECT min(ts) AS t FROM tx`)).rows[0]?.t;
		expect(first).toBe(Date.UTC(2025, 0, 5, 0, 1, 38));
		expect(r.orders?.prospects).toBe(1);
	});
});
