/**
 * The data grid on a small UCI-Online-Retail-shaped file, in both languages: the cancelled invoices
 * ('C536367', a number column otherwise) are shown as written, not as empty cells; ids show without
 * thousands separators; the quick search finds a customer id (a number column) on the rows a count
 * of the CSV here finds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';

const site = useSite();
const CUSTOMERS = ['17850', '13047', '12583', '17511'];
const LINES = Array.from({ length: 200 }, (_, i) => ({
	InvoiceNo: (i % 50 === 7 ? 'C' : '') + String(536365 + Math.floor(i / 3)),
	StockCode: `8512${i % 4}A`,
	Description: i % 3 ? 'WHITE HANGING HEART T-LIGHT HOLDER' : 'RED WOOLLY HOTTIE',
	Quantity: String(i % 50 === 7 ? -1 : (i % 7) + 1),
	InvoiceDate: `2010-12-${String(1 + (i % 28)).padStart(2, '0')} 08:26:00`,
	UnitPrice: (1.25 * ((i % 5) + 1)).toFixed(2),
	CustomerID: CUSTOMERS[i % CUSTOMERS.length]!,
	Country: i % 2 ? 'United Kingdom' : 'France'
}));
const HEADER = Object.keys(LINES[0]!) as (keyof (typeof LINES)[number])[];

const count = async (page: Page) => Number(await page.getByTestId('raw-grid-count').getAttribute('data-shown'));
/** The cells of a column on screen, as shown. */
async function cells(page: Page, column: string): Promise<string[]> {
	const heads = await page.locator('[data-testid="raw-grid"] [role="columnheader"]').allTextContents();
	const j = heads.findIndex((h) => h.includes(column));
	return page.locator(`[data-testid="raw-grid"] [role="row"] > [role="gridcell"]:nth-child(${j + 1})`).allTextContents();
}

describe('a number column with cancelled invoices, and ids, in the data grid', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-text-e2e-'));
	const csv = path.join(dir, 'online-retail.csv');
	fs.writeFileSync(csv, [HEADER.join(','), ...LINES.map((l) => HEADER.map((h) => l[h]).join(','))].join('\n') + '\n');

	it.each(['en', 'zh-CN'] as const)('shows C536367 as written, ids unseparated, and finds 17850 (%s)', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		await page.getByTestId('file-input').setInputFiles(csv);
		await expect.poll(() => page.getByTestId('tab-data').isEnabled(), { timeout: 120_000 }).toBe(true);
		await page.getByTestId('tab-data').click();
		await page.locator('[data-testid="raw-grid"] [role="gridcell"]').first().waitFor({ timeout: 60_000 });
		await expect.poll(() => count(page), { timeout: 30_000 }).toBe(LINES.length);
		// The first screen holds line 8 (i = 7): the cancelled invoice, as in the file.
		await expect.poll(() => cells(page, 'InvoiceNo'), { timeout: 30_000 }).toContain('C536367');
		const invoices = await cells(page, 'InvoiceNo');
		expect(invoices.slice(0, 10)).toEqual(LINES.slice(0, 10).map((l) => l.InvoiceNo));
		expect((await cells(page, 'CustomerID')).slice(0, 4)).toEqual(CUSTOMERS);

		const search = page.getByTestId('grid-search');
		await search.fill('17850');
		const expected = LINES.filter((l) => Object.values(l).some((v) => v.includes('17850'))).length;
		expect(expected).toBeGreaterThan(0);
		await expect.poll(() => count(page), { timeout: 30_000 }).toBe(expected);
		expect(new Set((await cells(page, 'CustomerID')).filter((c) => c !== ''))).toEqual(new Set(['17850']));
		await page.getByTestId('raw-grid').screenshot({ path: path.join(SHOTS, `grid-text-${lang}.png`) });
		await search.fill('c5363');
		const cancelled = LINES.filter((l) => l.InvoiceNo.toLowerCase().includes('c5363')).length;
		await expect.poll(() => count(page), { timeout: 30_000 }).toBe(cancelled);
		expect(errors).toEqual([]);
		await context.close();
	});
});
