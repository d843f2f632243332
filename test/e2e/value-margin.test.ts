/**
 * Margin as current value and a numeric column as potential value, in Chromium: a file with a cost
 * column is mapped (cost guessed by its name), the value tab offers margin, and the quadrant counts
 * equal the command line's on the same file and window. The fixture is the first 600 customers of the
 * CDNOW sample (test/fixtures/cdnow, see its PROVENANCE.md) with a synthetic cost column added.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueMatrixCommand } from '../../src/cli/value-matrix.ts';
import { openPage, useSite } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const FILE = path.join(ROOT, 'test/fixtures/e2e/orders-cost.csv');
const QUADRANTS = ['core', 'potential', 'general', 'low'] as const;

const site = useSite();
let tmp: string;

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-vm-e2e-'));
});
afterAll(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

const counts = async (page: Page) =>
	Object.fromEntries(
		await Promise.all(QUADRANTS.map(async (q) => [q, Number(((await page.getByTestId(`quadrant-count-${q}`).textContent()) ?? '').match(/^[\d,]+/)?.[0]?.replace(/,/g, ''))]))
	) as Record<string, number>;

async function cliCounts(args: string[]): Promise<Record<string, number>> {
	const out = path.join(tmp, `vm-${Math.random().toString(36).slice(2)}.csv`);
	await valueMatrixCommand(['--input', FILE, '--customer', '客户编号', '--date', '下单日期', '--amount', '实付金额', '--order', '订单号', '--cost', '成本金额', ...args, '--out', out]);
	const rows = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
	return Object.fromEntries(QUADRANTS.map((q) => [q, rows.filter((r) => r[3] === q).length]));
}

describe('value matrix by margin and a numeric column (Chromium)', () => {
	it.each(['zh-CN', 'en'] as const)('maps the cost column, offers margin and any column, and matches the CLI (%s)', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, height: 1500 });
		await page.getByTestId('file-input').setInputFiles(FILE);
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		// The cost role is guessed by its header, as an optional role; the amount stays 实付金额.
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('role-cost').inputValue()).toBe('成本金额');
		expect(await page.getByTestId('role-amount').inputValue()).toBe('实付金额');
		const costLabel = (await page.getByTestId('role-cost').locator('xpath=..').textContent()) ?? '';
		expect(costLabel).toContain(lang === 'en' ? 'optional' : '可选');
		await page.getByTestId('mapping').screenshot({ path: path.join(SHOTS, `value-margin-mapping-${lang}.png`) });

		await page.getByTestId('tab-value').click();
		await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('vm-cost-note').textContent()).toContain(lang === 'en' ? 'Margin = amount − cost' : '毛利 = 金额 − 成本');
		expect(await page.locator('[data-testid="vm-current"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['revenue', 'margin', 'rfm']);
		const potentials = await page.locator('[data-testid="vm-potential"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(potentials.slice(0, 2)).toEqual(['clv', 'alive-spend']);
		expect(potentials).toEqual(expect.arrayContaining(['clv.p_alive', 'clv.expected_purchases', 'clv.expected_avg_spend', 'clv.clv', 'rfm.recency_days', 'rfm.frequency', 'rfm.monetary']));

		// Margin since the first purchase (most CDNOW customers bought only in early 1997) against total spend.
		// The margin's window is the app's analysis window (the header), from its first day.
		await page.getByTestId('vm-current').selectOption('margin');
		await page.getByTestId('vm-potential').selectOption('rfm.monetary');
		await page.getByTestId('vm-apply').click();
		await page.getByTestId('vm-column-hint').waitFor();
		const from = await page.getByTestId('window-start').inputValue();
		const to = await page.getByTestId('window-as-of').inputValue();
		expect(from).toBe('1997-01-01');
		expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(await page.getByTestId('vm-window').textContent()).toContain(from);
		const expected = await cliCounts(['--current', 'margin', '--from', from, '--to', to, '--potential', 'rfm.monetary']);
		await expect.poll(() => counts(page)).toEqual(expected);
		expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(600);
		expect(await page.locator('[data-testid="chart-value-matrix"] svg circle').count()).toBe(600);
		const axis = (await page.getByTestId('chart-value-matrix').textContent()) ?? '';
		expect(axis).toContain(lang === 'en' ? 'Margin in a window' : '时间窗口内的毛利');
		expect(axis).toContain(lang === 'en' ? 'Monetary value' : '消费金额');
		// Margin and spend differ enough that every quadrant has customers.
		expect(Object.values(expected).every((n) => n > 0)).toBe(true);
		await page.getByTestId('value-matrix').screenshot({ path: path.join(SHOTS, `value-margin-${lang}.png`) });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps the note and no margin choice for data without a cost column', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-value').click();
		await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('vm-cost-note').textContent()).toBe('Margin is not offered: the mapped data have no cost column.');
		expect(await page.locator('[data-testid="vm-current"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['revenue', 'rfm']);
		expect(errors).toEqual([]);
		await context.close();
	});
});
