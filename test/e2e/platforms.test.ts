import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const TAOBAO = path.join(ROOT, 'test/fixtures/platforms/taobao.csv');

const site = useSite();

describe('a Taobao order report (GBK) in the page', () => {
	it.each(['zh-CN', 'en'] as const)('%s: the preset and status role are recognised, exclusions shown, RFM revenue is the paid revenue', async (lang) => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		await page.getByTestId('file-input').setInputFiles(TAOBAO);
		// Mapped from the header without a click; the analysis runs on the paid orders only:
		// 95 + (50 − 20) + 118 + 300 + 66 + 150 = 759 from 5 customers (all 11 rows: 1189).
		await page.getByTestId('rfm-totals').waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('rfm-totals').innerText()).toContain(lang === 'en' ? '5 customers, 759.00 revenue' : '5 位客户，销售额 759.00');
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('preset-name').innerText()).toContain(lang === 'en' ? 'Taobao / Tmall' : '淘宝/天猫');
		expect(await page.getByTestId('role-status').inputValue()).toBe('订单状态');
		const values = await page.getByTestId('status-values').innerText();
		expect(values).toContain('交易关闭');
		expect(values).toContain('付款确认中');
		// 交易关闭 3 rows (200 + 80 + 90) and 等待买家付款 1 row (0.00) are left out.
		expect(await page.getByTestId('excluded-total').innerText()).toMatch(/4.*370\.00/);
		expect(await page.getByTestId('prospects').innerText()).toMatch(/3/);
		expect(await page.getByTestId('paid-choice').innerText()).toContain('订单付款时间');
		await page.getByTestId('order-rules').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `platforms-taobao-${lang}.png`), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});
});
