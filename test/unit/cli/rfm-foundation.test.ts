import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { matchSegment, R10_DOCS, R_SEGMENT_NAMES } from '../../../src/core/segments/rules.ts';
import { cliLines as cliInProcess } from '../../helpers/cli-run.ts';
import { fixture, SHARED_DATA, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HEADER = 'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment';
const tmp = useTmpDir('clientele-cli-');

/** One real CLI process (~3 s each: keep these few). */
function cli(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn')) };
}

const HAND = fixture('foundation', 'rfm_hand.csv');

describe('clientele rfm (a spawned process, then main() in process)', () => {
	it('--out writes exactly the documented columns, one row per customer (hand-checked, see test/unit/run/rfm.test.ts)', () => {
		const out = path.join(tmp(), 'hand.csv');
		const r = cli(['rfm', '--input', HAND, '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id', '--as-of', '2024-07-01', '--out', out]);
		expect(r).toMatchObject({ code: 0, stdout: '', stderr: [] });
		expect(fs.readFileSync(out, 'utf8')).toBe(
			[
				HEADER,
				'C01,1,5,1500,5,5,4,554,Potential Loyalist',
				'C02,6,4,260,4,5,3,453,Potential Loyalist',
				'C03,21,2,1450,4,2,4,424,Loyal Customers',
				'C04,42,1,30,3,1,2,312,About To Sleep',
				'C05,61,3,1900,3,4,5,345,Potential Loyalist',
				'C06,213,2,170,2,3,3,233,Loyal Customers',
				"C07,168,3,2400,2,4,5,245,Can't Lose Them",
				'C08,335,1,20,1,1,1,111,Lost',
				'C09,3,2,50,5,3,2,532,Potential Loyalist',
				'C10,396,1,0,1,2,1,121,Lost',
				''
			].join('\r\n')
		);
		expect(fs.readdirSync(tmp())).toEqual(['hand.csv']); // no temporary file left behind
	});

	it.each([
		['a column not in the file', ['--customer', 'Kunde', '--date', 'order_date', '--amount', 'amount'], HAND, /^clientele rfm: column Kunde \(--customer\) is not in .*rfm_hand\.csv\. Columns: order_id, customer_id, order_date, amount$/],
		['a missing option', ['--customer', 'customer_id', '--amount', 'amount'], HAND, /^clientele rfm: missing option --date$/],
		['dates that are not dates', ['--customer', '客户编号', '--date', '日期', '--amount', '金额'], fixture('foundation', 'bad_dates_many.csv'), /^clientele rfm: column 日期: 5 values are not dates, first at row 2: '2024-13-01'\. /],
		['a missing file', ['--customer', 'c', '--date', 'd', '--amount', 'a'], path.join(ROOT, 'test/fixtures/foundation/no-such-file.csv'), /^clientele rfm: cannot read .*no-such-file\.csv: ENOENT/]
	])('%s → exit 2, one line on stderr, no output file', async (_n, args, input, message) => {
		const out = path.join(tmp(), 'never.csv');
		const r = await cliInProcess(['rfm', '--input', input, ...args, '--out', out]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toHaveLength(1);
		expect(r.stderr[0]).toMatch(message);
		expect(fs.existsSync(out)).toBe(false);
	});

	it('--help exits 0 and names every option', async () => {
		const r = await cliInProcess(['rfm', '--help']);
		expect(r.code).toBe(0);
		for (const o of ['--input', '--customer', '--date', '--amount', '--quantity', '--price', '--order', '--as-of', '--out', '--help'])
			expect(r.stdout).toContain(o);
		expect(r.stdout).toContain(HEADER);
	});
});

interface OutRow {
	customer_id: string;
	recency_days: number;
	frequency: number;
	monetary: number;
	r_score: number;
	f_score: number;
	m_score: number;
	rfm_score: number;
	segment: string;
}

async function runInProcess(input: string, out: string): Promise<OutRow[]> {
	const args = ['--input', input, '--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo', '--out', out];
	expect(await rfmCommand(args)).toBeNull();
	const text = fs.readFileSync(out, 'utf8');
	expect(text.split('\r\n')[0]).toBe(HEADER);
	return Papa.parse<OutRow>(text, { header: true, skipEmptyLines: true, dynamicTyping: (f) => f !== 'customer_id' && f !== 'segment' }).data;
}

/** DuckDB's ntile(n): sizes differ by at most one, larger groups first. */
function ntile<T>(sorted: T[], bins: number): Map<T, number> {
	const q = Math.floor(sorted.length / bins);
	const extra = sorted.length % bins;
	const m = new Map<T, number>();
	let i = 0;
	for (let b = 1; b <= bins; b++) for (let k = 0; k < q + (b <= extra ? 1 : 0); k++) m.set(sorted[i++]!, b);
	return m;
}

describe('UCI Online Retail slice (CC BY 4.0, test/fixtures/foundation): the CLI pipeline vs. an independent JS computation', () => {
	it('every customer: recency, frequency, monetary, scores, segment', async () => {
		const input = fixture('foundation', 'online_retail_slice.csv');
		const got = await runInProcess(input, path.join(tmp(), 'slice.csv'));
		// Independent: Papa reads the file; ids '17850.0' → '17850'; rows without a customer are left out.
		const lines = Papa.parse<Record<string, string>>(fs.readFileSync(input, 'utf8'), { header: true, skipEmptyLines: true }).data;
		// Recency counts from the last purchase (amount > 0); a customer with only returns, from the last line.
		const by = new Map<string, { last: number; lastAny: number; orders: Set<string>; sum: number }>();
		let maxDay = 0;
		for (const l of lines) {
			const id = (l.CustomerID ?? '').replace(/^(\d+)\.0+$/, '$1');
			if (!id) continue;
			const day = Date.parse((l.InvoiceDate ?? '').slice(0, 10) + 'T00:00:00Z');
			const amount = Number(l.Quantity) * Number(l.UnitPrice);
			const c = by.get(id) ?? { last: 0, lastAny: 0, orders: new Set<string>(), sum: 0 };
			c.lastAny = Math.max(c.lastAny, day);
			if (amount > 0) c.last = Math.max(c.last, day);
			if (amount > 0) c.orders.add(l.InvoiceNo ?? '');
			c.sum += amount;
			by.set(id, c);
			maxDay = Math.max(maxDay, day);
		}
		const asOf = maxDay + 86_400_000;
		const rows = [...by].map(([id, c]) => ({ id, rec: (asOf - (c.last || c.lastAny)) / 86_400_000, freq: c.orders.size, mon: Math.round(c.sum * 100) / 100 }));
		const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
		const r = ntile([...rows].sort((a, b) => b.rec - a.rec || cmp(a.id, b.id)), 5);
		const f = ntile([...rows].sort((a, b) => a.freq - b.freq || cmp(a.id, b.id)), 5);
		const m = ntile([...rows].sort((a, b) => a.mon - b.mon || cmp(a.id, b.id)), 5);
		const expected = rows
			.sort((a, b) => cmp(a.id, b.id))
			.map((x) => {
				const [rs, fs_, ms] = [r.get(x), f.get(x), m.get(x)] as [number, number, number];
				return [x.id, x.rec, x.freq, x.mon, rs, fs_, ms, 100 * rs + 10 * fs_ + ms, R_SEGMENT_NAMES[matchSegment(R10_DOCS, rs, fs_, ms)]];
			});
		expect(got).toHaveLength(1886);
		expect(got.map((g) => Object.values(g))).toEqual(expected);
	});
});

describe.skipIf(!fs.existsSync(path.join(SHARED_DATA, 'online_retail')))(
	'UCI Online Retail, the whole file (skipped: ../shared/data is not beside this clone)',
	() => {
		it('gives 4,372 customers', async () => {
			const got = await runInProcess(path.join(SHARED_DATA, 'online_retail/online_retail_uci_2010_2011.csv.gz'), path.join(tmp(), 'uci.csv'));
			expect(got).toHaveLength(4372);
			expect(got[0]).toMatchObject({ customer_id: '12346', frequency: 1, monetary: 0 });
		});
	}
);
