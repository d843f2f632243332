import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { cli, sampleFile, TX } from './sample-data.ts';

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
		// The page loads the English twin of the sample in English: the CLI runs on the same file.
		const txEn = TX.map((a) => (a === TX[1] ? sampleFile('transactions.csv', 'en') : a));
		const byChannel = cli(['forecast', ...txEn, '--by', '渠道', '--freq', 'month', '--report', 'backtest']);
		// The sample's touchpoints load after its first RFM run and give the view a new model (events offered): wait for it.
		await page.locator('[data-testid="forecast-metric"] option[value="events"]').waitFor({ state: 'attached', timeout: 90_000 });
		await page.locator('[data-testid="forecast-view"][data-status="ready"]').waitFor({ timeout: 60_000 });
		await page.getByTestId('forecast-freq').selectOption('month');
		await expect.poll(async () => (await page.getByTestId('forecast-peaks').textContent()) ?? '', { timeout: 60_000 }).toContain('Peak months');

		// Groups: only the bases that exist (no grading yet: no tiers), and any transactions column.
		const offered = await page.getByTestId('forecast-group-by').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(offered).toEqual(expect.arrayContaining(['all', 'segment', 'stage', 'column']));
		expect(offered).not.toContain('tier');
		// By the 渠道 column: the CLI's groups (--by 渠道) and the first group's MASE.
		await page.getByTestId('forecast-group-by').selectOption('column');
		await page.getByTestId('forecast-group-column').selectOption('渠道');
		const want = (await byChannel).rows.filter((r) => r.model !== 'seasonal-naive');
		await expect.poll(() => page.getByTestId('forecast-group').locator('option').count(), { timeout: 60_000 }).toBe(want.length);
		await page.getByTestId('forecast-group').selectOption(want[0]!.group!);
		expect(Number(await page.getByTestId(`forecast-mase-${want[0]!.model}`).getAttribute('data-value'))).toBeCloseTo(Number(want[0]!.mase), 4);
		// By lifecycle stage: the stages' names.
		await page.getByTestId('forecast-group-by').selectOption('stage');
		await expect.poll(() => page.getByTestId('forecast-group').textContent(), { timeout: 60_000 }).toContain('Active');
		await page.screenshot({ path: path.join(SHOTS, 'forecast-groups-en.png'), fullPage: false });
		await page.getByTestId('lang').selectOption('zh-CN');
		await page.getByTestId('forecast-group').waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'forecast-groups-zh-CN.png'), fullPage: false });
		expect(errors).toEqual([]);
		await page.context().close();
	}, 240_000);
});
