import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { R_SEGMENT_NAMES } from '../../src/core/segments/rules.ts';
import { cli, sampleFile, TX } from './sample-data.ts';

const site = useSite();
const CLASSES = ['--category', '商品类别', '--channel', '渠道', '--region', '城市'];

/** NPS in points (rounded) of the answers of `group`'s customers and of the rest of the base, counted here from the files. */
function npsFromFiles(segments: Record<string, string>[], group: string): { group: number; rest: number } {
	const byName = Object.fromEntries(Object.entries(R_SEGMENT_NAMES).map(([id, name]) => [name, id]));
	const segmentOf = new Map(segments.map((r) => [r.customer_id!, byName[r.segment!] ?? r.segment!]));
	const answers = Papa.parse<Record<string, string>>(fs.readFileSync(sampleFile('surveys.csv'), 'utf8').replace(/^\uFEFF/, '').trim(), { header: true }).data;
	const tally = { group: [0, 0], rest: [0, 0] };
	for (const a of answers) {
		const seg = segmentOf.get((a['客户编号'] ?? '').trim());
		const v = (a.NPS ?? '').trim();
		if (seg === undefined || v === '') continue;
		const side = seg === group ? tally.group : tally.rest;
		side[0]! += Number(v) >= 9 ? 1 : Number(v) <= 6 ? -1 : 0;
		side[1]! += 1;
	}
	return { group: Math.round((100 * tally.group[0]!) / tally.group[1]!), rest: Math.round((100 * tally.rest[0]!) / tally.rest[1]!) };
}

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

		// Satisfaction on the cards once the sample's surveys are joined: champions' NPS and the rest's, counted from the files.
		const segments = cli(['rfm', ...TX]);
		const byChannel = cli(['persona', ...TX, ...CLASSES, '--by-column', '渠道']);
		const champions = page.locator('[data-testid="persona-card"][data-group="champions"] [data-testid="persona-satisfaction"]');
		await champions.waitFor({ timeout: 90_000 });
		const nps = npsFromFiles((await segments).rows, 'champions');
		expect(await champions.textContent()).toContain(`NPS ${nps.group} (rest of the base ${nps.rest},`);

		// Groups by a transactions column (渠道): the CLI's groups and rows.
		await page.getByTestId('persona-basis').selectOption('column');
		await page.getByTestId('persona-column').selectOption('渠道');
		const channelRows = (await byChannel).rows;
		await expect.poll(() => page.locator('[data-testid="persona-table"] tbody tr').count(), { timeout: 30_000 }).toBe(channelRows.length);
		expect(await page.getByTestId('persona-card').count()).toBe(new Set(channelRows.map((r) => r.group)).size);
		expect(await page.getByTestId('persona-channel-source').textContent()).toContain('“渠道”');
		// Without a channel column, the channel preference comes from the touchpoint events (loaded with the sample).
		await page.getByTestId('persona-col-channel').selectOption('');
		await expect.poll(() => page.getByTestId('persona-channel-source').textContent(), { timeout: 30_000 }).toContain('touchpoint events');
		await expect.poll(() => page.getByTestId('persona-table').textContent()).toContain('mixed');
		await page.getByTestId('persona-basis').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'persona-more-en.png'), fullPage: false });
		await page.getByTestId('lang').selectOption('zh-CN');
		await expect.poll(() => page.getByTestId('persona-channel-source').textContent(), { timeout: 30_000 }).toContain('触点事件');
		await page.getByTestId('persona-basis').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'persona-more-zh-CN.png'), fullPage: false });
		expect(errors).toEqual([]);
	});
});
