import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { countBy, sampleFile } from './sample-data.ts';

/*
 * The pivot table on the sample, in both languages: cities down, channels across, the count of rows
 * and the sum of the amount; totals checked against counts made here from the CSV the page loads;
 * sorting by a header, the CSV export and the chart (grouped bars, then the heatmap).
 */

const site = useSite();
type Tx = Record<string, string>;
const rowsOf = (lang: string): Tx[] =>
	Papa.parse<Tx>(fs.readFileSync(sampleFile('transactions.csv', lang), 'utf8'), { header: true, skipEmptyLines: true }).data;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's critical and serious findings inside the pivot view. */
async function axeFindings(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	return page.evaluate(async () => {
		type Axe = { run: (c: Element, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> };
		const r = await (window as unknown as { axe: Axe }).axe.run(document.querySelector('[data-testid="pivot-view"]')!, { resultTypes: ['violations'] });
		return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id} ×${v.nodes.length}`);
	});
}
const CITY = '城市';
const CHANNEL = '渠道';
const AMOUNT = '实付金额';

const cell = (page: Page, row: string, col: string) => page.locator(`[data-testid="pivot-row"]${row} td[data-col="${col}"]`).first();
const value = async (page: Page, row: string, col: string) => Number(await cell(page, row, col).getAttribute('data-value'));

describe.each([['zh-CN'], ['en']])('pivot table (%s)', (lang) => {
	it('cities × channels: counts and sums match the CSV; sorted by a header; exported; drawn as bars and as a heatmap', async () => {
		const all = rowsOf(lang);
		const byCity = countBy(all, (r) => r[CITY]!.trim());
		const byCityChannel = countBy(all, (r) => `${r[CITY]!.trim()}|${r[CHANNEL]!.trim()}`);
		const channels = [...new Set(all.map((r) => r[CHANNEL]!.trim()))].sort();
		const total = all.reduce((a, r) => a + Number(r[AMOUNT]), 0);
		const { page, errors } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await expect.poll(() => page.getByTestId('tab-pivot').getAttribute('aria-disabled'), { timeout: 120_000 }).toBeNull();
			await page.getByTestId('tab-pivot').click();
			await page.getByTestId('pivot-add-rows').locator(`option[value="${CITY}"]`).waitFor({ state: 'attached', timeout: 60_000 });
			await page.getByTestId('pivot-add-rows').selectOption(CITY);
			await page.getByTestId('pivot-add-columns').selectOption(CHANNEL);
			await page.getByTestId('pivot-add-value').click();
			await page.getByTestId('pivot-value-field').nth(1).selectOption(AMOUNT);
			await page.getByTestId('pivot-value-agg').nth(1).selectOption('sum');
			// Text fields offer only counts; the amount offers every aggregate.
			expect(await page.getByTestId('pivot-value-agg').nth(1).locator('option').count()).toBe(8);
			const view = page.getByTestId('pivot-view');
			await expect.poll(() => view.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
			await expect.poll(() => page.getByTestId('pivot-row').count(), { timeout: 60_000 }).toBe(Object.keys(byCity).length + 1);

			// The grand total: every row, the sum of every amount; one city's and one cell's count.
			const grand = '[data-depth="0"]';
			expect(await value(page, grand, 't_v0')).toBe(all.length);
			expect(await value(page, grand, 't_v1')).toBeCloseTo(total, 2);
			const [city] = Object.entries(byCity).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
			const cityRow = `:has(th:text-is("${city}"))`;
			expect(await value(page, cityRow, 't_v0')).toBe(byCity[city]);
			const ci = channels.indexOf(channels[0]!);
			expect(await value(page, cityRow, `c${ci}_v0`)).toBe(byCityChannel[`${city}|${channels[0]}`]);
			const heads = await page.locator('thead th.group').allTextContents();
			expect(heads.map((h) => h.trim())).toEqual([...channels, lang === 'en' ? 'Total' : '合计']);

			// Sort by the total count, largest first: the busiest city on top, the grand total still last.
			await page.locator('[data-testid="pivot-sort"][data-sort-id="t_v0"]').click();
			await expect.poll(() => page.locator('[data-testid="pivot-row"]').first().locator('th').textContent(), { timeout: 30_000 }).toBe(city);
			expect(await page.locator('[data-testid="pivot-row"]').last().getAttribute('data-depth')).toBe('0');

			// The CSV: one row per city and the grand total, the counts as numbers.
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pivot-export').click()]);
			const csv = Papa.parse<string[]>(fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
			expect(csv[0]![0]).toBe(CITY);
			expect(csv[0]).toContain(`${lang === 'en' ? 'Total' : '合计'} · ${lang === 'en' ? 'Count of rows' : '行数'}`);
			expect(csv[1]![0]).toBe(city);
			const last = csv.at(-1)!;
			expect([last[0], Number(last[csv[0]!.indexOf(`${lang === 'en' ? 'Total' : '合计'} · ${lang === 'en' ? 'Count of rows' : '行数'}`)])]).toEqual([lang === 'en' ? 'Grand total' : '总计', all.length]);

			// The chart: one bar per city and channel, then the heatmap's cells.
			const chart = page.getByTestId('pivot-chart');
			await expect.poll(() => chart.locator('svg [aria-label="bar"] rect').count(), { timeout: 30_000 }).toBe(Object.keys(byCityChannel).length);
			await page.screenshot({ path: path.join(SHOTS, `pivot-${lang}.png`) });
			await page.getByTestId('pivot-chart-card').screenshot({ path: path.join(SHOTS, `pivot-chart-${lang}.png`) });
			await page.getByTestId('pivot-chart-heatmap').check();
			await expect.poll(() => chart.locator('svg [aria-label="cell"] rect').count(), { timeout: 30_000 }).toBe(Object.keys(byCityChannel).length);

			// Two row fields: each city's subtotal above its channels, indented; the chart's bars again.
			await page.getByTestId('pivot-columns-chip').locator('button').click();
			await page.getByTestId('pivot-add-rows').selectOption(CHANNEL);
			await expect.poll(() => page.locator('[data-testid="pivot-row"][data-depth="2"]').count(), { timeout: 30_000 }).toBe(Object.keys(byCityChannel).length);
			// A new field clears the sort: sorted again by the total, largest first, within each city.
			await page.locator('[data-testid="pivot-sort"][data-sort-id="t_v0"]').click();
			const sub = page.locator('[data-testid="pivot-row"][data-depth="1"]').first();
			await expect.poll(() => sub.locator('th').textContent(), { timeout: 30_000 }).toBe(city);
			expect(await sub.locator('th').textContent()).toBe(city);
			expect(Number(await sub.locator('td[data-col="t_v0"]').getAttribute('data-value'))).toBe(byCity[city]);
			const leaf = page.locator('[data-testid="pivot-row"]').nth(1);
			expect(await leaf.getAttribute('data-depth')).toBe('2');
			// The channel and its count read together (the rows may redraw between two reads while the sort lands).
			const leafPair = () => leaf.evaluate((r) => [r.querySelector('th')?.textContent ?? '', Number(r.querySelector('td[data-col="t_v0"]')?.getAttribute('data-value'))] as const);
			await expect.poll(async () => { const [ch, n] = await leafPair(); return n === byCityChannel[`${city}|${ch}`]; }, { timeout: 30_000 }).toBe(true);
			await page.screenshot({ path: path.join(SHOTS, `pivot-subtotals-${lang}.png`) });
			await expect.poll(() => view.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
			expect(await axeFindings(page)).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await page.context().close();
		}
	});
});
