import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { segmentNames } from '../../src/cli/rfm.ts';
import { PRESETS } from '../../src/core/segments/presets.ts';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const R_CUSTOMERS = path.join(ROOT, 'test/fixtures/rfm_r/rfm_data_customer.csv');
const OFF_TABS = ['tab-migration', 'tab-value', 'tab-abc', 'tab-quality'];

const site = useSite();

const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000 });

/** Segment id → customers, as the summary table shows them (read in one go). */
async function counts(page: Page): Promise<Record<string, number>> {
	await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor();
	return page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('[data-testid^="count-"]')].map((c) => [
				c.getAttribute('data-testid')!.slice('count-'.length),
				Number(c.getAttribute('data-value'))
			])
		)
	);
}

/** The CLI's segment counts for the same file, mapping, method and rule set (ids, not names). */
function cliCounts(): Record<string, number> {
	const out = execFileSync(
		process.execPath,
		[
			'--import', 'tsx', 'src/cli/main.ts', 'rfm', '--customer-table', '--input', R_CUSTOMERS, '--customer', 'customer_id',
			'--orders', 'number_of_orders', '--recency', 'recency_days', '--revenue', 'revenue', '--method', 'r-rfm',
			'--segments', 'r10-tests'
		],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }
	);
	const idOf = Object.fromEntries(Object.entries(segmentNames(PRESETS['r10-tests'])).map(([id, name]) => [name, id]));
	const c: Record<string, number> = {};
	for (const line of out.trim().split(/\r?\n/).slice(1)) {
		const id = idOf[line.slice(line.lastIndexOf(',') + 1)] ?? 'unknown';
		c[id] = (c[id] ?? 0) + 1;
	}
	return c;
}

/** The RFM view of a customer table, its run finished (settings changed earlier would race it). */
async function ready(page: Page): Promise<void> {
	await page.getByTestId('ct-banner').waitFor({ timeout: 120_000 });
	await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
}

async function tabEnabled(page: Page, id: string): Promise<boolean> {
	return page.getByTestId(id).isEnabled();
}

describe('customer table (one row per customer) in the page', () => {
	it.each(['en', 'zh-CN'] as const)('R rfm_data_customer.csv (%s): mapped, r-rfm + r10-tests, same counts as the CLI', async (lang) => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, height: 1300 });
		await page.getByTestId('file-input').setInputFiles(R_CUSTOMERS);
		// Guessed from the headers and run at once; then mapped explicitly as a user would check it.
		await ready(page);
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('file-role-customers').isChecked()).toBe(true);
		expect(await page.getByTestId('ct-role-recency').inputValue()).toBe('recency_days');
		await page.getByTestId('ct-role-customer').selectOption('customer_id');
		await page.getByTestId('ct-role-orders').selectOption('number_of_orders');
		await page.getByTestId('ct-role-revenue').selectOption('revenue');
		await page.getByTestId('ct-role-lastDate').selectOption('most_recent_visit');
		expect(await page.getByTestId('ct-role-recency').inputValue()).toBe('');
		await page.getByTestId('ct-role-recency').selectOption('recency_days');
		expect(await page.getByTestId('ct-role-lastDate').inputValue()).toBe('');
		await page.getByTestId('apply-mapping').click();
		// The new check replaces the last one's result; RFM then starts again from the new mapping.
		await page.getByTestId('mapping-ok').waitFor({ state: 'attached' });
		await page.getByTestId('tab-import').click();
		await page.getByTestId('file-role').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `customer-table-import-${lang}.png`), fullPage: false });

		await page.getByTestId('tab-rfm').click();
		await ready(page);
		// The settings are folded after a load (results first): open them.
		await page.locator('[data-testid="rfm-settings"] > summary').click();
		expect(await page.getByTestId('method-r').inputValue()).toBe('ntile');
		for (const id of OFF_TABS) expect(await tabEnabled(page, id)).toBe(false);
		expect(await page.getByTestId('ct-base-off').isVisible()).toBe(true);
		expect(await page.getByTestId('frequency').isVisible()).toBe(false);

		await page.getByTestId('preset').selectOption('r10-tests');
		for (const d of ['r', 'f', 'm']) await page.getByTestId(`method-${d}`).selectOption('r-rfm');
		const expected = cliCounts();
		expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(39_999);
		await eventually(() => counts(page)).toEqual(expected);
		expect(await page.getByTestId('method-m').inputValue()).toBe('r-rfm');
		expect(await page.getByTestId('preset').inputValue()).toBe('r10-tests');
		await page.screenshot({ path: path.join(SHOTS, `customer-table-rfm-${lang}.png`), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('reports unreadable values and duplicate ids; Shopify 11 shows Prospects; a transactions file restores the full app', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', height: 1300 });
		const bad = '客户编号,最近消费日期,订单数,累计消费金额\nC1,2024-05-01,3,300\nC2,2024-02-30,2,80\nC1,2024-06-01,1,10\n';
		await page.getByTestId('file-input').setInputFiles({ name: '客户表.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
		await page.getByTestId('mapping-errors').waitFor({ timeout: 120_000 });
		const text = await page.getByTestId('mapping-errors').innerText();
		expect(text).toContain('客户表.csv');
		expect(text).toMatch(/最近消费日期[^\n]*第 2 行[^\n]*2024-02-30/);
		expect(text).toMatch(/客户编号[^\n]*第 1 行[^\n]*C1/);
		await page.getByTestId('mapping-errors').screenshot({ path: path.join(SHOTS, 'customer-table-errors-zh-CN.png') });

		const good = '会员号,最近消费日期,订单数,消费总额\nC1,2024-05-01,3,300\nC2,,0,0\nC3,2024-01-10,1,20\nC4,2024-06-30,8,900\nC5,2024-06-02,5,420\n';
		await page.getByTestId('file-input').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
		await ready(page);
		expect(await page.getByTestId('as-of').inputValue()).toBe('2024-07-01');
		// The settings are folded after a load (results first): open them.
		if (!(await page.locator('[data-testid="rfm-settings"]').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('[data-testid="rfm-settings"] > summary').click();
		await page.getByTestId('preset').selectOption('shopify11');
		await eventually(async () => (await counts(page)).shp_prospects).toBe(1);
		await page.getByTestId('segment-summary').screenshot({ path: path.join(SHOTS, 'customer-table-shopify11-zh-CN.png') });

		// Back to transactions: every tab and setting returns.
		await page.getByTestId('tab-import').click();
		await page.getByTestId('load-sample').click();
		await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
		await page.getByTestId('segment-summary').waitFor();
		expect(await page.getByTestId('ct-banner').count()).toBe(0);
		if (!(await page.locator('[data-testid="rfm-settings"]').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('[data-testid="rfm-settings"] > summary').click();
		expect(await page.getByTestId('frequency').isVisible()).toBe(true);
		for (const id of OFF_TABS) expect(await tabEnabled(page, id)).toBe(true);
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('file-role-transactions').isChecked()).toBe(true);
		expect(await page.getByTestId('role-customer').isVisible()).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});
});
