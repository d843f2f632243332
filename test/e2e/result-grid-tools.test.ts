/**
 * The grid tools on result grids (issue 16): the RFM customer list, the RFM segment panel and the ABC
 * customer list filter and search like the data grid, each under its own key. Expected counts are
 * worked out here from the sample CSV (each customer's revenue: the sum of its amounts on dated rows
 * up to the default as-of date) and the CLI's segments — never read from the page.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/translate.ts';
import { openPage, SHOTS, useSite } from './harness.ts';
import { cli, sampleRevenues, TX } from './sample-data.ts';

const site = useSite();

const shown = async (grid: Locator, testid: string) => Number(await grid.getByTestId(`${testid}-count`).getAttribute('data-shown'));

async function filterRange(grid: Locator, column: string, min: number, max: number): Promise<void> {
	await grid.locator(`[data-testid="filter-btn"][data-column="${column}"]`).click();
	await grid.getByTestId('filter-tab-range').click();
	await grid.getByTestId('filter-min').fill(String(min));
	await grid.getByTestId('filter-max').fill(String(max));
	await grid.getByTestId('filter-apply').click();
}

async function waitForRows(page: Page, testid: string): Promise<Locator> {
	const grid = page.getByTestId(testid);
	await grid.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
	return grid;
}

describe('tools on result grids (zh-CN)', () => {
	it('the RFM list, a segment panel and the ABC list: range filter and quick search counts, each grid its own filters', async () => {
		const segments = cli(['rfm', ...TX]);
		const revenue = sampleRevenues();
		const inRange = [...revenue].filter(([, v]) => v >= 1000 && v <= 3000).map(([id]) => id);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });

			// The RFM customer list: 1000 ≤ monetary ≤ 3000, then a search for an id fragment (case-insensitive).
			const list = await waitForRows(page, 'customer-grid');
			expect(await shown(list, 'customer-grid')).toBe(revenue.size);
			await filterRange(list, 'monetary', 1000, 3000);
			await expect.poll(() => shown(list, 'customer-grid'), { timeout: 30_000 }).toBe(inRange.length);
			expect(await list.getByTestId('customer-grid-count').getAttribute('data-total')).toBe(String(revenue.size));
			await list.getByTestId('grid-search').fill('c0001');
			const searched = inRange.filter((id) => id.toLowerCase().includes('c0001'));
			expect(searched.length).toBeGreaterThan(0);
			await expect.poll(() => shown(list, 'customer-grid'), { timeout: 30_000 }).toBe(searched.length);

			// A segment's panel keeps its own filters: champions with monetary ≥ 5000 (the list's filters stay on the list).
			const champions = (await segments).rows.filter((r) => r.segment === 'Champions').map((r) => r.customer_id!);
			await page.getByTestId('segment-champions').click();
			const panel = await waitForRows(page, 'segment-grid');
			expect(await shown(panel, 'segment-grid')).toBe(champions.length);
			await filterRange(panel, 'monetary', 5000, 1e9);
			const rich = champions.filter((id) => (revenue.get(id) ?? 0) >= 5000);
			expect(rich.length).toBeGreaterThan(0);
			expect(rich.length).toBeLessThan(champions.length);
			await expect.poll(() => shown(panel, 'segment-grid'), { timeout: 30_000 }).toBe(rich.length);
			// Filtered, it can become a customer list (the panel has a customer column).
			await panel.getByTestId('list-name').fill('富冠军');
			await panel.getByTestId('list-save').click();
			await expect.poll(() => panel.locator('.save .note').textContent()).toContain(String(rich.length));
			await page.screenshot({ path: path.join(SHOTS, 'result-grid-tools-panel-zh-CN.png') });
			await page.getByTestId('panel-close').click();
			expect(await shown(list, 'customer-grid')).toBe(searched.length);

			// The ABC list: revenue 1000–3000, the same customers as the RFM list's range.
			await page.getByTestId('tab-abc').click();
			const abc = await waitForRows(page, 'abc-grid');
			expect(await shown(abc, 'abc-grid')).toBe(revenue.size);
			await filterRange(abc, 'revenue', 1000, 3000);
			await expect.poll(() => shown(abc, 'abc-grid'), { timeout: 30_000 }).toBe(inRange.length);
			await abc.getByTestId('grid-search').fill('C0002');
			await expect.poll(() => shown(abc, 'abc-grid'), { timeout: 30_000 }).toBe(inRange.filter((id) => id.includes('C0002')).length);
			await page.getByTestId('abc-grid').scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(SHOTS, 'result-grid-tools-abc-zh-CN.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 240_000);
});

/*
 * A result grid's columns are ids with translated headers (ui/format.ts gridHeader): a filter made in one
 * language still applies after switching — same rows, its chip in the new language.
 */
