import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignRequests, openPage, ROOT, SHOTS, useSite } from './harness.ts';

const BOOK = path.join(ROOT, 'test/fixtures/xlsx/book.xlsx');
const CORRUPT = path.join(ROOT, 'test/fixtures/xlsx/corrupt.xlsx');

const site = useSite();

describe('Excel workbooks in the page', () => {
	it.each(['zh-CN', 'en'] as const)('book.xlsx (%s): the notes sheet is read first, the sheet picker reads 交易, segments follow', async (lang) => {
		const { page, errors, context, requests } = await openPage(site.browser, site.url, { lang, height: 1100 });
		await page.getByTestId('file-input').setInputFiles(BOOK);
		// The first sheet with data is a notes sheet: loaded, but it has no transactions to map.
		await page.getByTestId('sheet-picker').waitFor({ timeout: 120_000 });
		await page.getByTestId('loaded-info').waitFor();
		expect(await page.getByTestId('loaded-info').innerText()).toContain('book.xlsx [说明]');
		const options = await page.getByTestId('sheet-select').locator('option').allInnerTexts();
		expect(options).toEqual(lang === 'en' ? ['说明 · rows: 1', '交易 · rows: 71'] : ['说明 · 1 行', '交易 · 71 行']);
		expect(await page.getByTestId('sheet-select').inputValue()).toBe('说明');
		await page.screenshot({ path: path.join(SHOTS, `xlsx-notes-sheet-${lang}.png`), fullPage: false });

		await page.getByTestId('sheet-select').selectOption('交易');
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('sheet-select').inputValue()).toBe('交易');
		expect(await page.getByTestId('loaded-info').innerText()).toContain('book.xlsx [交易]');
		await page.getByTestId('mapping-ok').waitFor({ state: 'attached' });
		expect(await page.getByTestId('mapping-ok').innerText()).toMatch(/71/);
		expect(await page.getByTestId('encoding-override').count()).toBe(0);
		// Ids stay text: leading zeros and all 18 digits in the preview.
		const preview = await page.locator('.preview').innerText();
		expect(preview).toContain('00123');
		expect(preview).toContain('123456789012345678');
		expect(preview).toContain('2024-01-03 09:00:00');
		await page.getByTestId('sheet-picker').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `xlsx-import-${lang}.png`), fullPage: false });
		expect(foreignRequests(requests, site.url)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a truncated workbook and a legacy .xls are refused with translated messages naming the file', async () => {
		const { page, context } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await page.getByTestId('file-input').setInputFiles(CORRUPT);
		await page.getByTestId('import-error').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('import-error').innerText()).toMatch(/corrupt\.xlsx 不是可读取的 Excel 工作簿/);
		const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		await page.getByTestId('file-input').setInputFiles({ name: '旧订单.xls', mimeType: 'application/vnd.ms-excel', buffer: ole });
		await expect.poll(() => page.getByTestId('import-error').innerText(), { timeout: 60_000 }).toMatch(/旧订单\.xls 是旧版 Excel 97–2003 工作簿/);
		expect(await page.getByTestId('sheet-picker').count()).toBe(0);
		await page.screenshot({ path: path.join(SHOTS, 'xlsx-refused-zh-CN.png'), fullPage: false });
		await context.close();
	});
});
