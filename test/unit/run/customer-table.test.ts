import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfmCommand, segmentNames } from '../../../src/cli/rfm.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import { PRESETS } from '../../../src/core/segments/presets.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { SAMPLE_BYTES } from '../../../src/core/csv/inspect.ts';
import { rescore } from '../../../src/run/rfm.ts';
import { applyCustomerTable } from '../../../src/run/customer-table.ts';
import { customerMappingFor, guessCustomerRoles } from '../../../src/core/import/customer-roles.ts';
import { fixture, openDb } from '../../helpers/db.ts';

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
});
afterAll(async () => {
	await db.close();
});

async function load(fileName: string, text: string) {
	const file = await loadFile(db, { fileName, source: { kind: 'text', text }, sample: text.slice(0, SAMPLE_BYTES) });
	if (!file) throw new Error('not loaded');
	return { file, mapping: customerMappingFor(file.sniff, guessCustomerRoles(file.sniff.columns)) };
}

async function segmentCounts(): Promise<Record<string, number>> {
	const r = await db.query<{ segment: string; n: number }>(
		sql`SELECT segment, CAST(count(*) AS INTEGER) AS n FROM rfm GROUP BY segment`
	);
	return Object.fromEntries(r.rows.map((x) => [x.segment, x.n]));
}

describe('customer table in the page pipeline', () => {
	it('reports every problem with file, column and first row, including duplicate ids', async () => {
		const { file, mapping } = await load(
			'bad.csv',
			'customer_id,recency_days,number_of_orders,revenue\nA,10,2,100\nB,20,x,50\nA,5,1,30\nC,-3,1,9\n'
		);
		const out = await applyCustomerTable(db, file, mapping);
		const byCode = out.errors.map((e) => [e.code, e.params.column, e.params.row, e.params.value]);
		expect(byCode).toEqual(
			expect.arrayContaining([
				['rfm.customerTableBad', 'number_of_orders', 2, 'x'],
				['rfm.customerTableBad', 'recency_days', 4, '-3'],
				['rfm.customerTableDuplicate', 'customer_id', 1, 'A']
			])
		);
		expect(out.errors).toHaveLength(3);
		for (const e of out.errors) expect(e.params.file).toBe('bad.csv');
	});

	it('Shopify 11 groups put customers with 0 orders in Prospects', async () => {
		const { file, mapping } = await load(
			'prospects.csv',
			'客户编号,最近消费日期,订单数,累计消费金额\nC1,2024-05-01,3,300\nC2,,0,0\nC3,2024-01-10,1,20\nC4,2024-06-30,8,900\n'
		);
		const out = await applyCustomerTable(db, file, mapping);
		expect(out.errors).toEqual([]);
		expect(out.customers).toBe(4);
		expect(out.defaultAsOf).toBe('2024-07-01');
		await rescore(db, { scoring: { method: 'ntile', bins: 5 }, set: PRESETS.shopify11 });
		const r = await db.query<{ customer_id: string; segment: string }>(
			sql`SELECT customer_id, segment FROM rfm WHERE segment = 'shp_prospects'`
		);
		expect(r.rows.map((x) => x.customer_id)).toEqual(['C2']);
	});

	it('R rfm_data_customer.csv: the same segments as the CLI (r-rfm, r10-tests)', async () => {
		const input = fixture('rfm_r', 'rfm_data_customer.csv');
		const text = fs.readFileSync(input, 'utf8');
		const { file, mapping } = await load('rfm_data_customer.csv', text);
		const out = await applyCustomerTable(db, file, mapping);
		expect(out.errors).toEqual([]);
		expect(out.defaultAsOf).toBeNull();
		await rescore(db, { scoring: { method: 'r-rfm' }, set: PRESETS['r10-tests'] });
		const page = await segmentCounts();

		const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-')), 'out.csv');
		await rfmCommand([
			'--customer-table', '--input', input, '--customer', 'customer_id', '--orders', 'number_of_orders',
			'--recency', 'recency_days', '--revenue', 'revenue', '--method', 'r-rfm', '--segments', 'r10-tests', '--out', outFile
		]);
		const lines = fs.readFileSync(outFile, 'utf8').trim().split(/\r?\n/).slice(1);
		const cli: Record<string, number> = {};
		for (const l of lines) {
			const seg = l.slice(l.lastIndexOf(',') + 1);
			cli[seg] = (cli[seg] ?? 0) + 1;
		}
		const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
		expect(total(page)).toBe(out.customers);
		expect(total(cli)).toBe(out.customers);
		// The CLI writes English names, the table ids.
		const names = segmentNames(PRESETS['r10-tests']);
		expect(Object.fromEntries(Object.entries(page).map(([id, n]) => [names[id] ?? id, n]))).toEqual(cli);
	});
});
