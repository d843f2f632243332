import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';


const site = useSite();

/** The RFM totals exactly (the text rounds large revenue to K/M/B in English: 20 rows may not show). */
const totals = async (page: Page) => {
	const t = page.getByTestId('rfm-totals');
	return `${await t.getAttribute('data-customers')}|${await t.getAttribute('data-revenue')}`;
};

/** Drops a file with the given bytes on the import drop zone, as a user dragging it from the desktop would. */
async function dropFile(page: Page, name: string, bytes: number[]): Promise<void> {
	await page.evaluate(
		({ name, bytes }) => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array(bytes)], name));
			const zone = document.querySelector('[data-testid="dropzone"]')!;
			zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
		},
		{ name, bytes }
	);
}

describe('data-quality view', () => {
	for (const lang of ['zh-CN', 'en'] as const) {
		it(`(${lang}) reports the sample, drops duplicates (RFM totals change), undoes it; an .xlsx gets the save-as-CSV message`, async () => {
			const { page, errors, context } = await openPage(site.browser, site.url, { lang, width: 1280, height: 900 });
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const before = await totals(page);

			// The report runs after the load; the import view shows its headline.
			await page.getByTestId('tab-import').click();
			await page.getByTestId('quality-headline').waitFor({ timeout: 60_000 });
			expect(await page.getByTestId('load-rate').textContent()).toMatch(/\d/);
			await page.screenshot({ path: path.join(SHOTS, `quality-import-${lang}.png`), fullPage: true });

			await page.getByTestId('tab-quality').click();
			await page.getByTestId('quality-summary').waitFor({ timeout: 60_000 });
			const count = Number((await page.getByTestId('finding-count-exactDuplicates').textContent())!.replace(/\D/g, ''));
			expect(count).toBe(20);
			await page.screenshot({ path: path.join(SHOTS, `quality-${lang}.png`), fullPage: true });

			// Drop exact duplicates: the analysis table is rebuilt and the RFM totals change.
			await page.getByTestId('policy-exactDuplicates-drop').click();
			await page.getByTestId('tab-rfm').click();
			await page.waitForFunction((b) => {
				const el = document.querySelector('[data-testid="rfm-totals"]');
				const t = el ? `${el.getAttribute('data-customers')}|${el.getAttribute('data-revenue')}` : undefined;
				return t !== undefined && t !== b;
			}, before, { timeout: 60_000 });
			await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
			const dropped = await totals(page);
			expect(dropped).not.toBe(before);

			// The fix is listed and can be undone: the totals come back.
			await page.getByTestId('tab-quality').click();
			expect(await page.getByTestId('quality-applied').textContent()).toContain(lang === 'en' ? 'Exact duplicate rows' : '完全重复的行');
			await page.screenshot({ path: path.join(SHOTS, `quality-applied-${lang}.png`), fullPage: true });
			await page.getByTestId('undo-exactDuplicates').click();
			await page.getByTestId('tab-rfm').click();
			await page.waitForFunction((b) => {
				const el = document.querySelector('[data-testid="rfm-totals"]');
				return !!el && `${el.getAttribute('data-customers')}|${el.getAttribute('data-revenue')}` === b;
			}, before, { timeout: 60_000 });
			expect(await totals(page)).toBe(before);

			// An Excel workbook dropped on the import view: a clear message, the data stays.
			await page.getByTestId('tab-import').click();
			await dropFile(page, 'orders.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0, 0, 0, 0]);
			const msg = page.getByTestId('import-error');
			await msg.waitFor({ timeout: 10_000 });
			expect(await msg.textContent()).toContain(lang === 'en' ? 'CSV UTF-8' : 'CSV UTF-8');
			expect(await msg.textContent()).toContain('orders.xlsx');
			await dropFile(page, 'orders.parquet', [0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0]);
			await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent?.includes('Parquet'));
			expect(await page.getByTestId('loaded-info').textContent()).toContain('transactions.csv');
			await page.screenshot({ path: path.join(SHOTS, `quality-xlsx-${lang}.png`), fullPage: true });
			expect(errors).toEqual([]);
			await context.close();
		}, 240_000);
	}

	it('a file whose encoding was detected without a byte-order mark offers the encoding choice and reloads with it', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'en', width: 1280, height: 900 });
		await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'test/fixtures/e2e/gbk-orders.csv'));
		await page.getByTestId('mapping-ok').waitFor({ state: 'attached', timeout: 120_000 });
		await page.getByTestId('tab-import').click();
		const select = page.getByTestId('encoding-select');
		await select.waitFor();
		expect(await select.inputValue()).toBe('');
		expect(await page.getByTestId('encoding-override').textContent()).toContain('GBK');
		await page.screenshot({ path: path.join(SHOTS, 'quality-encoding-en.png'), fullPage: true });
		await select.selectOption('windows-1252');
		await page.getByTestId('encoding-reload').click();
		await page.waitForFunction(() => document.querySelector('[data-testid="encoding-override"] option')?.textContent?.includes('Windows-1252'), null, { timeout: 60_000 });
		expect(await page.getByTestId('loaded-info').textContent()).toContain('gbk-orders.csv');
		expect(errors).toEqual([]);
		await context.close();
	}, 240_000);
});
