import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALUE_MATRIX_HELP, valueMatrixCommand } from '../../../src/cli/value-matrix.ts';
import { isClienteleError, type ClienteleError } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture } from '../../helpers/db.ts';

const FILE = fixture('e2e', 'orders-cost.csv');
const BASE = ['--input', FILE, '--customer', '客户编号', '--date', '下单日期', '--amount', '实付金额', '--order', '订单号'];
const MARGIN = [...BASE, '--cost', '成本金额', '--current', 'margin'];
let tmp: string;
/** Per customer from the CSV itself: margin (amount − cost) in a window, and orders (lines with amount > 0). */
const lines = fs.readFileSync(FILE, 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
function byCustomer(from = '0000', to = '9999'): Map<string, { margin: number; orders: number }> {
	const m = new Map<string, { margin: number; orders: number }>();
	for (const [, c, d, amount, cost] of lines) {
		const e = m.get(c!) ?? { margin: 0, orders: 0 };
		if (Number(amount) > 0) e.orders++;
		if (d! >= from && d! <= to) e.margin += Number(amount) - Number(cost);
		m.set(c!, e);
	}
	return m;
}

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-vmm-'));
});
afterAll(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ header: string; rows: string[][] }> {
	const out = path.join(tmp, `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await valueMatrixCommand([...args, '--out', out])).toBeNull();
	const text = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
	return { header: text[0] ?? '', rows: text.slice(1).map((l) => l.split(',')) };
}

describe('value-matrix --current margin --cost COL', () => {
	it.each([
		['over all the data', [], '0000', '9999'],
		['in a window', ['--from', '1997-07-01', '--to', '1998-06-30'], '1997-07-01', '1998-06-30']
	])('current value = sum of amount − cost per customer %s', async (_name, extra, from, to) => {
		const { header, rows } = await run([...MARGIN, ...extra]);
		expect(header).toBe('customer_id,current_value,potential_value,quadrant');
		const want = byCustomer(from, to);
		expect(rows.length).toBe(want.size);
		for (const [id, cur] of rows) expect(Number(cur)).toBeCloseTo(want.get(id!)!.margin, 4);
		// Median split: the high-current quadrants hold the customers at or above the median margin.
		const sorted = rows.map((r) => Number(r[1])).sort((a, b) => a - b);
		const mid = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
		expect(rows.filter((r) => r[3] === 'core' || r[3] === 'general').length).toBe(rows.filter((r) => Number(r[1]) >= mid - 1e-6).length);
	});

	it('takes any numeric per-customer column as the potential value (rfm.frequency = orders)', async () => {
		const { rows } = await run([...MARGIN, '--potential', 'rfm.frequency', '--split', '50,3']);
		const want = byCustomer();
		for (const [id, cur, pot, q] of rows) {
			expect(Number(pot)).toBe(want.get(id!)!.orders);
			expect(q).toBe(Number(cur) >= 50 ? (Number(pot) >= 3 ? 'core' : 'general') : Number(pot) >= 3 ? 'potential' : 'low');
		}
	});

	it('takes an unambiguous column by its name alone (p_alive)', async () => {
		const { rows } = await run([...BASE, '--potential', 'p_alive']);
		expect(rows.length).toBe(600);
		expect(rows.every((r) => Number(r[2]) >= 0 && Number(r[2]) <= 1)).toBe(true);
	});

	it('documents the options', () => {
		expect(VALUE_MATRIX_HELP).toMatch(/--cost COL/);
		expect(VALUE_MATRIX_HELP).toMatch(/--current revenue\|margin\|rfm/);
		expect(VALUE_MATRIX_HELP).toMatch(/--potential clv\|alive-spend\|COLUMN/);
	});

	it.each([
		['margin without --cost', [...BASE, '--current', 'margin'], 'value.cli.badChoice', '--current margin must be one of: revenue, rfm (margin needs --cost COL)'],
		['a column in both tables', [...MARGIN, '--potential', 'frequency'], 'value.cli.ambiguousColumn', '--potential frequency is a column of more than one table: write one of clv.frequency, rfm.frequency'],
		['an unknown column', [...MARGIN, '--potential', 'ltv'], 'value.cli.badChoice', '--potential ltv must be one of: clv, alive-spend, clv.frequency'],
		['a cost column that is not there', [...BASE, '--cost', 'nope', '--current', 'margin'], 'cli.noColumn', 'nope']
	])('exits with one clear message on %s', async (_name, args, code, text) => {
		try {
			await valueMatrixCommand(args);
		} catch (e) {
			expect(isClienteleError(e) && e.code).toBe(code);
			expect(translate('en', (e as ClienteleError).code, (e as ClienteleError).params)).toContain(text);
			return;
		}
		throw new Error('expected an error');
	});
});
