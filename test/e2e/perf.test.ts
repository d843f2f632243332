import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';
import { sampleCustomers } from './sample-data.ts';

/*
 * Issue 4 (re-segmentation and redraws): a rule edit shows its summary from the scores, the
 * coverage follows, only the figures that depend on the segments are redrawn, and a burst of edits
 * runs once with the last rules. No timings here: the bench (scripts/bench) measures them.
 */

const site = useSite();
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

const SCORE_FIGURES = ['plot-hist-r', 'plot-hist-f', 'plot-hist-m', 'plot-orders', 'plot-heat-rf', 'plot-heat-fm', 'plot-heat-rm', 'chart-rf-heatmap'];
const SEGMENT_FIGURES = ['plot-fm-scatter', 'plot-treemap', 'plot-shares', 'plot-medians', 'chart-segment-shares'];

/** Segment id → customers in the summary table, read in one go. */
const counts = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('[data-testid^="count-"]')].map((c) => [c.getAttribute('data-testid')!.slice(6), Number(c.getAttribute('data-value'))])
		)
	);
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/** Names of the page's performance measures starting with `prefix`, made after `since`. */
const measures = (page: Page, prefix: string, since: number) =>
	page.evaluate(
		([p, s]) =>
			performance
				.getEntriesByType('measure')
				.filter((m) => m.name.startsWith(p as string) && m.startTime >= (s as number))
				.map((m) => m.name),
		[prefix, since] as const
	);

/** Sets rule inputs one after another in one task (a burst of edits), returns the page time before. */
const edit = (page: Page, values: [string, number][]) =>
	page.evaluate((vs) => {
		const at = performance.now();
		for (const [id, v] of vs) {
			const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
			input.value = String(v);
			input.dispatchEvent(new Event('change', { bubbles: true }));
		}
		return at;
	}, values);

async function openWithSample(lang: 'en' | 'zh-CN') {
	const opened = await openPage(site.browser, site.url, { lang, height: 1400 });
	await opened.page.getByTestId('load-sample').click();
	await opened.page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await opened.page.getByTestId('tab-rfm').click();
	for (const id of [...SCORE_FIGURES, ...SEGMENT_FIGURES]) await opened.page.locator(`[data-testid="${id}"] svg`).first().waitFor({ timeout: 60_000 });
	await opened.page.getByTestId('customer-grid-count').waitFor();
	return opened;
}

/** Tags every figure's drawing, so a redraw (a new element) can be told from an untouched one. */
const tagFigures = (page: Page) =>
	page.evaluate((ids) => {
		for (const id of ids) document.querySelector(`[data-testid="${id}"] svg`)?.setAttribute('data-perf-tag', 'before');
	}, [...SCORE_FIGURES, ...SEGMENT_FIGURES]);
const untouched = (page: Page) =>
	page.evaluate((ids) => ids.filter((id) => document.querySelector(`[data-testid="${id}"] [data-perf-tag="before"]`)), [...SCORE_FIGURES, ...SEGMENT_FIGURES]);

describe('re-segmentation after a rule edit', () => {
	it('shows the new summary and coverage, redraws only the segment figures, and coalesces a burst of edits', async () => {
		const { page, errors, context } = await openWithSample('en');
		const before = await counts(page);
		const total = sum(before);
		expect(total).toBe(sampleCustomers());
		await page.screenshot({ path: path.join(SHOTS, 'perf-rfm-en.png'), fullPage: true });

		// One edit: rule 1's R from 5 to 4.
		await tagFigures(page);
		const at = await edit(page, [['rule-0-r-lo', 4]]);
		await eventually(() => measures(page, 'clientele:rfm-resegment-coverage', at)).toHaveLength(1);
		const after = await counts(page);
		expect(sum(after)).toBe(total);
		expect(after).not.toEqual(before);
		// The coverage agrees with the summary: each rule wins the customers of its segment.
		const won = await page.locator('[data-testid^="rule-won-"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
		const rules = await page.locator('[data-testid^="rule-"][data-rule]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')!));
		expect(Object.fromEntries(rules.map((id, i) => [id, won[i]!]).filter(([, n]) => (n as number) > 0))).toEqual(
			Object.fromEntries(Object.entries(after).filter(([id]) => id !== 'others'))
		);
		expect(await page.getByTestId('coverage').getAttribute('aria-busy')).toBe('false');
		// The segment figures are drawn anew; the score-only ones keep their drawing.
		await eventually(async () => (await untouched(page)).filter((id) => SEGMENT_FIGURES.includes(id))).toEqual([]);
		await page.getByTestId('customer-grid-count').waitFor();
		expect(await untouched(page)).toEqual(SCORE_FIGURES);

		// A burst of three edits in one task: one re-segmentation, with the last value.
		const burstAt = await edit(page, [
			['rule-0-r-lo', 3],
			['rule-0-r-lo', 2],
			['rule-0-r-lo', 4]
		]);
		await eventually(() => measures(page, 'clientele:rfm-resegment-coverage', burstAt)).toHaveLength(1);
		expect((await measures(page, 'clientele:rfm-resegment', burstAt)).sort()).toEqual([
			'clientele:rfm-resegment',
			'clientele:rfm-resegment-coverage',
			'clientele:rfm-resegment-sql',
			'clientele:rfm-resegment-view'
		]);
		expect(await page.getByTestId('rule-0-r-lo').inputValue()).toBe('4');
		expect(await counts(page)).toEqual(after);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('states the scatter sample in the note (zh-CN)', async () => {
		const { page, errors, context } = await openWithSample('zh-CN');
		const note = await page.locator('[data-testid="plot-fm-scatter"] .note').textContent();
		expect(note).toMatch(/已显示全部 [\d,]+ 位客户|显示其中 [\d,]+ 位/);
		await page.screenshot({ path: path.join(SHOTS, 'perf-rfm-zh-CN.png'), fullPage: true });
		await page.getByTestId('plot-fm-scatter').screenshot({ path: path.join(SHOTS, 'perf-scatter-zh-CN.png') });
		expect(errors).toEqual([]);
		await context.close();
	});
});
