import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const SURVEYS = path.join(ROOT, 'public/sample/surveys.csv');
const run = promisify(execFile);

const site = useSite();

/** The "all" row of a `kpi` CLI command, as column → value. */
async function cli(args: string[]): Promise<Record<string, string>> {
	const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'kpi', ...args, '--input', SURVEYS], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
	const [head, row] = stdout.trim().split(/\r?\n/);
	const keys = head!.split(',');
	const vals = row!.split(',');
	return Object.fromEntries(keys.map((k, i) => [k, vals[i]!]));
}

async function loadAll(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await page.getByTestId('tab-datasets').click();
	await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
	await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
}

async function svgIn(page: Page, testid: string): Promise<number> {
	await page.locator(`[data-testid="${testid}"] svg`).first().waitFor({ timeout: 60_000 });
	return page.locator(`[data-testid="${testid}"] svg`).count();
}

describe('KPI and journey views on the sample data', () => {
	it.each(['zh-CN', 'en'])('show the CLI’s NPS and CSAT, the cohort heatmap, the journey charts and a 2-step funnel (%s)', async (lang) => {
		expect.hasAssertions();
		const [nps, csat] = await Promise.all([cli(['nps', '--score', 'NPS']), cli(['csat', '--score', 'CSAT'])]);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, height: 1100 });
		// Before any file: both views say which file to load and offer the sample.
		await page.getByTestId('tab-kpis').click();
		await page.getByTestId('kpis-empty-sample').waitFor();
		await page.screenshot({ path: path.join(SHOTS, `kpi-empty-${lang}.png`) });
		await page.getByTestId('tab-journey').click();
		await page.getByTestId('journey-empty-sample').waitFor();
		await page.getByTestId('tab-import').click();
		await loadAll(page);
		await page.screenshot({ path: path.join(SHOTS, `kpi-datasets-${lang}.png`), fullPage: true });

		await page.getByTestId('tab-kpis').click();
		const npsValue = page.getByTestId('kpi-value-nps');
		await page.waitForFunction(() => document.querySelector('[data-testid="kpi-value-nps"]')?.getAttribute('data-value'), null, { timeout: 60_000 });
		expect(Number(await npsValue.getAttribute('data-value'))).toBeCloseTo(Number(nps.nps), 3);
		expect(await page.getByTestId('kpi-nps-n').getAttribute('data-value')).toBe(nps.n);
		expect(await npsValue.textContent()).toContain(Math.abs(Number(nps.nps)).toFixed(1));
		const csatValue = page.getByTestId('kpi-value-csat');
		expect(Number(await csatValue.getAttribute('data-value'))).toBeCloseTo(Number(csat.csat), 3);
		expect(await page.getByTestId('kpi-csat-n').getAttribute('data-value')).toBe(csat.n);
		expect(await csatValue.textContent()).toContain(Number(csat.csat).toFixed(1));
		expect(await svgIn(page, 'chart-cohort')).toBeGreaterThan(0);
		await page.getByTestId('kpi-value-retention').waitFor();
		await page.getByTestId('kpi-dim').selectOption('segment');
		await page.getByTestId('kpi-group-table').waitFor({ timeout: 60_000 });
		expect(await svgIn(page, 'chart-kpi-groups')).toBeGreaterThan(0);
		expect(await svgIn(page, 'chart-kpi-trend')).toBeGreaterThan(0);
		// Retention over time comes from the transactions, one period at a time.
		await page.getByTestId('kpi-chart-kpi').selectOption('retention');
		await page.locator('[data-testid="kpi-trend"][data-kpi="retention"] [data-testid="chart-kpi-trend"] svg').waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-testid="chart-kpi-trend"] svg [aria-label="dot"] circle').count()).toBeGreaterThan(3);
		await page.getByTestId('kpi-chart-kpi').selectOption('nps');
		await page.locator('[data-testid="kpi-trend"][data-kpi="nps"] [data-testid="chart-kpi-trend"] svg').waitFor({ timeout: 60_000 });
		await page.screenshot({ path: path.join(SHOTS, `kpi-kpis-${lang}.png`), fullPage: true });

		await page.getByTestId('tab-journey').click();
		for (const id of ['chart-journey-lanes', 'chart-journey-curve', 'chart-journey-flow', 'chart-journey-channels']) expect(await svgIn(page, id)).toBeGreaterThan(0);
		await page.getByTestId('funnel-step-1').selectOption('社交媒体');
		await page.getByTestId('funnel-step-2').selectOption('门店');
		await page.waitForFunction(() => /^\d[\d,]*$/.test(document.querySelector('[data-testid="funnel-customers-2"]')?.textContent?.trim() ?? ''), null, { timeout: 60_000 });
		const first = Number((await page.getByTestId('funnel-customers-1').textContent())!.replace(/,/g, ''));
		const second = Number((await page.getByTestId('funnel-customers-2').textContent())!.replace(/,/g, ''));
		expect(first).toBeGreaterThan(0);
		expect(second).toBeGreaterThan(0);
		expect(second).toBeLessThanOrEqual(first);
		expect(await svgIn(page, 'chart-funnel')).toBeGreaterThan(0);
		// The same funnel by RFM segment: one pair of rows per segment.
		await page.getByTestId('funnel-split').selectOption('segment');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="funnel-table"] tbody tr').length > 4, null, { timeout: 60_000 });
		expect(await page.locator('[data-testid="funnel-table"] tbody tr').count()).toBeGreaterThan(4);
		await page.screenshot({ path: path.join(SHOTS, `kpi-journey-${lang}.png`), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	}, 300_000);
});
