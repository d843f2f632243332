import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();
const CLASSES = ['--category', '商品类别', '--channel', '渠道', '--region', '城市'];

describe('persona view in Chromium (sample data, zh-CN and en)', () => {
	it('segments: one card per group, the rows and the lead sentence the CLI computes for the same file; English words; CSV export', async () => {
		const expected = cli(['persona', ...TX, ...CLASSES, '--by', 'segment', '--lang', 'zh']);
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-persona').click();
		await page.getByTestId('persona-cards').waitFor({ timeout: 60_000 });

		// The class columns are guessed from the sample's headers.
		expect(await page.getByTestId('persona-col-category').inputValue()).toBe('商品类别');
		expect(await page.getByTestId('persona-col-channel').inputValue()).toBe('渠道');
		expect(await page.getByTestId('persona-col-region').inputValue()).toBe('城市');
		expect(await page.getByTestId('persona-missing').textContent()).toContain('优惠使用（需映射优惠列）');

		const want = (await expected).rows;
		const groups = [...new Set(want.map((r) => r.group!))];
		await expect.poll(() => page.getByTestId('persona-card').count(), { timeout: 30_000 }).toBe(groups.length);
		await expect.poll(() => page.locator('[data-testid="persona-table"] tbody tr').count()).toBe(want.length);

		// 冠军客户's lead: its known value with the highest lift among those with lift > 1 and p_adjusted < 0.05.
		const lead = want
			.filter((r) => r.group === '冠军客户' && r.value !== '' && Number(r.lift) > 1 && Number(r.p_adjusted) < 0.05)
			.sort((a, b) => Number(b.lift) - Number(a.lift))[0]!;
		const card = page.locator('[data-testid="persona-card"]', { has: page.locator('h4', { hasText: '冠军客户' }) });
		const first = (await card.locator('[data-testid="persona-lines"] li').first().textContent())!;
		expect(first).toContain(`${lead.value}占 ${Math.round(Number(lead.share) * 100)}%，是全体的 ${Number(lead.lift).toFixed(1)} 倍`);
		// The "others" group (3 customers) is flagged as too small.
		expect(await page.getByTestId('persona-small').count()).toBeGreaterThan(0);
		await page.screenshot({ path: path.join(SHOTS, 'persona-zh-CN.png'), fullPage: false });

		// The export: the CLI's columns and rows (names in the page's language, as --lang zh writes them).
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('persona-export').click()]);
		const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
		const got = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
		expect(got.map((r) => [r.group, r.feature, r.value, r.customers, r.share, r.lift, r.test])).toEqual(
			want.map((r) => [r.group, r.feature, r.value, r.customers, r.share, r.lift, r.test])
		);

		// English: the same groups, English words.
		await page.getByTestId('lang').selectOption('en');
		await expect.poll(() => page.getByTestId('persona-table').textContent(), { timeout: 30_000 }).toContain('Purchase frequency');
		await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);
		expect(await page.locator('[data-testid="persona-lines"]').first().textContent()).toContain('× the base');
		await page.screenshot({ path: path.join(SHOTS, 'persona-en.png'), fullPage: false });
		expect(errors).toEqual([]);
	});
});
