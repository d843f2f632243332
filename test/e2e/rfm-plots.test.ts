import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { R_SEGMENT_NAMES } from '../../src/core/segments/rules.ts';
import { segmentName, translate } from '../../src/i18n/translate.ts';
import { drawn, drawnCount, grid, nearest, num, scale, tableCells } from './chart-dom.ts';
import { cli, countBy, TX } from './sample-data.ts';
import { openPage, SHOTS, useSite } from './harness.ts';

const FIGURES = ['plot-hist-r', 'plot-hist-f', 'plot-hist-m', 'plot-orders', 'plot-heat-rf', 'plot-heat-fm', 'plot-heat-rm', 'plot-fm-scatter', 'plot-treemap', 'plot-shares', 'plot-medians'];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const site = useSite();

async function loadSample(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
}

/** The `rfm` CLI's rows for the sample (one per customer), started once per file beside the browser. */
const cliRfm = () => cli(['rfm', ...TX]).then((t) => t.rows);
type CliRow = Record<string, string>;

/** Customers per score pair "y|x" (the heatmaps' y and x scores). */
const pairs = (rows: readonly CliRow[], y: string, x: string) => countBy(rows, (r) => `${r[`${y}_score`]}|${r[`${x}_score`]}`);

/** Customers counted by a histogram's bars, read from their heights (Plot insets each bar 0.5 px top and bottom). */
async function histogramCustomers(page: Page, testid: string): Promise<{ customers: number; slack: number }> {
	await expect.poll(async () => (await drawn(page, testid, 'g[aria-label="rect"] rect')).marks.length, { timeout: 60_000 }).toBeGreaterThan(1);
	const d = await drawn(page, testid, 'g[aria-label="rect"] rect');
	const value = scale(d.ticks.y);
	const perPx = Math.abs(value(0) - value(1));
	const heights = d.marks.map((m) => m.bottom - m.top);
	// Each bar's customers are a whole number; a bar shorter than its insets is drawn 0 px high and may
	// hold up to 1 px worth of customers.
	return { customers: heights.filter((h) => h > 0).reduce((a, h) => a + Math.round((h + 1) * perPx), 0), slack: heights.filter((h) => h <= 0).length * perPx };
}

/**
 * Every figure of the plot set draws the sample's data: the histograms add up to all customers, the
 * purchase-count bars show the CLI's shares, the heatmaps have one cell per score pair the CLI finds,
 * the scatter one dot per customer with revenue, and the segment figures one mark per row of the
 * summary table with its names and medians.
 */
async function allFiguresDrawn(page: Page, rows: readonly CliRow[]): Promise<void> {
	const table = (await tableCells(page, 'segment-summary')).map((r) => ({ name: r[0]!, medians: [num(r[7]!), num(r[8]!), num(r[9]!)] }));
	const names = table.map((r) => r.name);
	for (const id of ['plot-hist-r', 'plot-hist-f', 'plot-hist-m']) {
		const { customers, slack } = await histogramCustomers(page, id);
		expect(rows.length - customers, id).toBeGreaterThanOrEqual(0);
		expect(rows.length - customers, id).toBeLessThanOrEqual(slack);
	}
	const byOrders = countBy(rows, (r) => String(Math.min(10, Number(r.frequency))));
	const buckets = Object.keys(byOrders).map(Number).sort((a, b) => a - b);
	const orders = await drawnCount(page, 'plot-orders', 'g[aria-label="bar"] rect', buckets.length);
	expect(orders.ticks.x.map((t) => t.label)).toEqual(buckets.map((b) => (b === 10 ? '10+' : String(b))));
	const shares = (await drawn(page, 'plot-orders', 'g[aria-label="text"] text')).marks.sort((a, b) => a.x - b.x).map((m) => m.text);
	expect(shares).toEqual(buckets.map((b) => `${((byOrders[String(b)]! / rows.length) * 100).toFixed(1)}%`));
	for (const [id, y, x] of [['plot-heat-rf', 'r', 'f'], ['plot-heat-fm', 'f', 'm'], ['plot-heat-rm', 'r', 'm']] as const)
		await drawnCount(page, id, 'g[aria-label="cell"] rect', Object.keys(pairs(rows, y, x)).length);
	await drawnCount(page, 'plot-fm-scatter', 'g[aria-label="dot"] circle', rows.filter((r) => Number(r.monetary) > 0).length);
	await drawnCount(page, 'plot-treemap', 'g[aria-label="rect"] rect', table.length);
	const dumbbells = await drawnCount(page, 'plot-shares', 'g[aria-label="dot"] circle', 2 * table.length);
	expect(dumbbells.ticks.y.map((t) => t.label)).toEqual(names);
	expect((await drawn(page, 'plot-shares', 'g[aria-label="link"] path')).marks).toHaveLength(table.length);
	const medians = await drawnCount(page, 'plot-medians', 'g[aria-label="bar"] rect', 3 * table.length);
	expect([...medians.ticks.y.map((t) => t.label)].sort()).toEqual([...names].sort());
	const labels = await drawn(page, 'plot-medians', 'g[aria-label="text"] text');
	expect(labels.marks).toHaveLength(3 * table.length);
	const dims = medians.ticks.fx.map((t) => t.label);
	for (const m of labels.marks) {
		const row = table.find((r) => r.name === nearest(medians.ticks.y, m.y))!;
		// The table rounds R and M to whole numbers, the chart values under 100 to one decimal.
		expect(Math.abs(num(m.text) - row.medians[dims.indexOf(nearest(medians.ticks.fx, m.x))]!)).toBeLessThanOrEqual(0.5);
	}
}

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
	return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** The CLI's migration for the same file and dates: pair counts keyed "from→to" by segment id ('' = new). */
