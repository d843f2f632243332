import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage, useSite } from './harness.ts';
import { csv, ENGINE, steps, totals, wideCsv } from './hostile-page.ts';
import { traceTasks } from './task-cpu.ts';

/**
 * The Data tab on the 10,000-column file (issue 11). It showed "Loading rows…" and ≈ 24 s later
 * DuckDB's "Out of Memory Error: Allocation failure": the data-quality report that runs after every
 * load compared whole rows over all 10,000 columns (and wrote 18 kB of SQL per parsed column), ran
 * the engine out of memory, and the grid queued behind it printed the engine's message. The grid
 * must show the rows — drawing and reading only the columns in view — and its far columns' values.
 */
const site = useSite();
const TEXT = wideCsv();
const [HEAD, ...LINES] = TEXT.trimEnd().split('\n').map((l) => l.split(','));

/** What the grid shows: header names and each drawn row's cells, aligned (spacers left out). */
function shown(page: Page): Promise<{ heads: string[]; rows: string[][] }> {
	return page.evaluate(() => {
		const grid = document.querySelector('[data-testid="raw-grid"]')!;
		const heads = [...grid.querySelectorAll('[role="columnheader"]')].slice(1).map((h) => h.querySelector('.name')?.textContent ?? '');
		const rows = [...grid.querySelectorAll('[role="rowgroup"] [role="row"]')]
			.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
			.map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? ''));
		return { heads, rows };
	});
}

/** The file's values for the columns the grid shows (computed from the generated text, not the page). */
const expected = (heads: readonly string[]) => LINES.map((line) => heads.map((h) => line[HEAD!.indexOf(h)]!));

it('10,000 columns: the Data tab shows the rows and a far column’s values; no engine message; no long task', { timeout: 170_000 }, async () => {
	const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en', width: 1280, height: 900 });
	const { analysed } = steps(() => page);
	try {
		expect(await analysed(csv('wide.csv', TEXT))).toBe(totals(2, '35.00'));
		const trace = await traceTasks(page.context().browser()!, page);
		await page.getByTestId('tab-data').click();
		const grid = page.getByTestId('raw-grid');
		await expect.poll(async () => (await shown(page)).rows.map((r) => r.join()).join('|'), { timeout: 120_000 }).not.toMatch(/^$|…/);
		const tasks = await trace.stop();
		const near = await shown(page);
		// The first columns, every row, as in the file; only the columns in view are drawn.
		expect(near.heads.slice(0, 3)).toEqual(['x0', 'x1', 'x2']);
		expect(near.rows).toEqual(expected(near.heads));
		expect(near.heads.length).toBeLessThan(60);
		// Far right: the last filler columns and the three roles.
		await grid.locator('[role="grid"]').evaluate((s) => (s.scrollLeft = s.scrollWidth));
		await expect.poll(async () => (await shown(page)).heads.at(-1), { timeout: 30_000 }).toBe('Amount');
		await expect.poll(async () => (await shown(page)).rows.flat().includes('…'), { timeout: 60_000 }).toBe(false);
		const far = await shown(page);
		// Beside the frozen x0: filler columns of the last few dozen (how many depends on the widths in view).
		expect(far.heads[1]).toMatch(/^x99[6-9]\d$/);
		expect(far.heads[0]).toBe('x0');
		expect(far.rows).toEqual(expected(far.heads));
		expect(far.rows.map((r) => r.at(-3))).toEqual(['C1', 'C1', 'C2']);
		// The quality report ran on the same file: exact duplicates are said to be unchecked, nothing failed.
		await page.getByTestId('tab-quality').click();
		await page.getByTestId('quality-duplicates-unchecked').waitFor({ timeout: 60_000 });
		const text = await page.locator('body').innerText();
		expect(text).not.toMatch(ENGINE);
		expect(text).not.toMatch(/out of memory/i);
		expect(errors.filter((e) => ENGINE.test(e) || /memory/i.test(e))).toEqual([]);
		const longest = tasks[0] ?? { cpu: 0, wall: 0 };
		console.log(`10,000-column Data tab: longest tasks ${tasks.slice(0, 3).map((t) => `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms wall)`).join(', ')}`);
		expect(longest.cpu).toBeLessThan(100);
	} finally {
		await context.close();
	}
});
