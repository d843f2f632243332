import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage, useSite } from './harness.ts';
import { csv, steps, totals, wideCsv } from './hostile-page.ts';
import { traceTasks } from './task-cpu.ts';

/**
 * A 10,000-column file in the page (issue 11: it loads in seconds and never freezes the main thread
 * for more than 100 ms). The preview shows a window of 40 columns; the role pickers search, listing
 * 30 columns until a search; the role guesses run in the inspection worker; the data grid builds its
 * SQL in time slices. Tasks are measured by thread CPU time from a trace (task-cpu.ts): their wall
 * time on a shared machine is mostly the wait for a CPU.
 */
const site = useSite();
/** Waits until the page is idle (its start-up tasks are over, so the trace holds only what a step costs). */
const idle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 5000 })));

it('10,000 columns: loaded in seconds; no main-thread task over the bound from the file’s choice to the result', { timeout: 120_000 }, async () => {
	const { page, context } = await openPage(site.browser, site.url, { lang: 'en', height: 900 });
	const { analysed } = steps(() => page);
	try {
		await page.getByTestId('file-input').waitFor({ state: 'attached' });
		await idle(page);
		const file = csv('wide.csv', wideCsv());
		// File choice → the mapping form drawn → the RFM result.
		const trace = await traceTasks(page.context().browser()!, page);
		const t0 = Date.now();
		expect(await analysed(file)).toBe(totals(2, '35.00'));
		const seconds = (Date.now() - t0) / 1000;
		const tasks = await trace.stop();
		const load = tasks[0] ?? { cpu: 0, wall: 0 };
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('preview-window').innerText()).toContain('1–40 of 10,000');
		expect(await page.locator('[data-testid="role-customer"] option').count()).toBeLessThanOrEqual(32);
		console.log(`10,000 columns: loaded in ${seconds.toFixed(1)} s, longest tasks ${tasks.slice(0, 5).map((t) => `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} ms wall)`).join(', ')}`);
		expect(seconds).toBeLessThan(30);
		// 2026-12-06, load average 13–16: longest task 34–39 ms CPU (wall 48–137 ms), loaded in 6–7 s.
		// Before (the role guesses on the main thread, the mapping form scanning 10,000 columns per role):
		// two tasks over 100 ms, 136–180 and 107–108 ms CPU, the same day and load. The bound is the issue's 100 ms: 2.5 × what
		// the loaded machine measured.
		expect(load.cpu).toBeLessThan(100);
	} finally {
		await context.close();
	}
});
