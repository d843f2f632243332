import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { R_SEGMENT_NAMES } from '../../src/core/segments/rules.ts';
import { openPage, ROOT, SAMPLE, SHOTS, useSite } from './harness.ts';

const run = promisify(execFile);
const FIGURES = ['plot-hist-r', 'plot-hist-f', 'plot-hist-m', 'plot-orders', 'plot-heat-rf', 'plot-heat-fm', 'plot-heat-rm', 'plot-fm-scatter', 'plot-treemap', 'plot-shares', 'plot-medians'];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const site = useSite();

async function loadSample(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
}

async function allFiguresDrawn(page: Page): Promise<void> {
	for (const id of FIGURES) await expect.poll(() => page.locator(`[data-testid="${id}"] svg`).count(), { timeout: 60_000 }).toBeGreaterThan(0);
}

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
	return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** The CLI's migration for the same file and dates: pair counts keyed "from→to" by segment id ('' = new). */
async function cliMigration(from: string, to: string): Promise<Record<string, number>> {
	const { stdout } = await run(
		'npx',
		['tsx', 'src/cli/main.ts', 'migrate', '--input', SAMPLE, '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号', '--from', from, '--to', to],
		{ cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }
	);
	const byName = Object.fromEntries(Object.entries(R_SEGMENT_NAMES).map(([id, name]) => [name, id]));
	const rows = Papa.parse<Record<string, string>>(stdout.trim(), { header: true }).data;
	const counts: Record<string, number> = {};
	for (const r of rows) {
		const key = `${byName[r.segment_from ?? ''] ?? ''}→${byName[r.segment_to ?? ''] ?? ''}`;
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

describe('RFM plots and segment migration in Chromium', () => {
	it('renders every plot, downloads SVG and PNG, and runs a migration that matches the CLI', async () => {
		expect.hasAssertions();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await loadSample(page);
		await allFiguresDrawn(page);
		// Each figure has its download buttons.
		for (const id of FIGURES) {
			expect(await page.getByTestId(`${id}-svg`).count()).toBe(1);
			expect(await page.getByTestId(`${id}-png`).count()).toBe(1);
		}
		await page.waitForTimeout(300);
		await page.getByTestId('rfm-plots').screenshot({ path: path.join(SHOTS, 'rfm-plots-zh-CN.png') });

		// The heatmap switch redraws by customers.
		await page.getByTestId('heat-measure').selectOption('count');
		await expect.poll(() => page.locator('[data-testid="plot-heat-rf"] .head').textContent()).toContain('客户数');

		const svg = await download(page, 'plot-heat-rf-svg');
		expect(svg.name).toMatch(/^clientele-.+\.svg$/);
		const text = svg.bytes.toString('utf8');
		expect(text.startsWith('<?xml')).toBe(true);
		expect(text).toContain('<svg');
		expect(text).toContain('R × F');
		fs.writeFileSync(path.join(SHOTS, 'rfm-plots-download.svg'), svg.bytes);

		const png = await download(page, 'plot-treemap-png');
		expect(png.name).toMatch(/^clientele-.+\.png$/);
		expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
		// 2×: the PNG is twice the SVG's width (IHDR width at bytes 16–19).
		expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1200);
		fs.writeFileSync(path.join(SHOTS, 'rfm-plots-download-treemap.png'), png.bytes);

		// Migration with the default dates.
		await page.getByTestId('tab-migration').click();
		await page.getByTestId('mig-summary').waitFor({ timeout: 120_000 });
		const from = await page.getByTestId('mig-from').inputValue();
		const to = await page.getByTestId('mig-to').inputValue();
		expect(from < to).toBe(true);
		const shown: Record<string, number> = {};
		for (const cell of await page.locator('[data-testid^="mig-"][data-value]').all()) {
			const v = Number(await cell.getAttribute('data-value'));
			if (v === 0) continue;
			const [f, t] = (await cell.getAttribute('data-testid'))!.slice('mig-'.length).split(/-(?=[^-]+$)/) as [string, string];
			shown[`${f === '__new__' ? '' : f}→${t}`] = v;
		}
		const both = Number(await page.getByTestId('mig-summary').getAttribute('data-both'));
		const atBoth = Object.entries(shown).filter(([k]) => !k.startsWith('→')).reduce((a, [, v]) => a + v, 0);
		expect(atBoth).toBe(both);
		const cli = await cliMigration(from, to);
		const cliBoth = Object.entries(cli).filter(([k]) => !k.startsWith('→')).reduce((a, [, v]) => a + v, 0);
		// Matrix counts sum to the customers present at both dates, and every pair equals the CLI's.
		expect(atBoth).toBe(cliBoth);
		expect(atBoth).toBeGreaterThan(1000);
		expect(shown).toEqual(cli);
		await expect.poll(() => page.locator('[data-testid="mig-flow"] svg').count()).toBeGreaterThan(0);
		await expect.poll(() => page.locator('[data-testid="mig-matrix-chart"] svg').count()).toBeGreaterThan(0);

		// The fallen list: the grid's count equals the number shown.
		const fallen = (await page.getByTestId('mig-fallen-count').textContent())!.replace(/\D/g, '');
		await expect.poll(() => page.getByTestId('mig-fallen-grid-count').textContent()).toContain(Number(fallen).toLocaleString('zh-CN'));

		// CSV export of the matrix: BOM, header, one line per pair.
		const csv = await download(page, 'mig-export');
		const body = csv.bytes.toString('utf8');
		expect(body.charCodeAt(0)).toBe(0xfeff);
		const lines = body.slice(1).trim().split(/\r\n/);
		expect(lines[0]).toBe('segment_from,segment_to,customers,row_percent');
		expect(lines).toHaveLength(1 + Object.keys(shown).length);
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-plots-migration-zh-CN.png'), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows the plots and the migration in English', async () => {
		expect.hasAssertions();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		await loadSample(page);
		await allFiguresDrawn(page);
		await page.waitForTimeout(300);
		await page.getByTestId('rfm-plots').screenshot({ path: path.join(SHOTS, 'rfm-plots-en.png') });
		expect(await page.locator('[data-testid="plot-fm-scatter"] .note').textContent()).toMatch(/customers shown|sample/);
		await page.getByTestId('tab-migration').click();
		await page.getByTestId('mig-summary').waitFor({ timeout: 120_000 });
		await expect.poll(() => page.locator('[data-testid="mig-flow"] svg').count()).toBeGreaterThan(0);
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-plots-migration-en.png'), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});
});
