/**
 * Issue 16 on a generated 1M-row file (scripts/bench/generate.ts, seeded): in the page, a value and a
 * range filter, a quick search (one with letters, through the search index, and one without), a column
 * profile and a two-field pivot, each checked against figures worked out here from the same CSV. The
 * times from the action to the answer on screen are printed (they include the polling and the render;
 * the bench and scripts/search-speed.ts measure the engine alone).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ensureRetailCsv } from '../../scripts/bench/generate.ts';
import { openPage, SHOTS, useSite } from './harness.ts';

const site = useSite();
type Row = Record<string, string>;

async function timed(label: string, f: () => Promise<unknown>): Promise<void> {
	const t0 = performance.now();
	await f();
	console.log(`1M rows, page: ${label} answered on screen in ${(performance.now() - t0).toFixed(0)} ms`);
}

describe('grid tools and pivot on 1M generated rows', () => {
	it('filter, search, profile and a two-field pivot give the figures counted from the CSV', async () => {
		const file = await ensureRetailCsv(path.join(os.tmpdir(), 'clientele-e2e-progress'), 1_000_000);
		const rows = Papa.parse<Row>(fs.readFileSync(file.path, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows.length).toBe(1_000_000);
		const filtered = rows.filter((r) => r.Country === 'Germany' && Number(r.Quantity) >= 2 && Number(r.Quantity) <= 10);
		// The quick search looks in every column, numbers and dates by their text as written.
		const has = (r: Row, t: string) => Object.values(r).some((v) => v.toLowerCase().includes(t.toLowerCase()));
		const hearts = filtered.filter((r) => has(r, 'Heart'));
		const commas = filtered.filter((r) => has(r, ', '));
		const prices = filtered.map((r) => Number(r.UnitPrice));
		const byCountryYear = new Map<string, number>();
		for (const r of rows) {
			const k = `${r.Country}|${r.InvoiceDate!.slice(0, 4)}`;
			byCountryYear.set(k, (byCountryYear.get(k) ?? 0) + 1);
		}
		expect(hearts.length).toBeGreaterThan(0);
		expect(commas.length).toBeGreaterThan(0);

		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		try {
			await page.getByTestId('file-input').setInputFiles(file.path);
			await page.getByTestId('mapping-ok').waitFor({ state: 'attached', timeout: 180_000 });
			await page.getByTestId('tab-data').click();
			const grid = page.getByTestId('raw-grid');
			const shown = async () => Number(await grid.getByTestId('raw-grid-count').getAttribute('data-shown'));
			await expect.poll(shown, { timeout: 180_000 }).toBe(1_000_000);

			// Country = Germany and 2 ≤ Quantity ≤ 10.
			await grid.locator('[data-testid="filter-btn"][data-column="Country"]').click();
			await grid.getByTestId('filter-values').locator('label', { hasText: 'Germany' }).first().locator('input').check();
			await timed('a value filter', async () => {
				await grid.getByTestId('filter-apply').click();
				await expect.poll(shown, { timeout: 60_000, interval: 20 }).toBe(rows.filter((r) => r.Country === 'Germany').length);
			});
			await grid.locator('[data-testid="filter-btn"][data-column="Quantity"]').click();
			await grid.getByTestId('filter-tab-range').click();
			await grid.getByTestId('filter-min').fill('2');
			await grid.getByTestId('filter-max').fill('10');
			await timed('a range filter on top', async () => {
				await grid.getByTestId('filter-apply').click();
				await expect.poll(shown, { timeout: 60_000, interval: 20 }).toBe(filtered.length);
			});

			// Quick search: the first one makes the index, the next ones use it; a caseless text too.
			const search = grid.getByTestId('grid-search');
			await timed('the first search (index made ahead once the grid opened, or now)', async () => {
				await search.fill('Heart');
				await expect.poll(shown, { timeout: 60_000, interval: 20 }).toBe(hearts.length);
			});
			await timed('a caseless search (no debounce once the index is made)', async () => {
				await search.fill(', ');
				await expect.poll(shown, { timeout: 60_000, interval: 20 }).toBe(commas.length);
			});
			await timed('a search again', async () => {
				await search.fill('heart');
				await expect.poll(shown, { timeout: 60_000, interval: 20 }).toBe(hearts.length);
			});
			await search.fill('');
			await expect.poll(shown, { timeout: 60_000 }).toBe(filtered.length);

			// UnitPrice's profile over the filtered rows.
			const stat = (k: string) => grid.getByTestId(`profile-${k}`).getAttribute('data-value').then(Number);
			await timed('a number profile', async () => {
				await grid.locator('[data-testid="profile-btn"][data-column="UnitPrice"]').click();
				await expect.poll(() => stat('max'), { timeout: 60_000, interval: 20 }).toBe(Math.max(...prices));
			});
			expect(await stat('min')).toBe(Math.min(...prices));
			expect(await stat('distinct')).toBe(new Set(prices).size);
			expect(await stat('mean')).toBeCloseTo(prices.reduce((a, b) => a + b, 0) / prices.length, 6);
			await page.screenshot({ path: path.join(SHOTS, 'million-grid-zh-CN.png') });

			// Pivot: countries down, years across, the count of rows.
			await page.getByTestId('tab-pivot').click();
			await page.getByTestId('pivot-add-rows').locator('option[value="Country"]').waitFor({ state: 'attached', timeout: 60_000 });
			await page.getByTestId('pivot-add-rows').selectOption('Country');
			await page.getByTestId('pivot-add-columns').selectOption('InvoiceDate');
			await page.getByTestId('pivot-grain').selectOption('year');
			const view = page.getByTestId('pivot-view');
			const countries = new Set(rows.map((r) => r.Country));
			const value = async (row: string, col: string) =>
				Number(await page.locator(`[data-testid="pivot-row"]${row} td[data-col="${col}"]`).first().getAttribute('data-value'));
			const uk = ':has(th:text-is("United Kingdom"))';
			await timed('a two-field pivot (country × year, after the grain is chosen)', async () => {
				await expect.poll(() => value(uk, 'c1_v0'), { timeout: 60_000, interval: 20 }).toBe(byCountryYear.get('United Kingdom|2011'));
			});
			expect(await view.getAttribute('data-status')).toBe('ready');
			const heads = (await page.locator('[data-testid="pivot-table"] thead th').allTextContents()).map((t) => t.trim());
			expect(heads.slice(-3)).toEqual(['2010', '2011', '合计']);
			expect(await page.getByTestId('pivot-row').count()).toBe(countries.size + 1);
			expect(await value('[data-depth="0"]', 't_v0')).toBe(1_000_000);
			for (const c of ['United Kingdom', 'Japan']) {
				const row = `:has(th:text-is("${c}"))`;
				expect([await value(row, 'c0_v0'), await value(row, 'c1_v0'), await value(row, 't_v0')], c).toEqual([
					byCountryYear.get(`${c}|2010`),
					byCountryYear.get(`${c}|2011`),
					rows.filter((r) => r.Country === c).length
				]);
			}
			await page.screenshot({ path: path.join(SHOTS, 'million-pivot-zh-CN.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 300_000);
});