async function cliMigration(from: string, to: string): Promise<Record<string, number>> {
	const { rows } = await cli(['migrate', ...TX, '--from', from, '--to', to]);
	const byName = Object.fromEntries(Object.entries(R_SEGMENT_NAMES).map(([id, name]) => [name, id]));
	return countBy(rows, (r) => `${byName[r.segment_from ?? ''] ?? ''}→${byName[r.segment_to ?? ''] ?? ''}`);
}

/** The page's migration matrix table: pair counts keyed "from→to" by segment id ('' = new), zeros left out. */
async function shownMigration(page: Page): Promise<Record<string, number>> {
	const shown: Record<string, number> = {};
	for (const cell of await page.locator('[data-testid^="mig-"][data-value]').all()) {
		const v = Number(await cell.getAttribute('data-value'));
		if (v === 0) continue;
		const [f, t] = (await cell.getAttribute('data-testid'))!.slice('mig-'.length).split(/-(?=[^-]+$)/) as [string, string];
		shown[`${f === '__new__' ? '' : f}→${t}`] = v;
	}
	return shown;
}

/**
 * The migration charts draw the CLI's pairs: the matrix one cell per pair, labelled with its count;
 * the flow a node per segment at each date, a band per pair, and node labels with the CLI's counts.
 */
async function migrationDrawn(page: Page, pairCounts: Record<string, number>, lang: 'zh-CN' | 'en'): Promise<void> {
	const name = (id: string) => (id === '' ? translate(lang, 'migration.new') : segmentName(lang, id));
	const expected = Object.fromEntries(Object.entries(pairCounts).map(([k, n]) => [k.split('→').map(name).join('|'), n]));
	await drawnCount(page, 'mig-matrix-chart', 'g[aria-label="cell"] rect', Object.keys(pairCounts).length);
	expect(grid(await drawn(page, 'mig-matrix-chart', 'g[aria-label="text"] text'))).toEqual(expected);

	const sides = { from: {} as Record<string, number>, to: {} as Record<string, number> };
	for (const [k, n] of Object.entries(pairCounts)) {
		const [f, t] = k.split('→') as [string, string];
		sides.from[name(f)] = (sides.from[name(f)] ?? 0) + n;
		if (t !== '') sides.to[name(t)] = (sides.to[name(t)] ?? 0) + n;
	}
	const nodes = await drawnCount(page, 'mig-flow', 'g[aria-label="rect"] rect', Object.keys(sides.from).length + Object.keys(sides.to).length);
	expect((await drawn(page, 'mig-flow', 'g[aria-label="area"] path')).marks).toHaveLength(Object.keys(pairCounts).length);
	const middle = (Math.min(...nodes.marks.map((m) => m.x)) + Math.max(...nodes.marks.map((m) => m.x))) / 2;
	const labels = (await drawn(page, 'mig-flow', 'g[aria-label="text"] text')).marks.map((m) => ({ m, parts: /^(.+) ([\d,]+)$/.exec(m.text) })).filter((l) => l.parts);
	// Only thin nodes go without a label.
	expect(labels.length).toBeGreaterThan(nodes.marks.length / 2);
	for (const { m, parts } of labels) expect(num(parts![2]!), m.text).toBe((m.x < middle ? sides.from : sides.to)[parts![1]!]);
}

describe('RFM plots and segment migration in Chromium', () => {
	it('renders every plot, downloads SVG and PNG, and runs a migration that matches the CLI', async () => {
		const rfm = cliRfm();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await loadSample(page);
		const rows = await rfm;
		await allFiguresDrawn(page, rows);
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
		// … each cell now labelled with the CLI's customers for its score pair.
		for (const [id, y, x] of [['plot-heat-rf', 'r', 'f'], ['plot-heat-fm', 'f', 'm'], ['plot-heat-rm', 'r', 'm']] as const)
			await expect.poll(async () => grid(await drawn(page, id, 'g[aria-label="text"] text')), { timeout: 60_000 }).toEqual(pairs(rows, y, x));

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
		const shown = await shownMigration(page);
		const both = Number(await page.getByTestId('mig-summary').getAttribute('data-both'));
		const atBoth = Object.entries(shown).filter(([k]) => !k.startsWith('→')).reduce((a, [, v]) => a + v, 0);
		expect(atBoth).toBe(both);
		const expected = await cliMigration(from, to);
		const cliBoth = Object.entries(expected).filter(([k]) => !k.startsWith('→')).reduce((a, [, v]) => a + v, 0);
		// Matrix counts sum to the customers present at both dates, and every pair equals the CLI's.
		expect(atBoth).toBe(cliBoth);
		expect(atBoth).toBeGreaterThan(1000);
		expect(shown).toEqual(expected);
		await migrationDrawn(page, expected, 'zh-CN');

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
		const rfm = cliRfm();
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		await loadSample(page);
		await allFiguresDrawn(page, await rfm);
		await page.waitForTimeout(300);
		await page.getByTestId('rfm-plots').screenshot({ path: path.join(SHOTS, 'rfm-plots-en.png') });
		expect(await page.locator('[data-testid="plot-fm-scatter"] .note').textContent()).toMatch(/customers shown|sample/);
		await page.getByTestId('tab-migration').click();
		await page.getByTestId('mig-summary').waitFor({ timeout: 120_000 });
		// The charts draw the pairs of the matrix table beside them (the CLI's, checked in Chinese above).
		await migrationDrawn(page, await shownMigration(page), 'en');
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-plots-migration-en.png'), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	});
});
