import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, drawnCount, num, scale, tableCells } from './chart-dom.ts';
import { openPage, ROOT, SAMPLE, SHOTS, useSite } from './harness.ts';

const run = promisify(execFile);

const site = useSite();

type Counts = Record<string, number>;

/**
 * The `abc` CLI on the sample: customers per class, the ids of class A in rank order, and the
 * Pareto figures of its ranking: the share of customers that makes 80 % of revenue, and the Gini
 * coefficient of the positive revenues.
 */
async function cli(extra: string[] = []): Promise<{ counts: Counts; ids: Record<string, string[]>; share80: number; gini: number }> {
	const { stdout } = await run(
		process.execPath,
		['--import', 'tsx', 'src/cli/main.ts', 'abc', '--input', SAMPLE, '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号', ...extra],
		{ cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }
	);
	const lines = stdout.trim().split(/\r?\n/);
	expect(lines[0]).toBe('customer_id,revenue,cum_share,abc_class');
	const counts: Counts = { A: 0, B: 0, C: 0 };
	const ids: Record<string, string[]> = { A: [], B: [], C: [] };
	const revenue: number[] = [];
	let reach80 = 0;
	for (const [i, line] of lines.slice(1).entries()) {
		const [id, rev, cum, cls] = line.split(',') as [string, string, string, string];
		counts[cls] = (counts[cls] ?? 0) + 1;
		ids[cls]?.push(id);
		revenue.push(Math.max(0, Number(rev)));
		if (!reach80 && Number(cum) >= 0.8 - 1e-9) reach80 = i + 1;
	}
	// Gini = Σ (2i − n − 1)·v_i / (n · Σ v) over revenues sorted ascending (i from 1).
	const n = revenue.length;
	const sorted = revenue.sort((a, b) => a - b);
	const gini = sorted.reduce((a, v, i) => a + (2 * (i + 1) - n - 1) * v, 0) / (n * sorted.reduce((a, v) => a + v, 0));
	return { counts, ids, share80: reach80 / n, gini };
}

async function pageCounts(page: Page): Promise<Counts> {
	const out: Counts = {};
	for (const cls of ['A', 'B', 'C']) out[cls] = Number(await page.getByTestId(`abc-count-${cls}`).getAttribute('data-value'));
	return out;
}

/**
 * Waits until the class table shows `expected`. Two edits (A then B, from then to) start two runs: the first one's
 * counts may show before the second's, so "the counts changed" is not yet "the last edit's counts are on screen";
 * counts that never reach `expected` time out here.
 */
async function countsReach(page: Page, expected: Counts): Promise<Counts> {
	await expect.poll(async () => JSON.stringify(await pageCounts(page)), { timeout: 30_000 }).toBe(JSON.stringify(expected));
	return pageCounts(page);
}

