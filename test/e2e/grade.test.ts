import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SAMPLE, SHOTS, useSite } from './harness.ts';

const run = promisify(execFile);
const site = useSite();

/** Customers per tier as the tier table shows them (the ungraded row under ''). */
async function tierCounts(page: Page): Promise<Record<string, number>> {
	const rows = page.getByTestId('grade-tier-row');
	const out: Record<string, number> = {};
	for (let i = 0; i < (await rows.count()); i++) out[(await rows.nth(i).getAttribute('data-tier')) ?? ''] = Number(await rows.nth(i).getAttribute('data-customers'));
	return out;
}

/**
 * Waits until an edit's run shows counts other than `old`. A run started before the edit (a late source such as
 * the CLV fit re-applies the standard) may finish inside the edit's 150 ms pause and bump the version with the old
 * counts, so the version alone cannot say the edit's run is on screen; an edit that moves nobody times out here.
 */
async function countsChangedFrom(page: Page, old: Record<string, number>): Promise<Record<string, number>> {
	await expect.poll(() => tierCounts(page), { timeout: 30_000 }).not.toEqual(old);
	return tierCounts(page);
}

async function openGrade(lang: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
	const { page, errors, context } = await openPage(site.browser, site.url, { lang });
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await page.getByTestId('tab-grade').click();
	await page.getByTestId('grade-tier-table').waitFor({ timeout: 60_000 });
	return { page, errors, close: () => context.close() };
}

describe('grading standards in Chromium', () => {
	it('zh-CN: the preset grades as the CLI does; a weight edit keeps the sum at 100 and moves customers', async () => {
		const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'grade', '--input', SAMPLE, '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号', '--standard', 'vip', '--lang', 'zh'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
		const cli: Record<string, number> = {};
		for (const line of stdout.trim().split(/\r?\n/).slice(1)) {
			const tier = line.split(',').at(-2) ?? '';
			cli[tier] = (cli[tier] ?? 0) + 1;
		}
		const { page, errors, close } = await openGrade('zh-CN');
		await page.getByTestId('grade-preset-weighted').click();
		await expect.poll(() => tierCounts(page), { timeout: 30_000 }).toEqual(cli);
		expect(Object.keys(cli).sort()).toEqual(['VIP', '一般', '普通', '重要'].sort());
		// The editor's live counts are the table's.
		const live = await page.getByTestId('grade-tier').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-name'), Number(r.querySelector('[data-testid="grade-tier-count"]')?.getAttribute('data-value'))]));
		expect(Object.fromEntries(live)).toEqual(cli);

		// Recency 20 → 60: frequency and monetary absorb 40 points in proportion (30:50 → 15, 25).
		await page.getByTestId('grade-weight').first().fill('60');
		await page.getByTestId('grade-weight').first().press('Enter');
		const after = await countsChangedFrom(page, cli);
		expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(Object.values(cli).reduce((a, b) => a + b, 0));
		expect(await page.getByTestId('grade-weight').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['60', '15', '25']);
		expect(await page.getByTestId('grade-weight-sum').textContent()).toContain('100');
		await page.getByTestId('grade-sensitivity').waitFor();
		await page.getByTestId('chart-grade-distribution').locator('svg').first().waitFor();
		fs.mkdirSync(SHOTS, { recursive: true });
		await page.screenshot({ path: path.join(SHOTS, 'grade-zh-CN.png'), fullPage: true });
		expect(errors).toEqual([]);
		await close();
	}, 300_000);

	it('en: the scoring preset, then the weighted one, and a bad tier said in words', async () => {
		const { page, errors, close } = await openGrade('en');
		const first = await tierCounts(page);
		await page.getByTestId('grade-preset-scoring').click();
		const scoring = await countsChangedFrom(page, first);
		expect(Object.keys(scoring).every((t) => ['VIP', 'Key', 'Regular', 'General'].includes(t))).toBe(true);
		expect(await page.getByTestId('grade-thresholds').count()).toBe(3);

		await page.getByTestId('grade-preset-weighted').click();
		const weighted = await countsChangedFrom(page, scoring);
		await page.getByTestId('grade-weight').nth(2).fill('30');
		await page.getByTestId('grade-weight').nth(2).press('Enter');
		await countsChangedFrom(page, weighted);

		// A lowest tier above 0 is refused in words; the last results stay.
		await page.getByTestId('grade-tier').last().locator('input[type="number"]').fill('5');
		await expect.poll(async () => (await page.getByTestId('grade-errors').textContent()) ?? '', { timeout: 10_000 }).toContain('must start at 0');
		await page.getByTestId('grade-tier').last().locator('input[type="number"]').fill('0');
		await expect.poll(() => page.getByTestId('grade-errors').count(), { timeout: 10_000 }).toBe(0);
		await page.screenshot({ path: path.join(SHOTS, 'grade-en.png'), fullPage: true });
		expect(errors).toEqual([]);
		await close();
	}, 300_000);
});
