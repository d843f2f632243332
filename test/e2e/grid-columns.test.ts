import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';

/*
 * A 50-column file in the data grid (issue 16: "scrolling stays smooth with 50 columns"): only the
 * columns in view are drawn, yet the keyboard reaches every column (End scrolls the last one in), a
 * Shift range over columns not drawn is copied whole (read from the data, not the page), and assistive
 * technology still knows each cell's place (aria-colcount, aria-colindex). The expected cells are the
 * file's own, written here.
 */

const site = useSite();
const ROWS = 40;
const RETAIL = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const EXTRA = Array.from({ length: 42 }, (_, i) => `x${i + 9}`);
const HEADER = [...RETAIL, ...EXTRA];
/** Row i's extra cells name their place: r<row>c<column> (1-based column as in the file). */
const extra = (i: number, col: number) => `r${i}c${col}`;
const LINES = Array.from({ length: ROWS }, (_, i) => [
	String(536365 + i),
	'85123A',
	'WHITE MUG',
	String(1 + (i % 5)),
	`2010-12-${String(1 + (i % 28)).padStart(2, '0')} 08:26:00`,
	'2.55',
	String(17850 + (i % 7)),
	'France',
	...EXTRA.map((_, k) => extra(i, k + 9))
]);

describe('a 50-column file in the data grid', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-columns-e2e-'));
	const csv = path.join(dir, 'wide-50.csv');
	fs.writeFileSync(csv, [HEADER.join(','), ...LINES.map((l) => l.join(','))].join('\n') + '\n');

	it('draws the columns in view; End, Home and a Shift range reach and copy columns not drawn; aria says where each cell is', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 900 });
		try {
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
			await page.getByTestId('file-input').setInputFiles(csv);
			await expect.poll(() => page.getByTestId('tab-data').isEnabled(), { timeout: 120_000 }).toBe(true);
			await page.getByTestId('tab-data').click();
			const grid = page.locator('[data-testid="raw-grid"] [role="grid"]');
			const row1 = grid.locator('[role="row"][aria-rowindex="2"]');
			await expect.poll(() => row1.locator('[role="gridcell"]').first().textContent(), { timeout: 60_000 }).toBe(LINES[0]![0]);

			// Fewer columns drawn than the file has; the grid still counts them all (+1: the row numbers).
			expect(await grid.getAttribute('aria-colcount')).toBe(String(HEADER.length + 1));
			const drawn = await row1.locator('[role="gridcell"]').count();
			expect(drawn).toBeGreaterThan(5);
			expect(drawn).toBeLessThan(25);
			const heads = await grid.locator('[role="columnheader"]').allTextContents();
			expect(heads.length).toBe(drawn + 1);
			expect(await row1.locator('[role="gridcell"]').nth(1).getAttribute('aria-colindex')).toBe('3');
			expect(await row1.locator('[aria-colindex="51"]').count()).toBe(0);

			// End: the last column is scrolled in and drawn, in view, selected; its cell is the file's.
			await row1.locator('[role="gridcell"]').first().click();
			await page.keyboard.press('End');
			const last = row1.locator('[aria-colindex="51"]');
			await expect.poll(() => last.count(), { timeout: 10_000 }).toBe(1);
			expect(await last.textContent()).toBe(extra(0, 50));
			expect(await last.getAttribute('class')).toContain('sel');
			const box = (await grid.boundingBox())!;
			const cell = (await last.boundingBox())!;
			expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width + 1);
			expect(cell.x).toBeGreaterThanOrEqual(box.x);
			expect(await grid.locator('[role="columnheader"][aria-colindex="51"]').textContent()).toContain('x50');
			// The first column stays (frozen), the ones at the start are no longer drawn.
			expect(await row1.locator('[aria-colindex="2"]').textContent()).toBe(LINES[0]![0]);
			expect(await row1.locator('[aria-colindex="4"]').count()).toBe(0);
			await page.screenshot({ path: path.join(SHOTS, 'grid-columns-end-en.png') });

			// ArrowLeft moves through drawn columns; Home goes back to the start.
			for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
			expect(await row1.locator('[aria-colindex="48"]').getAttribute('class')).toContain('sel');
			await page.keyboard.press('Home');
			await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBe(0);
			await expect.poll(() => row1.locator('[aria-colindex="4"]').textContent()).toBe('WHITE MUG');

			// A range from x09 down one row and out to the last column (not drawn when it starts): copied whole.
			await row1.locator('[aria-colindex="10"]').click();
			for (const k of ['Shift+ArrowDown', 'Shift+End']) await page.keyboard.press(k);
			await page.keyboard.press('Control+c');
			const tsv = [0, 1].map((i) => EXTRA.map((_, k) => extra(i, k + 9)).join('\t')).join('\r\n');
			await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 20_000 }).toBe(tsv);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 180_000);
});
