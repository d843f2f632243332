import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';


const site = useSite();

async function openValue(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await page.getByTestId('tab-value').click();
	await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
}

const counts = async (page: Page) =>
	Object.fromEntries(
		await Promise.all(['core', 'potential', 'general', 'low'].map(async (q) => [q, Number(((await page.getByTestId(`quadrant-count-${q}`).textContent()) ?? '').match(/^[\d,]+/)?.[0]?.replace(/,/g, ''))]))
	) as Record<string, number>;

describe('value view in Chromium', () => {
	it.each(['zh-CN', 'en'] as const)('fits CLV in a worker, checks the model, draws the matrix and lists a quadrant (%s)', async (lang) => {
		expect.hasAssertions();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, height: 1600 });
		await openValue(page);
		await expect.poll(async () => (await page.getByTestId('clv-params').textContent()) ?? '').toMatch(/r = [\d.]+/);
		expect(await page.locator('[data-testid="chart-clv-frequency"] svg').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="chart-clv-tracking"] svg').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="chart-value-matrix"] svg circle').count()).toBeGreaterThan(100);
		const c = await counts(page);
		const total = Object.values(c).reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(100);
		expect(await page.evaluate(() => performance.getEntriesByName('clientele:value-matrix-done').length)).toBe(1);

		await page.screenshot({ path: path.join(SHOTS, `value-${lang}.png`), fullPage: true });

		// A quadrant lists exactly its customers; export carries the CLV columns with a BOM.
		await page.getByTestId('quadrant-core').click();
		await expect.poll(async () => (await page.getByTestId('value-grid-count').textContent()) ?? '').toMatch(new RegExp(c.core!.toLocaleString('en').replace(/,/g, ',?')));
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('vm-export').click()]);
		const text = fs.readFileSync((await download.path())!, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trimEnd().split(/\r?\n/);
		expect(lines).toHaveLength(c.core! + 1);
		expect(lines[0]).toBe(lang === 'en' ? 'Customer ID,Quadrant,Current value,Potential value,Revenue,CLV,P(alive),Expected purchases,Expected spend per purchase' : '客户编号,象限,当前价值,潜在价值,消费额,CLV,活跃概率,预期购买次数,预期每次消费金额');

		// Typed splits move customers between quadrants; all still counted.
		await page.getByTestId('vm-split').selectOption('values');
		await page.getByTestId('vm-split-current').fill('5000');
		await page.getByTestId('vm-split-potential').fill('2000');
		await page.getByTestId('vm-log').check();
		await page.getByTestId('vm-apply').click();
		await expect.poll(async () => (await page.getByTestId('vm-splits').textContent()) ?? '').toMatch(/5,000\.00/);
		const typed = await counts(page);
		expect(Object.values(typed).reduce((a, b) => a + b, 0)).toBe(total);
		expect(typed.core).not.toBe(c.core);
		await page.getByTestId('quadrant-core').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `value-typed-${lang}.png`), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('cancels a running fit and fits again', async () => {
		expect.hasAssertions();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		await openValue(page);
		await page.getByTestId('clv-unit').selectOption('day');
		await page.getByTestId('clv-fit').click();
		await page.getByTestId('clv-progress').waitFor();
		await page.getByTestId('clv-cancel').click();
		await page.getByTestId('clv-cancelled').waitFor();
		await page.getByTestId('clv-fit').click();
		await expect.poll(async () => (await page.getByTestId('clv-params').textContent()) ?? '', { timeout: 60_000 }).toMatch(/\(Days\)/);
		expect(errors).toEqual([]);
		await context.close();
	});
});
