import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { cli, countBy, TX } from './sample-data.ts';

const site = useSite();

/** The downloaded action list as rows (BOM stripped). */
function parse(text: string): { fields: string[]; rows: Record<string, string>[] } {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const p = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true, skipEmptyLines: true });
	return { fields: p.meta.fields ?? [], rows: p.data };
}

describe('service plans in Chromium', () => {
	it.each([
		['zh-CN', 'zh', '专属客户经理'],
		['en', 'en', 'Account manager']
	] as const)('builds the default action list of the sample, edits a plan and exports what the CLI writes (%s)', async (lang, cliLang, managerName) => {
		const expected = cli(['plan', ...TX, '--basis', 'segment', '--lang', cliLang]);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-plan').click();
		await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 });

		// The default plans: the same action list as `clientele plan --basis segment`.
		const want = await expected;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
		const got = parse(fs.readFileSync(await download.path(), 'utf8'));
		expect(got.fields).toEqual(want.fields);
		expect(got.rows).toEqual(want.rows);
		// The editor lists every group of the list with its customers and control group.
		const groups = countBy(want.rows, (r) => r.group!);
		const editorRows = page.locator('[data-testid="plan-group"]');
		expect(await editorRows.count()).toBe(Object.keys(groups).length);
		const champions = page.locator('[data-testid="plan-group"][data-group="champions"]');
		expect(await champions.getByTestId('plan-channel').locator('option:checked').textContent()).toBe(managerName);
		await page.screenshot({ path: path.join(SHOTS, `plan-${lang}.png`), fullPage: true });

		// Champions every 10 days by phone: the export follows.
		await champions.getByTestId('plan-every').fill('10');
		await champions.getByTestId('plan-channel').selectOption('phone');
		// Only champions have the account-manager plan by default (the first valuable segment).
		const label = want.rows.find((r) => r.channel === 'manager')!.group!;
		const contacted = want.rows.filter((r) => r.group === label && r.control === 'false').length;
		await expect
			.poll(
				async () => {
					const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
					const rows = parse(fs.readFileSync(await d.path(), 'utf8')).rows.filter((r) => r.group === label && r.control === 'false');
					return rows.filter((r) => r.channel === 'phone' && r.contact_every_days === '10').length;
				},
				{ timeout: 30_000 }
			)
			.toBe(contacted);
		expect(await page.getByTestId('chart-plan-workload').count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});
});
