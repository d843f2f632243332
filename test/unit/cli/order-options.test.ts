import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { TX_HELP } from '../../../src/cli/input.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { DEFAULT_EXCLUDED_STATUSES } from '../../../src/core/import/order-rules.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-order-flags-');
const TAOBAO = fixture('platforms', 'taobao.csv');
const ROLES = ['--customer', '买家会员名', '--date', '订单创建时间', '--amount', '买家实际支付金额', '--order', '订单编号'];

afterEach(() => {
	vi.restoreAllMocks();
});

/** One in-process `clientele rfm`: monetary per customer, and what went to stderr. */
async function rfm(extra: string[], input: string[] = ['--input', TAOBAO]): Promise<{ m: Record<string, number>; err: string }> {
	const out = path.join(tmp(), `rfm-${Math.random().toString(36).slice(2)}.csv`);
	let err = '';
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
		err += String(s);
		return true;
	});
	expect(await rfmCommand([...input, ...ROLES, '--as-of', '2024-12-31', '--out', out, ...extra])).toBeNull();
	const rows = Papa.parse<{ customer_id: string; monetary: string }>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
	return { m: Object.fromEntries(rows.map((r) => [r.customer_id, Number(r.monetary)])), err };
}

const total = (m: Record<string, number>) => Math.round(Object.values(m).reduce((a, b) => a + b, 0) * 100) / 100;

async function codeOf(p: Promise<unknown>): Promise<string | null> {
	return p.then(
		() => null,
		(e: unknown) => (isClienteleError(e) ? e.code : String(e))
	);
}

describe('CLI order flags (hand-computed on the 11 rows of test/fixtures/platforms/taobao.csv)', () => {
	it('without them, every row is a sale: 1189', async () => {
		// 95 + 200 + 50 + 80 + 0 + 118 + 300 + 40 + 66 + 90 + 150
		expect(total((await rfm([])).m)).toBe(1189);
	});

	it('--status leaves the default exclusions out and reports them per value on stderr', async () => {
		const { m, err } = await rfm(['--status', '订单状态']);
		// 1189 − 交易关闭 (200 + 80 + 90) − 等待买家付款 (0)
		expect(total(m)).toBe(819);
		expect(err).toContain('Left out for their status: 4 rows, 370.00.');
		expect(err).toContain('交易关闭: 3 rows, 370.00');
		expect(err).toContain('付款确认中 (1 rows)');
		expect(err).toContain('Buyers with no paid order: 2');
	});

	it('--exclude-status replaces the default list; the defaults left out are reported with their rows', async () => {
		const { m, err } = await rfm(['--status', '订单状态', '--exclude-status', '等待买家付款, 付款确认中']);
		// 1189 − 0 (row 5) − 40 (row 8)
		expect(total(m)).toBe(1149);
		expect(err).toContain('Default exclusions not in --exclude-status, kept as sales: 交易关闭 (3 rows).');
	});

	it('--refund-amount nets the refunds (a partial refund keeps its order)', async () => {
		const { m, err } = await rfm(['--refund-amount', '退款金额']);
		// 1189 − 20 (row 3) − 80 (row 4) − 90 (row 10)
		expect(total(m)).toBe(999);
		expect(m['张三']).toBe(95 + 30);
		expect(err).toContain('Refunds taken off the amounts: 190.00 on 3 rows (per line, detected).');
	});

	it('--refund-per needs --refund-amount; order needs --order', async () => {
		expect(await codeOf(rfmCommand(['--input', TAOBAO, ...ROLES, '--refund-per', 'order']))).toBe('cli.needsOption');
		expect(await codeOf(rfmCommand(['--input', TAOBAO, '--customer', '买家会员名', '--date', '订单创建时间', '--amount', '买家实际支付金额', '--refund-amount', '退款金额', '--refund-per', 'order']))).toBe('cli.needsOption');
		expect(await codeOf(rfmCommand(['--input', TAOBAO, ...ROLES, '--refund-amount', '退款金额', '--refund-per', 'each']))).toBe('cli.badChoice');
		expect(await codeOf(rfmCommand(['--input', TAOBAO, ...ROLES, '--exclude-status', 'x']))).toBe('cli.needsOption');
	});

	it('--paid-date: unpaid orders are not purchases; with every flag, the paid revenue is 759', async () => {
		const paid = await rfm(['--paid-date', '订单付款时间']);
		// 1189 − rows 2, 5, 8 (no paid date: 200 + 0 + 40)
		expect(total(paid.m)).toBe(949);
		expect(paid.err).toContain('Unpaid orders (no paid date), not purchases: 3 rows, 240.00.');
		const all = await rfm(['--status', '订单状态', '--refund-amount', '退款金额', '--paid-date', '订单付款时间', '--refund-per', 'line']);
		expect(total(all.m)).toBe(759);
	});

	it('a column that is not in the file is named with its flag', async () => {
		await expect(rfmCommand(['--input', TAOBAO, ...ROLES, '--status', '状态'])).rejects.toMatchObject({ code: 'cli.noColumn', params: { option: 'status' } });
	});

	it('--input repeated reads the files as one dataset; an order in both counts once', async () => {
		const text = fs.readFileSync(fixture('platforms', 'taobao.csv'));
		const lines = new TextDecoder('gbk').decode(text).split('\n');
		// Two exports of the same shape: rows 1–6 and rows 6–11 (row 6, 李四's 118, in both).
		const enc = (s: string) => Buffer.from(new TextEncoder().encode(s));
		const a = path.join(tmp(), 'a.csv');
		const b = path.join(tmp(), 'b.csv');
		fs.writeFileSync(a, enc([lines[0], ...lines.slice(1, 7)].join('\n') + '\n'));
		fs.writeFileSync(b, enc([lines[0], ...lines.slice(6, 12)].join('\n') + '\n'));
		const { m, err } = await rfm(['--status', '订单状态'], ['--input', a, '--input', b]);
		expect(total(m)).toBe(819);
		expect(err).toContain('2 files loaded as one dataset');
		expect(err).toContain('Orders found in more than one file: 1 (e.g. 240101000006)');
	});

	it('the flags work on other commands that read transactions (abc)', async () => {
		const out = path.join(tmp(), 'abc.csv');
		vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		expect(await abcCommand(['--input', TAOBAO, ...ROLES, '--status', '订单状态', '--refund-amount', '退款金额', '--paid-date', '订单付款时间', '--out', out])).toBeNull();
		const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => r.customer_id).sort()).toEqual(['c**7', '孙七', '张三', '李四', '王五'].sort());
	});

	it('--help lists the default exclusion list', () => {
		expect(TX_HELP).toContain(DEFAULT_EXCLUDED_STATUSES.join(', '));
	});
});
