import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { R_SEGMENT_NAMES } from '../../src/core/segments/rules.ts';
import { drawn, drawnCount, grid, nearest, num, tableCells } from './chart-dom.ts';
import { cli, countBy, TX } from './sample-data.ts';
import { foreignRequests, openPage, ROOT, SAMPLE, SHOTS, useSite } from './harness.ts';
import { mostlyUtf8Csv } from '../helpers/mostly-utf8.ts';

const site = useSite();

/** What the `rfm` CLI writes for the sample: customers per segment id, and per R × F cell ("r|f"). */
async function cliRfm(): Promise<{ counts: Record<string, number>; rf: Record<string, number> }> {
	const { fields, rows } = await cli(['rfm', ...TX]);
	expect(fields.join(',')).toBe('customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment');
	const byName = Object.fromEntries(Object.entries(R_SEGMENT_NAMES).map(([id, name]) => [name, id]));
	return { counts: countBy(rows, (r) => byName[r.segment!] ?? r.segment!), rf: countBy(rows, (r) => `${r.r_score}|${r.f_score}`) };
}

describe('the built site in Chromium', () => {
	it('loads the sample offline, shows the same segments as the CLI, lists and exports a segment', async () => {
		const rfm = cliRfm();
		const { page, requests, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await page.screenshot({ path: path.join(SHOTS, 'import-zh-CN.png'), fullPage: true });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		const { counts: expected, rf } = await rfm;

		// Segment counts in the page equal the CLI's for the same file.
		const shown: Record<string, number> = {};
		for (const cell of await page.locator('[data-testid^="count-"]').all()) {
			const id = (await cell.getAttribute('data-testid'))!.slice('count-'.length);
			shown[id] = Number(await cell.getAttribute('data-value'));
		}
		expect(shown).toEqual(expected);
		expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(num(/[\d,]+/.exec((await page.getByTestId('rfm-totals').textContent())!)![0]));

		// The shares chart: a customer bar and a revenue bar per row of the table, in its order, with its shares.
		const table = (await tableCells(page, 'segment-summary')).map((r) => ({ name: r[0]!, share: r[2]!, revenue: r[5]! }));
		const bars = await drawnCount(page, 'chart-segment-shares', 'g[aria-label="bar"] rect', 2 * table.length);
		expect(bars.ticks.fy.map((t) => t.label)).toEqual(table.map((r) => r.name));
		const labels = await drawn(page, 'chart-segment-shares', 'g[aria-label="text"] text');
		const labelled: Record<string, number[]> = {};
		for (const m of labels.marks) (labelled[nearest(labels.ticks.fy, m.y)] ??= []).push(num(m.text));
		expect(labelled).toEqual(Object.fromEntries(table.map((r) => [r.name, [num(r.share), num(r.revenue)]])));
		// The R × F heatmap: one cell per score pair the CLI finds, each labelled with its customers.
		await drawnCount(page, 'chart-rf-heatmap', 'g[aria-label="cell"] rect', Object.keys(rf).length);
		expect(grid(await drawn(page, 'chart-rf-heatmap', 'g[aria-label="text"] text'))).toEqual(rf);
		await page.waitForTimeout(300);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-zh-CN.png'), fullPage: true });

		// Click a segment: its side panel lists exactly its customers.
		await page.getByTestId('segment-champions').click();
		await expect.poll(() => page.getByTestId('segment-grid-count').textContent(), { timeout: 30_000 }).toContain(expected.champions!.toLocaleString('zh-CN'));
		await expect.poll(() => page.locator('[data-testid="segment-grid"] [role="gridcell"]').first().textContent(), { timeout: 60_000 }).toMatch(/^C\d{6}$/);

		// Export it: UTF-8 BOM, the contract's columns then meaning and action, one row per customer, ids as written.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-export').click()]);
		const file = await download.path();
		const text = fs.readFileSync(file, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const rows = text.slice(1).trim().split('\r\n');
		expect(rows[0]).toBe('customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment,meaning,action');
		expect(rows.length - 1).toBe(expected.champions);
		expect(rows.slice(1).every((r) => /^C\d{6},/.test(r) && r.includes(',冠军客户,'))).toBe(true);
		await page.getByTestId('panel-close').click();

		// The raw data grid pages rows out of DuckDB and sorts on a header click.
		await page.getByTestId('tab-data').click();
		await page.getByTestId('raw-grid-count').waitFor();
		const csvRows = Papa.parse(fs.readFileSync(SAMPLE, 'utf8'), { skipEmptyLines: true }).data.length - 1;
		expect(await page.getByTestId('raw-grid-count').textContent()).toBe(`${csvRows.toLocaleString('zh-CN')} 行`);
		await page.locator('[data-testid="raw-grid"] [role="columnheader"]', { hasText: '实付金额' }).click();
		await expect.poll(() => page.locator('[data-testid="raw-grid"] [aria-sort="ascending"]').count()).toBe(1);
		// The sorted rows have arrived (a row still being fetched shows …).
		await expect.poll(() => page.locator('[data-testid="raw-grid"] [role="gridcell"]').first().textContent()).not.toBe('…');
		await page.screenshot({ path: path.join(SHOTS, 'data-zh-CN.png') });

		// Switch language: the same view in English.
		await page.getByTestId('lang').selectOption('en');
		await page.getByTestId('tab-rfm').click();
		await expect.poll(() => page.getByTestId('segment-champions').textContent()).toContain('Champions');
		await page.screenshot({ path: path.join(SHOTS, 'rfm-en.png'), fullPage: true });

		expect(foreignRequests(requests, site.url.replace(/\/$/, ''))).toEqual([]);
		expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('explains a date column that cannot work, with the column, the count, the row and the value', async () => {
		const { page, context } = await openPage(site.browser, site.url, { lang: 'en' });
		await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'test/fixtures/e2e/bad-dates.csv'));
		await page.getByTestId('mapping-errors').waitFor({ timeout: 60_000 });
		const text = await page.getByTestId('mapping-errors').textContent();
		expect(text).toContain("column 日期: 2 values are not dates, first at row 2: '2024-13-01'");
		await page.screenshot({ path: path.join(SHOTS, 'mapping-error-en.png'), fullPage: true });
		// The app keeps working: the user maps again after a fix, or loads another file.
		await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'test/fixtures/e2e/bad-amounts.csv'));
		await expect.poll(() => page.getByTestId('mapping-errors').textContent()).toContain("column 金额: 3 values are not numbers, first at row 1: 'abc'");
		await context.close();
	});

	it('reads a GBK file exported by Excel on Chinese Windows (encoding detected, transcoded as a stream)', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'test/fixtures/e2e/gbk-orders.csv'));
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		// ¥1,280.00 + ¥35.50 + ¥99.00 (the cells carry a GBK yen sign), money shown with two decimals.
		expect(await page.getByTestId('rfm-totals').textContent()).toContain('2 位客户，销售额 1,414.50');
		// Results come first; the mapping is on the import tab.
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('role-customer').inputValue()).toBe('客户编号');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps a file that is UTF-8 but for three lines as UTF-8, says which lines and offers the encoding choice', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN' });
		const buffer = Buffer.from(mostlyUtf8Csv());
		await page.getByTestId('file-input').setInputFiles({ name: 'mostly-utf8.csv', mimeType: 'text/csv', buffer });
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		// 5 customers (José, Zoë, 张三, Renée, Ana — read as UTF-8, not as 1252), Σ (10 i + 0.5) for i = 1…40 = 8,220.
		expect(await page.getByTestId('rfm-totals').textContent()).toContain('5 位客户，销售额 8,220.00');
		await page.getByTestId('tab-import').click();
		const warning = await page.getByTestId('encoding-repaired').textContent();
		expect(warning).toContain('mostly-utf8.csv 按 UTF-8 读取，但有 3 行含有不是 UTF-8 的字节（行号 7, 23, 38）');
		expect(await page.getByTestId('encoding-select').isVisible()).toBe(true);
		await page.screenshot({ path: path.join(SHOTS, 'encoding-repaired-zh-CN.png') });
		// Two exports read as one dataset: the warning names the one with bad bytes; the totals double.
		const clean = Buffer.from(mostlyUtf8Csv(40, '\n', []));
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'clean.csv', mimeType: 'text/csv', buffer: clean },
			{ name: 'mostly-utf8.csv', mimeType: 'text/csv', buffer }
		]);
		await expect.poll(() => page.getByTestId('rfm-totals').textContent(), { timeout: 60_000 }).toContain('5 位客户，销售额 1.64万') // 2 × 8,220 = 16,440, shown in 万;
		expect(await page.getByTestId('encoding-repaired').textContent()).toContain('mostly-utf8.csv 按 UTF-8 读取，但有 3 行');
		// A profile file likewise: 9 lines of valid UTF-8 (é) and one with a lone 1252 byte on line 4.
		const profileLines = ['customer,note', ...Array.from({ length: 10 }, (_, i) => `C${i + 1},café ${i + 1}`)];
		const profileBytes = Buffer.concat(profileLines.map((l, n) => (n === 3 ? Buffer.from([...Buffer.from('C3,caf'), 0xe9, ...Buffer.from(' 3')]) : Buffer.from(l))).flatMap((b) => [b, Buffer.from('\n')]));
		await page.getByTestId('tab-datasets').click();
		await page.getByTestId('dataset-profiles-input').setInputFiles({ name: 'profiles-bad.csv', mimeType: 'text/csv', buffer: profileBytes });
		await page.getByTestId('dataset-profiles-ready').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('dataset-profiles-warnings').textContent()).toContain('profiles-bad.csv 按 UTF-8 读取，但有 1 行含有不是 UTF-8 的字节（行号 4）');
		expect(errors).toEqual([]);
		await context.close();
	});
});
