import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, SAMPLE, SHOTS, useSite } from './harness.ts';

const site = useSite();

/**
 * The sample's first 2,000 lines with three ragged rows: line 5 short (one field missing), line 17
 * with an extra value, line 230 short; a quoted line break on line 3 pushes every later line down.
 */
function raggedFile(): { name: string; mimeType: string; buffer: Buffer } {
	const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 2000);
	const cut = (l: string) => l.split(',').slice(0, 8).join(',');
	const out: string[] = [];
	lines.forEach((l, i) => {
		if (i === 2) out.push(l.replace(/,App,/, ',"App\n(小程序)",'));
		else if (i === 3) out.push(cut(l));
		else if (i === 15) out.push(l + ',多余');
		else if (i === 228) out.push(cut(l));
		else out.push(l);
	});
	return { name: '门店订单-错行.csv', mimeType: 'text/csv', buffer: Buffer.from(out.join('\n') + '\n', 'utf8') };
}
const DATA_ROWS = 1999; // 2,000 lines: header + 1,999 records (one spans two lines)

describe('ragged rows in the page', () => {
	it.each(['zh-CN', 'en'] as const)('(%s) the load pauses on a panel listing the lines; Skip loads the rest', async (lang) => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, height: 900 });
		await page.getByTestId('file-input').setInputFiles(raggedFile());
		const prompt = page.getByTestId('ragged-prompt');
		await prompt.waitFor({ timeout: 120_000 });
		const lines = await page.getByTestId('ragged-lines').locator('li').allInnerTexts();
		expect(lines).toEqual(
			lang === 'en'
				? ['Line 5 · 8 fields instead of 9', 'Line 17 · 10 fields instead of 9', 'Line 230 · 8 fields instead of 9']
				: ['第 5 行 · 8 个字段（应为 9 个）', '第 17 行 · 10 个字段（应为 9 个）', '第 230 行 · 8 个字段（应为 9 个）']
		);
		expect(await prompt.innerText()).toContain(lang === 'en' ? 'differs from the header (9): 3' : '有 3 行的字段数与表头（9 个字段）不一致');
		expect(await page.getByTestId('loaded-info').count()).toBe(0);
		await prompt.scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `ragged-prompt-${lang}.png`), fullPage: false });

		await page.getByTestId('ragged-skip').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-import').click();
		const info = await page.getByTestId('loaded-info').innerText();
		expect(info).toContain('门店订单-错行.csv');
		expect(info.replace(/,/g, '')).toContain(String(DATA_ROWS - 3));
		const skipped = await page.getByTestId('ragged-skipped').innerText();
		expect(skipped).toContain('5 (8), 17 (10), 230 (8)');
		await page.getByTestId('ragged-skipped').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `ragged-skipped-${lang}.png`), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('Stop keeps the data loaded before and says which lines to fix', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-import').click();
		const before = await page.getByTestId('loaded-info').innerText();
		expect(before).toContain('示例-transactions.csv');

		await page.getByTestId('file-input').setInputFiles(raggedFile());
		await page.getByTestId('ragged-prompt').waitFor({ timeout: 120_000 });
		await page.getByTestId('ragged-stop').click();
		const error = page.getByTestId('import-error');
		await error.waitFor({ timeout: 60_000 });
		expect(await error.innerText()).toMatch(/文件 门店订单-错行\.csv：有 3 行的字段数与表头的 9 个不一致。行号（实际字段数）：5 \(8\), 17 \(10\), 230 \(8\)。/);
		expect(await page.getByTestId('ragged-prompt').count()).toBe(0);
		expect(await page.getByTestId('loaded-info').innerText()).toBe(before);
		await page.getByTestId('tab-rfm').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		await page.getByTestId('tab-import').click();
		await error.scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'ragged-stopped-zh-CN.png'), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});
});
