import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { runQualityReport } from '../../../src/run/quality.ts';
import { SHARED_DATA, useDb } from '../../helpers/db.ts';

const UCI = path.join(SHARED_DATA, 'online_retail', 'online_retail_uci_2010_2011.csv.gz');

describe.skipIf(!fs.existsSync(UCI))('duplicates on UCI Online Retail', () => {
	const db = useDb();

	it('flags exactly the rows that repeat an earlier row in every column (an independent count), and nothing else as a duplicate', async () => {
		const text = zlib.gunzipSync(fs.readFileSync(UCI)).toString('utf8');
		// Independent: the parsed rows with a customer (what the report analyses), keyed by all their fields.
		const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
		const seen = new Set<string>();
		let exact = 0;
		for (const r of rows) {
			if (!(r[6] ?? '').trim()) continue;
			const key = JSON.stringify(r);
			if (seen.has(key)) exact++;
			else seen.add(key);
		}
		expect(exact).toBeGreaterThan(1000);

		const file = (await loadFile(db, { fileName: 'online_retail.csv.gz', source: { kind: 'path', path: UCI }, sample: text.slice(0, 200_000) }))!;
		const mapping = mappingFor(file.sniff, { customer: 'CustomerID', order: 'InvoiceNo', date: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' });
		const report = await runQualityReport(db, file, { mapping, options: { asOf: '2012-01-01' } });
		expect(report.findings.find((f) => f.kind === 'exactDuplicates')?.count).toBe(exact);
		expect(report.findings.map((f) => f.kind).filter((k) => /dup/i.test(k))).toEqual(['exactDuplicates']);
	}, 300_000);
});
