/**
 * The id and amount guards of the import ("never guess silently", issue 11), through the shared
 * pipeline the page and the CLI both use (loadFile → applyMapping): ids padded with NBSP or holding
 * NUL bytes are cleaned once, in SQL; ids in Excel's scientific notation are warned about; amounts
 * whose total is not a finite number are refused, naming the rows. Expected values are written by
 * hand from the files below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadTyped } from '../../../src/run/load-file.ts';
import { inspectSample } from '../../../src/core/csv/inspect.ts';
import { TX_TABLE } from '../../../src/run/tables.ts';
import { useDb, useTmpDir } from '../../helpers/db.ts';
import { loadCsv } from '../../helpers/load-csv.ts';

const db = useDb();
const tmp = useTmpDir('clientele-guards-');
const ROLES = { customer: 'customer', date: 'date', amount: 'amount' };

async function load(name: string, lines: string[], roles: Record<string, string> = ROLES) {
	const p = path.join(tmp(), name);
	fs.writeFileSync(p, ['customer,date,amount,order', ...lines].join('\n') + '\n');
	const f = await loadCsv(db, p);
	return applyMapping(db, f, mappingFor(f.sniff, roles), { dayMonthChosen: true });
}

async function customers(): Promise<Record<string, number>> {
	const r = await db.query(sql`SELECT customer_id, count(*) AS n FROM ${ident(TX_TABLE)} GROUP BY 1 ORDER BY 1`);
	return Object.fromEntries(r.rows.map((x) => [String(x.customer_id), Number(x.n)]));
}

describe('ids: NBSP, U+202F, NUL and whitespace', () => {
	it('are cleaned to one id; NUL-only and space-only ids are blank; NUL removal is a warning naming the first row', async () => {
		const r = await load('ids.csv', [
			'C1,2024-01-01,10,o1', // row 1
			'\u00a0C1\u00a0,2024-01-02,10,o2', // row 2: NBSP around
			'"C1\u0000",2024-01-03,10,o3', // row 3: a NUL inside
			'\u202fC2\u202f,2024-01-04,10,o4', // row 4: narrow NBSP around
			'"\u0000",2024-01-05,10,o5', // row 5: NUL only → blank
			'\u00a0,2024-01-06,10,o6', // row 6: NBSP only → blank
			' C2 ,2024-01-07,10,o7' // row 7
		]);
		expect(r.errors).toEqual([]);
		expect(r.txRows).toBe(5);
		expect(await customers()).toEqual({ C1: 3, C2: 2 });
		const codes = r.warnings.map((w) => w.code);
		expect(codes).toContain('mapping.someEmpty');
		const nul = r.warnings.find((w) => w.code === 'ids.nulRemoved');
		expect(nul?.params).toMatchObject({ column: 'customer', count: 2, row: 3 });
	});

	it('order ids are cleaned the same way', async () => {
		const r = await load('orders.csv', ['C1,2024-01-01,10,"o1\u0000"', 'C1,2024-01-01,10,\u00a0o1'], { ...ROLES, order: 'order' });
		expect(r.errors).toEqual([]);
		const ids = (await db.query(sql`SELECT DISTINCT order_id FROM ${ident(TX_TABLE)}`)).rows.map((x) => x.order_id);
		expect(ids).toEqual(['o1']);
		expect(r.warnings.find((w) => w.code === 'ids.nulRemoved')?.params).toMatchObject({ column: 'order', count: 1, row: 1 });
	});
});

describe("ids in Excel's scientific notation", () => {
	it('are warned about with the column, the rows, the distinct ids and an example', async () => {
		const r = await load('sci.csv', [
			'123456789012,2024-01-01,10,o1',
			'1.23457E+11,2024-01-02,10,o2', // row 2
			'1.23457E+11,2024-01-03,10,o3',
			'9.8E+11,2024-01-04,10,o4',
			'1E5X,2024-01-05,10,o5' // not the notation
		]);
		expect(r.errors).toEqual([]);
		const w = r.warnings.find((x) => x.code === 'ids.scientific');
		expect(w?.params).toEqual({ file: expect.any(String), column: 'customer', role: 'customer', count: 3, ids: 2, row: 2, value: '1.23457E+11' });
		expect(r.txRows).toBe(5);
	});

	it('no warning when no id is in the notation', async () => {
		const r = await load('plain.csv', ['123456789012,2024-01-01,10,o1', 'E+1,2024-01-02,10,o2']);
		expect(r.warnings.map((w) => w.code)).not.toContain('ids.scientific');
	});
});

describe('renamed headers', () => {
	it('are warnings of the typed-first load and of a mapping alike, naming both names', async () => {
		const p = path.join(tmp(), 'dup.csv');
		fs.writeFileSync(p, 'customer,date,Amount,amount\nC1,2024-01-01,1,100\nC2,2024-01-02,2,200\n');
		const sample = fs.readFileSync(p, 'utf8');
		const sniff = inspectSample(sample, 'dup.csv').sniff;
		const typed = await loadTyped(db, { fileName: 'dup.csv', source: { kind: 'path', path: p }, sample, mapping: mappingFor(sniff, { ...ROLES, amount: 'amount_2' }) });
		const expected = [['header.duplicate', { file: 'dup.csv', column: 4, from: 'amount', to: 'amount_2', other: 'Amount' }]];
		expect(typed!.result.warnings.map((w) => [w.code, w.params])).toEqual(expected);
		const again = await applyMapping(db, typed!.file, mappingFor(sniff, { ...ROLES, amount: 'Amount' }));
		expect(again.warnings.map((w) => [w.code, w.params])).toEqual(expected);
	});
});

describe('a non-finite sum of amounts', () => {
	it('is an error naming the rows with the huge amounts, and no typed table is built', async () => {
		const r = await load('inf.csv', ['C1,2024-01-01,5,o1', 'C2,2024-01-02,1e308,o2', 'C3,2024-01-03,-1.5e308,o3', 'C4,2024-01-04,2e15,o4']);
		expect(r.txRows).toBe(0);
		expect(r.errors.map((e) => e.code)).toEqual(['amounts.notFinite']);
		// Rows by size: 3 (1.5e308), 2 (1e308), 4 (2e15); 5 is below the 1e15 mark.
		expect(r.errors[0]!.params).toMatchObject({ column: 'amount', count: 3, rows: '2, 3, 4', limit: '1e+15' });
		expect(Number(r.errors[0]!.params.value)).toBe(-1.5e308);
	});

	it('large amounts whose sum stays finite load', async () => {
		const r = await load('big.csv', ['C1,2024-01-01,1e307,o1', 'C2,2024-01-02,1e307,o2']);
		expect(r.errors).toEqual([]);
		expect(r.txRows).toBe(2);
	});
});
