import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();
const PROFILES = path.join(ROOT, 'public/sample/customers.csv');

describe('profile columns riding along in the action list (Chromium, sample data)', () => {
	it('with the sample profiles loaded, ticked profile columns are appended to the export as the CLI appends them', async () => {
		const expected = cli(['plan', ...TX, '--basis', 'segment', '--lang', 'zh', '--profiles', PROFILES, '--profiles-id', '客户编号', '--profile-columns', '姓名,城市']);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-plan').click();
		await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 });
		// No profiles yet: the page says where to load them.
		await page.getByTestId('plan-export-columns-none').waitFor();

		await page.getByTestId('tab-datasets').click();
		await page.getByTestId('dataset-profiles-sample').click();
		await page.getByTestId('dataset-profiles-ready').waitFor({ timeout: 60_000 });
		await page.getByTestId('tab-plan').click();
		const cols = page.getByTestId('plan-export-columns');
		await cols.waitFor();
		expect(await cols.locator('input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['姓名', '性别', '年龄段', '城市', '注册日期', '会员等级']);
		await cols.locator('input[value="城市"]').check();
		await cols.locator('input[value="姓名"]').check();

		const want = await expected;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
		const text = fs.readFileSync(await download.path(), 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const got = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true, skipEmptyLines: true });
		// The profile file's order (姓名 before 城市), whatever order they were ticked in.
		expect(got.meta.fields).toEqual(want.fields);
		expect(got.meta.fields?.slice(-2)).toEqual(['姓名', '城市']);
		expect(got.data).toEqual(want.rows);
		fs.mkdirSync(SHOTS, { recursive: true });
		await cols.scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'plan-profile-columns-zh-CN.png') });
		await page.getByTestId('lang').selectOption('en');
		await page.getByText('Profile columns in the export').waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'plan-profile-columns-en.png') });
		expect(errors).toEqual([]);
		await context.close();
	}, 300_000);
});
