/**
 * Never guess silently, in the page: a file whose dates read both as day/month and month/day is
 * asked about before the first analysis; a 2099 typo in a 31-row file is left out of the as-of shown
 * and listed by the quality view. One browser for the file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const site = useSite();
const AMBIGUOUS = path.join(ROOT, 'test/fixtures/import/ambiguous_dates.csv');
const STRAY = path.join(ROOT, 'test/fixtures/guess/stray_2099.csv');

describe('guesses the page does not make', () => {
	it.each(['en', 'zh-CN'] as const)('DD/MM or MM/DD: asked before the first analysis (%s)', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		await page.getByTestId('file-input').setInputFiles(AMBIGUOUS);
		const q = page.getByTestId('day-month-question');
		await q.waitFor({ timeout: 60_000 });
		// Nothing is analysed yet: the mapping stops at the question, no reading preselected.
		expect(await page.getByTestId('mapping-errors').textContent()).toContain(lang === 'en' ? 'Choose how to read them before the analysis runs' : '请在分析之前选择读法');
		expect(await page.getByTestId('day-month-dmy').isChecked()).toBe(false);
		expect(await page.getByTestId('day-month-mdy').isChecked()).toBe(false);
		expect(await page.getByTestId('tab-rfm').isDisabled()).toBe(true);
		await page.getByTestId('mapping').screenshot({ path: path.join(SHOTS, `guesses-day-month-${lang}.png`) });
		// An answer maps the file at once: 05/01/2024 month first is 1 May; the last purchase 07/03 → 3 July, as-of 4 July.
		await page.getByTestId('day-month-mdy').check();
		await expect.poll(() => page.getByTestId('tab-rfm').isEnabled(), { timeout: 60_000 }).toBe(true);
		await page.getByTestId('tab-rfm').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('as-of').inputValue()).toBe('2024-07-04');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a 2099 date: the as-of shown leaves it out, the quality view lists it', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 900 });
		await page.getByTestId('file-input').setInputFiles(STRAY);
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		// The last purchase before the typo is 2024-06-25.
		expect(await page.getByTestId('as-of').inputValue()).toBe('2024-06-26');
		expect(await page.getByTestId('stray-dates').textContent()).toContain('2099-06-28');
		await page.getByTestId('tab-quality').click();
		const row = page.getByTestId('finding-futureDates');
		await row.waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('finding-count-futureDates').textContent()).toBe('1');
		expect(await row.textContent()).toContain('31');
		await page.screenshot({ path: path.join(SHOTS, 'guesses-stray-quality-en.png') });
		expect(errors).toEqual([]);
		await context.close();
	});
});