describe.each([
	['zh-CN', 'en'],
	['en', 'zh-CN']
] as const)('a result grid filter across a language switch (%s → %s)', (from, to) => {
	it('the ABC list keeps its revenue filter and row count; the chip and the header follow the language', async () => {
		const inRange = [...sampleRevenues()].filter(([, v]) => v >= 1000 && v <= 3000);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: from, width: 1440, height: 900 });
		const label = (lang: 'zh-CN' | 'en') => CATALOGUES[lang]['abc.gcol.revenue'];
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			await page.getByTestId('tab-abc').click();
			let abc = await waitForRows(page, 'abc-grid');
			await filterRange(abc, 'revenue', 1000, 3000);
			await expect.poll(() => shown(abc, 'abc-grid'), { timeout: 30_000 }).toBe(inRange.length);
			const chip = abc.getByTestId('grid-chip');
			expect(await chip.innerText()).toContain(label(from));

			await page.getByTestId('lang').selectOption(to);
			abc = await waitForRows(page, 'abc-grid');
			await expect.poll(() => shown(abc, 'abc-grid'), { timeout: 30_000 }).toBe(inRange.length);
			await expect.poll(() => chip.innerText()).toContain(label(to));
			expect(await chip.innerText()).not.toContain(label(from));
			expect(await abc.locator('[role="columnheader"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(label(to))]));
			await page.getByTestId('abc-grid').scrollIntoViewIfNeeded();
			await page.screenshot({ path: path.join(SHOTS, `result-grid-lang-${from}-to-${to}.png`) });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 240_000);
});

/*
 * Values a result grid shows translated (segment names) are kept by id in its filters: a value filter
 * set on 冠军客户 in Chinese keeps the same rows in English, its chip then naming "Champions".
 */
describe('a value filter on translated values across a language switch (zh-CN → en)', () => {
	it('the RFM list filtered to one segment keeps its rows; the chip shows the English name', async () => {
		const champions = (await cli(['rfm', ...TX])).rows.filter((r) => r.segment === 'Champions');
		expect(champions.length).toBeGreaterThan(0);
		const name = (lang: 'zh-CN' | 'en') => CATALOGUES[lang]['segment.champions'];
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			let list = await waitForRows(page, 'customer-grid');
			await list.locator('[data-testid="filter-btn"][data-column="segment"]').click();
			await list.getByTestId('filter-values').locator('label', { hasText: name('zh-CN') }).first().locator('input').check();
			await list.getByTestId('filter-apply').click();
			await expect.poll(() => shown(list, 'customer-grid'), { timeout: 30_000 }).toBe(champions.length);
			expect(await list.getByTestId('grid-chip').first().innerText()).toContain(name('zh-CN'));

			await page.getByTestId('lang').selectOption('en');
			list = await waitForRows(page, 'customer-grid');
			const chip = list.getByTestId('grid-chip').first();
			await expect.poll(() => chip.innerText(), { timeout: 30_000 }).toContain(name('en'));
			expect(await chip.innerText()).not.toContain(name('zh-CN'));
			await expect.poll(() => shown(list, 'customer-grid'), { timeout: 30_000 }).toBe(champions.length);
			// Every row shown is a champion, named in English.
			const heads = await list.locator('[role="columnheader"]').allInnerTexts();
			const j = heads.findIndex((h) => h.split('\n')[0]!.trim() === CATALOGUES.en['col.segment']);
			expect(j).toBeGreaterThan(0);
			const cells = await list.locator(`[role="rowgroup"] [role="row"] > [aria-colindex="${j + 1}"]`).allInnerTexts();
			expect(cells.length).toBeGreaterThan(0);
			expect(new Set(cells)).toEqual(new Set([name('en')]));
			await page.screenshot({ path: path.join(SHOTS, 'result-grid-values-zh-CN-to-en.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 240_000);
});
