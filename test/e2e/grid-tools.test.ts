import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { sampleFile } from './sample-data.ts';

/*
 * The data grid's tools on the sample, in both languages: a value filter and a range filter (chips,
 * "n of N"), quick search, a column profile, a computed column sorted by. Expected figures are
 * counted here from the CSV the page loads (the twin of the language), not read from the page.
 */

const site = useSite();
type Tx = Record<string, string>;
const rowsOf = (lang: string): Tx[] =>
	Papa.parse<Tx>(fs.readFileSync(sampleFile('transactions.csv', lang), 'utf8'), { header: true, skipEmptyLines: true }).data;
/** The text columns of the typed view (numbers and the date column are not searched). */
const TEXT = ['订单号', '客户编号', '商品类别', '渠道', '城市'];
const AMOUNT = '实付金额';

async function count(page: Page): Promise<[number, number]> {
	const el = page.getByTestId('raw-grid-count');
	return [Number(await el.getAttribute('data-shown')), Number(await el.getAttribute('data-total'))];
}

async function filterValue(page: Page, column: string, value: string): Promise<void> {
	await page.locator(`[data-testid="filter-btn"][data-column="${column}"]`).click();
	const item = page.getByTestId('filter-values').locator('label', { hasText: value }).first();
	await item.locator('input').check();
	await page.getByTestId('filter-apply').click();
}

async function filterRange(page: Page, column: string, min: number, max: number): Promise<void> {
	await page.locator(`[data-testid="filter-btn"][data-column="${column}"]`).click();
	await page.getByTestId('filter-tab-range').click();
	await page.getByTestId('filter-min').fill(String(min));
	await page.getByTestId('filter-max').fill(String(max));
	await page.getByTestId('filter-apply').click();
}