describe('ABC / Pareto view in Chromium', () => {
	it('shows the CLI’s classes for the sample, follows thresholds and a window, lists and exports a class', async () => {
		const [base, strict, window] = await Promise.all([cli(), cli(['--a', '0.5', '--b', '0.8']), cli(['--a', '0.5', '--b', '0.8', '--from', '2024-03-01', '--to', '2024-08-31'])]);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		const rfmCustomers = num(/[\d,]+/.exec((await page.getByTestId('rfm-totals').textContent())!)![0]);
		await page.getByTestId('tab-abc').click();
		await page.getByTestId('abc-summary').waitFor({ timeout: 60_000 });

		// The page's tx table leaves out the same unreadable rows as the CLI: same classes, and every
		// customer of the RFM tab has one.
		const shown = await pageCounts(page);
		expect(shown).toEqual(base.counts);
		expect(shown.A! + shown.B! + shown.C!).toBe(rfmCustomers);
		expect(await page.getByTestId('abc-rule').textContent()).toContain('≤ 70% 为 A 类');

		// Headline figures: those of the CLI's ranking.
		const share80 = Number(await page.getByTestId('abc-share80').getAttribute('data-value'));
		expect(share80).toBeCloseTo(base.share80, 4);
		// The CLI writes revenue rounded to cents (money columns), the page ranks the exact sums: 5 decimals.
		expect(Number(await page.getByTestId('abc-gini').getAttribute('data-value'))).toBeCloseTo(base.gini, 5);
		// The Pareto curve (the solid line; the dashed one is the diagonal) runs from 0 % to 100 % of
		// both, never falls, and its 80 % marker stands at the CLI's share of customers.
		const lines = await drawnCount(page, 'chart-pareto', 'g[aria-label="line"] path', 2);
		const curve = lines.marks.reduce((a, b) => (b.points.length > a.points.length ? b : a)).points;
		const [x, y] = [scale(lines.ticks.x), scale(lines.ticks.y)];
		expect(curve.length).toBeGreaterThan(100);
		expect([x(curve[0]![0]), y(curve[0]![1])].map(Math.round)).toEqual([0, 0]);
		expect([x(curve.at(-1)![0]), y(curve.at(-1)![1])].map(Math.round)).toEqual([100, 100]);
		expect(curve.every((p, i) => i === 0 || p[1] <= curve[i - 1]![1])).toBe(true);
		const marker = (await drawnCount(page, 'chart-pareto', 'g[aria-label="dot"] circle', 1)).marks[0]!;
		expect(x(marker.x)).toBeCloseTo(base.share80 * 100, 1);
		expect(y(marker.y)).toBeCloseTo(80, 1);
		// The class bars: a customer-share and a revenue-share bar per class, labelled as the class table.
		const classes = await tableCells(page, 'abc-summary');
		const bars = await drawnCount(page, 'chart-abc-bars', 'g[aria-label="bar"] rect', 2 * classes.length);
		const barLabels = (await drawn(page, 'chart-abc-bars', 'g[aria-label="text"] text')).marks.sort((a, b) => a.x - b.x).map((m) => num(m.text));
		expect(barLabels).toEqual(classes.flatMap((r) => [num(r[2]!), num(r[4]!)]));
		expect(classes.map((r) => r[0])).toEqual(bars.ticks.fx.map((t) => expect.stringContaining(t.label)));
		expect(await page.getByTestId('chart-pareto').textContent()).toContain('80% 销售额');
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'abc-zh-CN.png'), fullPage: true });

		// Hovering the curve shows a tooltip with both shares.
		const svg = page.locator('[data-testid="chart-pareto"] svg').first();
		await svg.scrollIntoViewIfNeeded();
		const box = (await svg.boundingBox())!;
		await svg.hover({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
		await expect.poll(() => page.locator('[data-testid="chart-pareto"] [aria-label="tip"]').textContent()).toContain('其销售额累计占比');
		await page.getByTestId('chart-pareto').screenshot({ path: path.join(SHOTS, 'abc-pareto-tip-zh-CN.png') });

		// Thresholds 50 % / 80 %: the CLI's counts for the same thresholds.
		await page.getByTestId('abc-a').fill('50');
		await page.getByTestId('abc-b').fill('80');
		await page.getByTestId('abc-b').blur();
		expect(strict.counts).not.toEqual(shown);
		expect(await countsReach(page, strict.counts)).toEqual(strict.counts);
		expect(await page.getByTestId('abc-rule').textContent()).toContain('≤ 50% 为 A 类');

		// A revenue window: again the CLI's counts.
		await page.getByTestId('abc-from').fill('2024-03-01');
		await page.getByTestId('abc-to').fill('2024-08-31');
		expect(window.counts).not.toEqual(strict.counts);
		expect(await countsReach(page, window.counts)).toEqual(window.counts);

		// A bad threshold is explained and the last results stay.
		await page.getByTestId('abc-a').fill('95');
		await page.getByTestId('abc-a').blur();
		await expect.poll(() => page.getByTestId('abc-errors').textContent()).toContain('A 类（95%）');
		expect(await pageCounts(page)).toEqual(window.counts);
		await page.getByTestId('abc-a').fill('50');
		await page.getByTestId('abc-a').blur();
		await expect.poll(() => page.getByTestId('abc-errors').count()).toBe(0);

		// Click class A: the grid lists exactly its customers, in the CLI's rank order.
		await page.getByTestId('abc-class-A').click();
		const a = window.counts.A!;
		await expect.poll(() => page.getByTestId('abc-grid-count').textContent()).toBe(`${a.toLocaleString('zh-CN')} 行`);
		await expect.poll(() => page.locator('[data-testid="abc-grid"] [role="gridcell"]').first().textContent()).toBe(window.ids.A![0]);
		// Polled: the run of the last threshold edit (50 % again) may finish after the click and draw the grid anew.
		await expect
			.poll(() => page.locator('[data-testid="abc-grid"] [role="columnheader"]').allTextContents(), { timeout: 30_000 })
			.toEqual(expect.arrayContaining([expect.stringContaining('客户编号'), expect.stringContaining('RFM 分群')]));
		await expect.poll(() => page.locator('[data-testid="abc-grid"] [role="gridcell"]').first().textContent()).toBe(window.ids.A![0]);

		await page.getByTestId('abc-showing').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'abc-class-A-zh-CN.png') });

		// Export it: BOM, the contract's columns, one row per class-A customer, RFM segment in Chinese.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('abc-export').click()]);
		const text = fs.readFileSync(await download.path(), 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const rows = text.slice(1).trim().split('\r\n');
		expect(rows[0]).toBe('customer_id,revenue,cum_share,abc_class,segment');
		expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(window.ids.A);
		expect(rows.slice(1).every((r) => r.split(',')[3] === 'A')).toBe(true);
		expect(rows.slice(1).every((r) => /[\u4e00-\u9fff]/.test(r.split(',')[4] ?? ''))).toBe(true);

		// A window without transactions: said so, and the way back is one click.
		await page.getByTestId('abc-from').fill('2030-01-01');
		await page.getByTestId('abc-to').fill('2030-12-31');
		await expect.poll(() => page.getByTestId('abc-empty').textContent()).toContain('所选期间内没有交易');

		// Back to the defaults, in English.
		await page.getByTestId('abc-window-clear').click();
		await page.getByTestId('abc-a').fill('70');
		await page.getByTestId('abc-b').fill('90');
		await page.getByTestId('abc-b').blur();
		await page.getByTestId('abc-show-all').click();
		await page.getByTestId('lang').selectOption('en');
		await expect.poll(() => pageCounts(page)).toEqual(base.counts);
		await expect.poll(() => page.getByTestId('abc-class-A').textContent()).toContain('A · key accounts');
		expect(await page.getByTestId('abc-guide').textContent()).toContain('How trainers use ABC classes');
		await page.mouse.move(0, 0);
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'abc-en.png'), fullPage: true });

		expect(errors).toEqual([]);
		await context.close();
	});
});
