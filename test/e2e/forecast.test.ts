import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();

describe('demand forecast view in Chromium (sample data, zh-CN and en)', () => {
	it('weekly orders: the backtest as the CLI computes it, chart, peak weeks with agents, holiday table (zh-CN)', async () => {
		const expected = cli(['forecast', ...TX, '--report', 'backtest']);
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-forecast').click();
		await page.getByTestId('forecast-backtest').waitFor({ timeout: 60_000 });
		const rows = (await expected).rows;
		const chosen = rows[0]!;
		const naive = rows[1]!;
		expect(naive.model).toBe('seasonal-naive');
		expect(await page.getByTestId('forecast-label').getAttribute('data-model')).toBe(chosen.model);
		const mase = async (id: string) => Number(await page.getByTestId(`forecast-mase-${id}`).getAttribute('data-value'));
		expect(await mase(chosen.model!)).toBeCloseTo(Number(chosen.mase), 4);
		expect(await mase('seasonal-naive')).toBeCloseTo(Number(naive.mase), 4);
		await page.getByTestId('forecast-chart').locator('svg').first().waitFor();
		expect(await page.getByTestId('forecast-peaks').textContent()).toContain('峰值周');
		expect(await page.getByTestId('forecast-peak-row').count()).toBe(6);
		expect(await page.getByTestId('forecast-holidays').textContent()).toContain('春节');
		await page.screenshot({ path: path.join(SHOTS, 'forecast-zh.png') });

		// Fewer contacts per agent → at least as many agents on the top peak week.
		const agents = Number(await page.getByTestId('forecast-agents').first().textContent());
		await page.getByTestId('forecast-per-agent').fill('5');
		await expect.poll(async () => Number(await page.getByTestId('forecast-agents').first().textContent())).toBeGreaterThanOrEqual(agents);
		expect(errors).toEqual([]);
		await page.context().close();
	}, 240_000);

	it('English texts; a monthly series says what it left out', async () => {
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-forecast').click();
		await page.getByTestId('forecast-backtest').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('forecast-peaks').textContent()).toContain('Peak weeks');
		expect(await page.getByTestId('forecast-backtest').textContent()).toContain('Backtest');
		await page.screenshot({ path: path.join(SHOTS, 'forecast-en.png'), fullPage: true });
		await page.getByTestId('forecast-freq').selectOption('month');
		await expect.poll(async () => (await page.getByTestId('forecast-peaks').textContent()) ?? '', { timeout: 60_000 }).toContain('Peak months');
		expect(errors).toEqual([]);
		await page.context().close();
	}, 240_000);
});
