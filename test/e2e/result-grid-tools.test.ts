/**
 * The grid tools on result grids (issue 16): the RFM customer list, the RFM segment panel and the ABC
 * customer list filter and search like the data grid, each under its own key. Expected counts are
 * worked out here from the sample CSV (each customer's revenue: the sum of its amounts on dated rows
 * up to the default as-of date) and the CLI's segments — never read from the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/translate.ts';
import { openPage, SAMPLE, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();

/** Revenue per customer from the CSV: rows with an id and a date before the default as-of date (2026-01-01). */
function revenues(): Map<string, number> {
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	const out = new Map<string, number>();
	for (const r of rows) {
		const id = (r['客户编号'] ?? '').trim();
		const day = r['下单时间'] ?? '';
		if (id === '' || !/^\d{4}-\d{2}-\d{2}/.test(day) || day >= '2026-01-01') continue;
		out.set(id, (out.get(id) ?? 0) + Number(r['实付金额']));
	}
	return out;
}

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
		const revenue = revenues();
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
			await filterRange(abc, CATALOGUES['zh-CN']['abc.gcol.revenue']!, 1000, 3000);
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
