import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../../src/cli/grade.ts';
import { SHARED_DATA, useTmpDir } from '../../helpers/db.ts';

const UCI = path.join(SHARED_DATA, 'online_retail/online_retail_uci_2010_2011.csv.gz');
const tmp = useTmpDir('clientele-grade-uci-');

/** g = ⌈k·c/n⌉ with c = values at or below x (at or above x when lower is better); points 100·(g − 1)/(k − 1). */
function quantilePoints(values: number[], k: number, lower: boolean): Map<number, number> {
	const sorted = [...values].sort((a, b) => a - b);
	const out = new Map<number, number>();
	for (const x of new Set(values)) {
		let c = 0;
		for (const y of sorted) if (lower ? y >= x : y <= x) c++;
		out.set(x, (100 * (Math.ceil((k * c) / values.length) - 1)) / (k - 1));
	}
	return out;
}

describe.skipIf(!fs.existsSync(UCI))(
	'UCI Online Retail, the VIP / 重要 / 普通 / 一般 preset (skipped: ../shared/data is not beside this clone)',
	() => {
		it('grades every customer as a plain-JS computation of the standard does', async () => {
			const out = path.join(tmp(), 'uci-grade.csv');
			const args = [
				'--input',
				UCI,
				'--customer',
				'CustomerID',
				'--date',
				'InvoiceDate',
				'--quantity',
				'Quantity',
				'--price',
				'UnitPrice',
				'--order',
				'InvoiceNo'
			];
			expect(
				await gradeCommand([...args, '--standard', 'vip', '--lang', 'zh', '--out', out])
			).toBeNull();
			const got = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');

			// Independent: Papa reads the file; ids '17850.0' → '17850'; rows without a customer are left out;
			// recency from the last purchase day (a line with a positive amount), frequency = invoices with one.
			const text = zlib.gunzipSync(fs.readFileSync(UCI)).toString('utf8');
			const lines = Papa.parse<Record<string, string>>(text, {
				header: true,
				skipEmptyLines: true
			}).data;
			const by = new Map<
				string,
				{ last: number; lastAny: number; orders: Set<string>; sum: number }
			>();
			let maxDay = 0;
			for (const l of lines) {
				const id = (l.CustomerID ?? '').replace(/^(\d+)\.0+$/, '$1');
				const day = Date.parse((l.InvoiceDate ?? '').slice(0, 10) + 'T00:00:00Z');
				maxDay = Math.max(maxDay, day);
				if (!id) continue;
				const amount = Number(l.Quantity) * Number(l.UnitPrice);
				const c = by.get(id) ?? { last: 0, lastAny: 0, orders: new Set<string>(), sum: 0 };
				c.lastAny = Math.max(c.lastAny, day);
				if (amount > 0) {
					c.last = Math.max(c.last, day);
					c.orders.add(l.InvoiceNo ?? '');
				}
				c.sum += amount;
				by.set(id, c);
			}
			const asOf = maxDay + 86_400_000;
			const rows = [...by].map(([id, c]) => ({
				id,
				rec: (asOf - (c.last || c.lastAny)) / 86_400_000,
				freq: c.orders.size,
				mon: Math.round(c.sum * 100) / 100
			}));
			const pr = quantilePoints(
				rows.map((r) => r.rec),
				5,
				true
			);
			const pf = quantilePoints(
				rows.map((r) => r.freq),
				5,
				false
			);
			const pm = quantilePoints(
				rows.map((r) => r.mon),
				5,
				false
			);
			const tier = (t: number) => (t >= 80 ? 'VIP' : t >= 60 ? '重要' : t >= 40 ? '普通' : '一般');
			const expected = rows
				.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
				.map((r) => {
					const [a, b, c] = [pr.get(r.rec)!, pf.get(r.freq)!, pm.get(r.mon)!];
					const total = Math.round(20 * a + 30 * b + 50 * c) / 100;
					return [r.id, r.rec, r.freq, r.mon, a, b, c, total, tier(total), ''].join(',');
				});
			expect(got[0]).toBe(
				'customer_id,recency_days,frequency,monetary,points_recency_days,points_frequency,points_monetary,total,tier,missing'
			);
			expect(got.length - 1).toBe(4372);
			expect(got.slice(1)).toEqual(expected);
		}, 300_000);
	}
);
