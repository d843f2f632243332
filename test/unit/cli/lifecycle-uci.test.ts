import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lifecycleCommand } from '../../../src/cli/lifecycle.ts';
import { SHARED_DATA, useTmpDir } from '../../helpers/db.ts';

const UCI = path.join(SHARED_DATA, 'online_retail/online_retail_uci_2010_2011.csv.gz');
const tmp = useTmpDir('clientele-lifecycle-uci-');
const DAY = 86_400_000;

/**
 * The lifecycle stages of UCI Online Retail (CC BY 4.0) computed independently in plain JS: Papa
 * reads the file, ids '17850.0' → '17850', rows without a customer left out; a purchase is a line
 * with Quantity × UnitPrice > 0, frequency = distinct invoices with one; as-of = the day after the
 * last line. A made-up profile file (every 50th customer and three ids that never bought) adds
 * potential customers.
 */
function expected(text: string, profileIds: readonly string[], d = { newDays: 90, activeDays: 90, churnDays: 180 }): string[] {
	const lines = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	const by = new Map<string, { first: number; last: number; orders: Set<string> }>();
	let maxDay = 0;
	for (const l of lines) {
		const id = (l.CustomerID ?? '').trim().replace(/^(\d+)\.0+$/, '$1');
		if (!id) continue;
		const day = Date.parse((l.InvoiceDate ?? '').slice(0, 10) + 'T00:00:00Z');
		maxDay = Math.max(maxDay, day);
		const c = by.get(id) ?? { first: Infinity, last: -Infinity, orders: new Set<string>() };
		if (Number(l.Quantity) * Number(l.UnitPrice) > 0) {
			c.first = Math.min(c.first, day);
			c.last = Math.max(c.last, day);
			c.orders.add(l.InvoiceNo ?? '');
		}
		by.set(id, c);
	}
	const asOf = maxDay + DAY;
	const profiles = new Set(profileIds);
	const ids = [...new Set([...by.keys(), ...profiles])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
	return ids.map((id) => {
		const c = by.get(id);
		if (!c || !Number.isFinite(c.first)) {
			const stage = profiles.has(id) ? 'potential' : 'churned';
			return `${id},,,0,,${stage}`;
		}
		const recency = (asOf - c.last) / DAY;
		const stage = (asOf - c.first) / DAY <= d.newDays ? 'new' : recency <= d.activeDays ? 'active' : recency <= d.churnDays ? 'silent' : 'churned';
		return `${id},${iso(c.first)},${iso(c.last)},${c.orders.size},${recency},${stage}`;
	});
}

describe.skipIf(!fs.existsSync(UCI))('UCI Online Retail, the whole file (skipped: ../shared/data is not beside this clone)', () => {
	it('every customer and profile id: dates, frequency, recency and stage as an independent computation gives', async () => {
		const text = zlib.gunzipSync(fs.readFileSync(UCI)).toString('utf8');
		const buyers = [...new Set(Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map((l) => (l.CustomerID ?? '').replace(/^(\d+)\.0+$/, '$1')).filter((x) => x !== ''))].sort();
		const profileIds = [...buyers.filter((_, i) => i % 50 === 0), 'P-0001', 'P-0002', 'P-0003'];
		const profileFile = path.join(tmp(), 'profiles.csv');
		fs.writeFileSync(profileFile, ['CustomerID,Segment', ...profileIds.map((id, i) => `${id},${i % 2 ? 'retail' : 'wholesale'}`)].join('\n') + '\n');
		const out = path.join(tmp(), 'uci.csv');
		const args = ['--input', UCI, '--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo'];
		expect(await lifecycleCommand([...args, '--profiles', profileFile, '--profiles-id', 'CustomerID', '--out', out])).toBeNull();
		const got = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
		expect(got[0]).toBe('customer_id,first_purchase,last_purchase,frequency,recency_days,stage');
		const want = expected(text, profileIds);
		expect(got.length - 1).toBe(4372 + 3);
		expect(got.slice(1)).toEqual(want);
		const count = (s: string) => want.filter((l) => l.endsWith(`,${s}`)).length;
		// Every stage is populated on this year of data.
		for (const s of ['potential', 'new', 'active', 'silent', 'churned']) expect(count(s)).toBeGreaterThan(0);
	}, 300_000);
});
