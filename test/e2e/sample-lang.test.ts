import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, drawnCount } from './chart-dom.ts';
import { openPage, SHOTS, useSite } from './harness.ts';

/*
 * The sample in the page's language: the English UI loads the English twin (public/sample/en/), so
 * the touchpoints, stages, channels, categories and cities it shows are English; the numbers are the
 * Chinese sample's. Switching the language keeps the loaded sample and offers the other twin.
 */

const site = useSite();
const CJK = /[\u3400-\u9fff]/;

async function rfmTotals(page: Page): Promise<[number, number]> {
	const el = page.getByTestId('rfm-totals');
	return [Number(await el.getAttribute('data-customers')), Number(await el.getAttribute('data-revenue'))];
}

async function datasetsReady(page: Page): Promise<[string, string]> {
	await page.getByTestId('tab-datasets').click();
	const tp = page.getByTestId('dataset-touchpoints-ready');
	const sv = page.getByTestId('dataset-surveys-ready');
	await tp.waitFor({ timeout: 120_000 });
	await sv.waitFor({ timeout: 120_000 });
	return [(await tp.textContent()) ?? '', (await sv.textContent()) ?? ''];
}

describe('the sample in the page’s language', () => {
	it('English UI: the English twin’s values in the data and the journey; switching to Chinese offers the Chinese twin, same numbers', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const en = await rfmTotals(page);
			expect(Math.round(en[1])).toBe(12_643_575);
			await page.getByTestId('tab-import').click();
			expect(await page.getByTestId('loaded-info').textContent()).toContain('sample-transactions.csv');
			expect(await page.getByTestId('sample-other-lang').count()).toBe(0);

			// The raw rows: English categories, channels and cities (the first order is snacks and tea, in the app, in Shanghai).
			await page.getByTestId('tab-data').click();
			await expect.poll(() => page.locator('[data-testid="raw-grid"] [role="gridcell"]').allTextContents(), { timeout: 60_000 }).toEqual(
				expect.arrayContaining(['Snacks', 'Fresh tea drinks', 'App', 'Shanghai'])
			);
			expect((await page.locator('[data-testid="raw-grid"] [role="gridcell"]').allTextContents()).filter((t) => CJK.test(t))).toEqual([]);

			const [tp, sv] = await datasetsReady(page);
			expect([tp, sv].map((t) => t.includes('sample-'))).toEqual([true, true]);

			// The journey: English stages in journey order, English channels and touchpoints.
			await page.getByTestId('tab-journey').click();
			const curve = await drawnCount(page, 'chart-journey-curve', 'g[aria-label="dot"] circle', 3);
			expect(curve.ticks.x.map((t) => t.label)).toEqual(['Pre-purchase', 'Purchase', 'Post-purchase']);
			await page.getByTestId('chart-journey-channels').scrollIntoViewIfNeeded();
			const channels = await drawnCount(page, 'chart-journey-channels', 'g[aria-label="bar"] rect', 2);
			expect(channels.ticks.y.map((t) => t.label).sort()).toEqual(['Offline', 'Online']);
			const tableRows = await page.locator('[data-testid="channel-map"] tbody td:first-child').allTextContents();
			expect(tableRows.sort()).toEqual(['App', 'Email', 'Mini program', 'Service hotline', 'Social media', 'Store', 'Website']);
			const lanes = await drawn(page, 'chart-journey-lanes', 'g[aria-label="text"] text');
			expect(lanes.ticks.y.map((t) => t.label).filter((l) => CJK.test(l))).toEqual([]);
			const steps = await page.locator('[data-testid="funnel-step-1"] option').allTextContents();
			expect(steps).toEqual(expect.arrayContaining(['Social media', 'Store']));
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: path.join(SHOTS, 'sample-lang-journey-en.png') });

			// Chinese UI: the loaded English sample stays; the import view says so and loads the Chinese twin.
			await page.getByTestId('lang').selectOption('zh-CN');
			await page.getByTestId('tab-import').click();
			const note = page.getByTestId('sample-other-lang');
			await note.waitFor();
			expect(await note.textContent()).toContain('英文');
			await page.screenshot({ path: path.join(SHOTS, 'sample-lang-note-zh-CN.png') });
			await page.getByTestId('sample-reload').click();
			await expect.poll(() => page.getByTestId('loaded-info').textContent(), { timeout: 120_000 }).toContain('示例-transactions.csv');
			expect(await note.count()).toBe(0);
			await page.getByTestId('tab-rfm').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			await expect.poll(() => rfmTotals(page), { timeout: 120_000 }).toEqual(en);
			// The sample's touchpoints and surveys follow the reloaded twin.
			await expect.poll(async () => (await datasetsReady(page)).map((t) => t.includes('示例-')), { timeout: 120_000 }).toEqual([true, true]);
			await page.getByTestId('tab-journey').click();
			const zhStages = async () => (await drawnCount(page, 'chart-journey-curve', 'g[aria-label="dot"] circle', 3)).ticks.x.map((t) => t.label);
			await expect.poll(zhStages, { timeout: 60_000 }).toEqual(['接触前', '接触中', '接触后']);
			await page.screenshot({ path: path.join(SHOTS, 'sample-lang-journey-zh-CN.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 400_000);
});
