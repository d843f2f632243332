import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { kpiCommand, RETENTION_COLUMNS } from '../../../src/cli/kpi.ts';
import { SHARED_DATA, useTmpDir } from '../../helpers/db.ts';

const UCI = path.join(SHARED_DATA, 'online_retail', 'online_retail_uci_2010_2011.csv.gz');
const tmp = useTmpDir('clientele-uci-retention-');
const DAY = 86_400_000;
const dayNo = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/**
 * Strict retention counted in plain JS over the parsed CSV: a purchase is a line with a customer and
 * Quantity × UnitPrice > 0; active at the start = a purchase in the lostDays days before it, active at the
 * end = a purchase in the lostDays days ending on it.
 */
function strictRetention(start: string, end: string, lostDays: number) {
	const text = zlib.gunzipSync(fs.readFileSync(UCI)).toString('utf8');
	const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	const s = dayNo(start);
	const e = dayNo(end);
	const atStart = new Set<string>();
	const atEnd = new Set<string>();
	for (const r of rows) {
		const id = (r.CustomerID ?? '').trim();
		if (!id || !(Number(r.Quantity) * Number(r.UnitPrice) > 0)) continue;
		const d = dayNo(r.InvoiceDate!.slice(0, 10));
		if (d >= s - lostDays && d <= s - 1) atStart.add(id);
		if (d >= e - lostDays + 1 && d <= e) atEnd.add(id);
	}
	let both = 0;
	for (const id of atStart) if (atEnd.has(id)) both++;
	return { start: atStart.size, retained: both };
}

describe.skipIf(!fs.existsSync(UCI))('strict retention on UCI Online Retail equals an independent count', () => {
	it('kpi retention 2011-06-01 … 2011-11-30, lost after 90 days: retained_share = |active at both| ÷ |active at start|', async () => {
		const out = path.join(tmp(), 'retention.csv');
		const args = ['retention', '--input', UCI, '--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo'];
		expect(await kpiCommand([...args, '--start', '2011-06-01', '--end', '2011-11-30', '--lost-days', '90', '--out', out])).toBeNull();
		const csv = fs.readFileSync(out, 'utf8');
		expect(csv.split(/\r?\n/)[0]).toBe(RETENTION_COLUMNS.join(','));
		const row = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data[0]!;
		const want = strictRetention('2011-06-01', '2011-11-30', 90);
		expect(want.start).toBeGreaterThan(1000);
		expect(Number(row.customers_start)).toBe(want.start);
		expect(Number(row.retained)).toBe(want.retained);
		expect(Number(row.retained_share)).toBeCloseTo((100 * want.retained) / want.start, 4);
		// Strict retention and churn are complements; the textbook figure is another number.
		expect(Number(row.retained_share) + Number(row.churn)).toBeCloseTo(100, 3);
		expect(Number(row.retention)).not.toBeCloseTo(Number(row.retained_share), 1);
	}, 300_000);
});
