import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SAMPLE, SHOTS, useSite } from './harness.ts';
import { cli, countBy, TX } from './sample-data.ts';

const site = useSite();
const PROFILES = path.join(ROOT, 'public/sample/customers.csv');
const STAGES = ['potential', 'new', 'active', 'silent', 'churned'];

/** The sample's lines with a customer and a readable date, read apart from the app. */
function sampleLines(): { id: string; day: string; amount: number }[] {
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	return rows
		.filter((r) => /^\d{4}-\d{2}-\d{2}/.test(r.下单时间 ?? '') && (r.客户编号 ?? '').trim() !== '' && (r.实付金额 ?? '').trim() !== '')
		.map((r) => ({ id: r.客户编号!.trim(), day: r.下单时间!.slice(0, 10), amount: Number(r.实付金额) }));
}

/** The suggestion by hand: nearest-rank 80th and 95th percentile of the gaps between consecutive purchase days. */
function suggestion(lines: ReturnType<typeof sampleLines>): { active: number; churn: number } {
	const days = new Map<string, Set<string>>();
	for (const l of lines) if (l.amount > 0) days.set(l.id, (days.get(l.id) ?? new Set()).add(l.day));
	const gaps: number[] = [];
	for (const set of days.values()) {
		const t = [...set].sort().map((d) => Date.parse(d + 'T00:00:00Z') / 86_400_000);
		for (let i = 1; i < t.length; i++) gaps.push(t[i]! - t[i - 1]!);
	}
	gaps.sort((a, b) => a - b);
	const rank = (p: number) => gaps[Math.ceil((p / 100) * gaps.length) - 1]!;
	return { active: rank(80), churn: Math.max(rank(95), rank(80) + 1) };
}

async function pageStages(page: Page): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const s of STAGES) out[s] = Number(await page.locator(`[data-testid="lc-summary"] tr[data-stage="${s}"]`).getAttribute('data-customers'));
	return out;
}

describe('lifecycle view in Chromium (sample data, zh-CN and en)', () => {
	it('profiles beside the transactions; stages, suggestion, stages × segments and the flow as computed apart from the page', async () => {
		const expected = cli(['lifecycle', ...TX, '--profiles', PROFILES, '--profiles-id', '客户编号']);
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });

		// The profile file: 5,300 profiles; the ids that also have transactions, counted from the files.
		await page.getByTestId('tab-datasets').click();
		await page.getByTestId('dataset-profiles-sample').click();
		await page.getByTestId('dataset-profiles-ready').waitFor({ timeout: 60_000 });
		const lines = sampleLines();
		const profileIds = Papa.parse<Record<string, string>>(fs.readFileSync(PROFILES, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.客户编号!);
		const txIds = new Set(lines.map((l) => l.id));
		const match = page.getByTestId('profiles-match');
		await match.waitFor({ timeout: 30_000 });
		expect(Number(await match.getAttribute('data-profiles'))).toBe(profileIds.length);
		expect(Number(await match.getAttribute('data-matched'))).toBe(profileIds.filter((id) => txIds.has(id)).length);
		expect(Number(await match.getAttribute('data-customers'))).toBe(txIds.size);
		expect(await page.getByTestId('dataset-profiles').textContent()).toContain('注册日期 (日期)');

		// Stages: the CLI's counts for the same file, profiles and defaults.
		await page.getByTestId('tab-lifecycle').click();
		await page.getByTestId('lc-summary').waitFor({ timeout: 60_000 });
		const cliRows = (await expected).rows;
		const want = Object.fromEntries(STAGES.map((s) => [s, countBy(cliRows, (r) => r.stage!)[s] ?? 0]));
		expect(want.potential).toBeGreaterThan(0);
		await expect.poll(() => pageStages(page), { timeout: 30_000 }).toEqual(want);
		expect(Number(await page.getByTestId('lc-total').getAttribute('data-customers'))).toBe(cliRows.length);
		const table = (await page.getByTestId('lc-summary').textContent())!;
		for (const s of ['潜在', '新', '活跃', '沉默', '流失', '考察期', '形成期', '稳定期', '退化期']) expect(table).toContain(s);

		// Stages × RFM segments: every customer once; the flow: every customer at the later date.
		const bySegment = await page.locator('[data-testid="lc-by-segment"] td.num').allTextContents();
		expect(bySegment.filter((t) => t !== '·').reduce((a, t) => a + Number(t.replace(/,/g, '')), 0)).toBe(cliRows.length);
		await page.getByTestId('lc-flow').waitFor({ timeout: 60_000 });
		expect(Number(await page.getByTestId('lc-flow').getAttribute('data-customers'))).toBe(cliRows.length);
		await page.locator('[data-testid="lc-flow-chart"] svg').first().waitFor({ timeout: 30_000 });

		// Suggest: the nearest-rank percentiles of the gaps, computed here.
		const s = suggestion(lines);
		await page.getByTestId('lc-suggest').click();
		const sug = page.getByTestId('lc-suggestion');
		await sug.waitFor({ timeout: 30_000 });
		expect([Number(await sug.getAttribute('data-active')), Number(await sug.getAttribute('data-churn'))]).toEqual([s.active, s.churn]);
		expect(await sug.textContent()).toContain(`80% 的复购发生在 ${s.active} 天以内`);
		await expect.poll(() => page.getByTestId('lc-active').inputValue()).toBe(String(s.active));
		await page.getByTestId('lc-suggestion').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'lifecycle-zh-CN.png'), fullPage: true });

		// English: the same numbers, English names.
		await page.getByTestId('lang').selectOption('en');
		await expect.poll(() => page.getByTestId('lc-summary').textContent()).toContain('Potential');
		expect(await page.getByTestId('lc-suggestion').textContent()).toContain(`80 % of repeat purchases come within ${s.active} days`);
		await page.screenshot({ path: path.join(SHOTS, 'lifecycle-en.png'), fullPage: true });
		expect(errors).toEqual([]);
	});
});