describe.each([
	['zh-CN', '门店', '上海'],
	['en', 'Store', 'shanghai']
])('data grid tools (%s)', (lang, channel, city) => {
	it('Shift+arrows and Ctrl+C copy a range; value and range filters as chips with "n of N", quick search, a column profile, a computed column sorted by', async () => {
		const all = rowsOf(lang);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await expect.poll(() => page.getByTestId('tab-data').isEnabled(), { timeout: 120_000 }).toBe(true);
			await page.getByTestId('tab-data').click();
			await page.locator('[data-testid="raw-grid"] [role="gridcell"]').first().waitFor({ timeout: 60_000 });

			// Keyboard and clipboard: a click, Shift+arrows extend the range, Ctrl+C copies it as TSV.
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
			await page.locator('[data-testid="raw-grid"] [role="row"][aria-rowindex="2"] [role="gridcell"]').first().click();
			for (const k of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight']) await page.keyboard.press(k);
			expect(await page.locator('[data-testid="raw-grid"] [role="gridcell"].sel').count()).toBe(6);
			await page.keyboard.press('Control+c');
			await page.getByTestId('raw-grid-copy-note').waitFor();
			const tsv = all.slice(0, 3).map((r) => `${r['订单号']}\t${r['客户编号']}`).join('\r\n');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tsv);

			// Columns: hide the customer id (the keyboard and the copy skip it), widen the order id by keys and by a
			// drag; the first shown column stays beside the row numbers when the grid scrolls sideways.
			const grid = page.getByTestId('raw-grid');
			const heads = () => grid.locator('[role="columnheader"]').count();
			const shown = await heads();
			await page.getByTestId('raw-grid-columns').click();
			await page.locator('[data-testid="raw-grid-column-toggle"][data-column="客户编号"]').uncheck();
			await expect.poll(heads).toBe(shown - 1);
			expect(await page.getByTestId('raw-grid-columns').getAttribute('data-hidden')).toBe('1');
			await grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first().click();
			await page.keyboard.press('Shift+ArrowRight');
			await page.keyboard.press('Control+c');
			// The copy is asynchronous (the rows are fetched): wait for the clipboard to hold this one (a tab, one line).
			const clip = () => page.evaluate(() => navigator.clipboard.readText());
			await expect.poll(async () => /^[^\r\n]*\t[^\r\n]*$/.test(await clip()), { timeout: 10_000 }).toBe(true);
			const copied = (await clip()).split('\t');
			expect(copied[0]).toBe(all[0]!['订单号']);
			expect(copied[1]).toContain(all[0]!['下单时间']!.slice(0, 10));
			const idHead = grid.locator('[role="columnheader"]').nth(1);
			const w0 = (await idHead.boundingBox())!.width;
			await page.locator('[data-testid="col-resize"][data-column="订单号"]').focus();
			for (const k of ['ArrowRight', 'ArrowRight']) await page.keyboard.press(k);
			await expect.poll(async () => (await idHead.boundingBox())!.width).toBe(w0 + 32);
			const handle = (await page.locator('[data-testid="col-resize"][data-column="订单号"]').boundingBox())!;
			await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
			await page.mouse.down();
			await page.mouse.move(handle.x + handle.width / 2 + 400, handle.y + handle.height / 2, { steps: 5 });
			await page.mouse.up();
			expect(Math.abs((await idHead.boundingBox())!.width - (w0 + 432))).toBeLessThanOrEqual(1);
			const scroller = grid.locator('[role="grid"]');
			const left = (await scroller.boundingBox())!.x;
			expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth + 200)).toBe(true);
			await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
			await expect.poll(async () => (await idHead.boundingBox())!.x - left).toBe(64);
			await page.screenshot({ path: path.join(SHOTS, `grid-columns-${lang}.png`) });
			await scroller.evaluate((el) => (el.scrollLeft = 0));
			await page.locator('[data-testid="col-resize"][data-column="订单号"]').focus();
			await page.keyboard.press('Delete');
			await expect.poll(async () => (await idHead.boundingBox())!.width).toBe(w0);
			await page.getByTestId('raw-grid-columns').click();
			await page.getByTestId('raw-grid-columns-all').click();
			await expect.poll(heads).toBe(shown);
			await page.keyboard.press('Escape');
			await expect.poll(() => page.getByTestId('raw-grid-columns-all').count()).toBe(0);

			// Filters: channel = a value, 100 ≤ amount ≤ 500.
			await filterValue(page, '渠道', channel);
			const byChannel = all.filter((r) => r['渠道'] === channel);
			await expect.poll(() => count(page), { timeout: 30_000 }).toEqual([byChannel.length, all.length]);
			await filterRange(page, AMOUNT, 100, 500);
			const filtered = byChannel.filter((r) => Number(r[AMOUNT]) >= 100 && Number(r[AMOUNT]) <= 500);
			await expect.poll(() => count(page), { timeout: 30_000 }).toEqual([filtered.length, all.length]);
			const chips = await page.getByTestId('grid-chip').allTextContents();
			expect(chips.map((c) => c.replace(/\s*×\s*$/, '').trim())).toEqual([`渠道${lang === 'en' ? ': ' : '：'}${channel}`, `${AMOUNT}${lang === 'en' ? ': ' : '：'}100 – 500`]);
			expect(await page.getByTestId('raw-grid-count').textContent()).toContain(lang === 'en' ? 'of' : '/');

			// Quick search (case-insensitive) across the text columns, on top of the filters.
			await page.getByTestId('grid-search').fill(city);
			const searched = filtered.filter((r) => TEXT.some((c) => (r[c] ?? '').toLowerCase().includes(city.toLowerCase())));
			expect(searched.length).toBeGreaterThan(0);
			await expect.poll(() => count(page), { timeout: 30_000 }).toEqual([searched.length, all.length]);

			// The amount's profile over the rows shown.
			await page.locator(`[data-testid="profile-btn"][data-column="${AMOUNT}"]`).click();
			const amounts = searched.map((r) => Number(r[AMOUNT]));
			const stat = (k: string) => page.getByTestId(`profile-${k}`).getAttribute('data-value').then(Number);
			await expect.poll(() => stat('min'), { timeout: 30_000 }).toBe(Math.min(...amounts));
			expect(await stat('max')).toBe(Math.max(...amounts));
			expect(await stat('distinct')).toBe(new Set(amounts).size);
			expect(await stat('mean')).toBeCloseTo(amounts.reduce((a, b) => a + b, 0) / amounts.length, 6);
			await page.getByTestId('profile-chart').locator('svg').first().waitFor({ timeout: 30_000 });
			await page.screenshot({ path: path.join(SHOTS, `grid-tools-${lang}.png`) });

			// A computed column: an unknown name is refused at its character; a good one is added and sorted by.
			await page.getByTestId('computed-add').click();
			await page.getByTestId('computed-name').fill('double');
			await page.getByTestId('computed-expr').fill(`[${AMOUNT}] * nope`);
			await page.getByTestId('computed-ok').click();
			expect(await page.getByTestId('computed-error').textContent()).toContain('nope');
			expect(await page.getByTestId('computed-error').textContent()).toContain(lang === 'en' ? 'Character 10' : '第 10 个字符');
			await page.getByTestId('computed-expr').fill(`round([${AMOUNT}] * 2, 0)`);
			await page.getByTestId('computed-ok').click();
			const head = page.locator('[data-testid="raw-grid"] [role="columnheader"]', { hasText: 'double' });
			await head.waitFor({ timeout: 30_000 });
			await head.locator('button.sort').click();
			await head.locator('button.sort').click();
			expect(await head.getAttribute('aria-sort')).toBe('descending');
			const index = (await page.locator('[data-testid="raw-grid"] [role="columnheader"]').allTextContents()).findIndex((t) => t.includes('double'));
			const firstRow = page.locator('[data-testid="raw-grid"] [role="row"][aria-rowindex="2"] > *');
			await expect.poll(() => firstRow.nth(index).textContent(), { timeout: 30_000 }).toBe(String(2 * Math.max(...amounts)));
			expect((await count(page))[0]).toBe(searched.length);
			await page.screenshot({ path: path.join(SHOTS, `grid-tools-computed-${lang}.png`) });

			// Removing the chips brings every row back.
			await page.getByTestId('grid-clear').click();
			await expect.poll(() => page.getByTestId('raw-grid-count').getAttribute('data-shown'), { timeout: 30_000 }).toBe(String(all.length));
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 240_000);
});
