import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const site = useSite();
const UNIX = path.join(ROOT, 'test/fixtures/import/rfm_unix_seconds.csv');
const AMBIGUOUS = path.join(ROOT, 'test/fixtures/import/ambiguous_dates.csv');

/** Unix seconds at 20:00 UTC: the next day in Shanghai (04:00), the same day in UTC. */
const LATE = ['customer,paid_at,amount', `A,${Date.UTC(2024, 0, 5, 20) / 1000},10`, `B,${Date.UTC(2024, 2, 1, 20) / 1000},20`, ''].join('\n');

/** The date range the data-quality view reports for the current mapping. */
async function qualityRange(page: Page): Promise<string> {
	await page.getByTestId('tab-quality').click();
	const card = page.getByTestId('quality-summary').locator('.card.wide strong');
	await card.waitFor({ timeout: 60_000 });
	return (await card.textContent()) ?? '';
}

async function applyAndWait(page: Page): Promise<void> {
	await page.getByTestId('apply-mapping').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
}

async function upload(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
	// From the import tab, a new mapping brings RFM forward: its summary says the load is done.
	await page.getByTestId('tab-import').click();
	await page.getByTestId('file-input').setInputFiles(file);
	await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
	await page.getByTestId('tab-import').click();
}

describe('dates and time zones in the mapping form', () => {
	it('Unix seconds: read as dates, shown in the local zone (Asia/Shanghai), another zone shifts them', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en', timezoneId: 'Asia/Shanghai' });
		await upload(page, UNIX);
		const zone = page.getByTestId('time-zone');
		expect(await zone.inputValue()).toBe('Asia/Shanghai');
		expect(await zone.locator('option:checked').textContent()).toBe('Asia/Shanghai (local)');
		expect(await page.getByTestId('date-format').textContent()).toContain('Unix time in seconds');
		expect(await page.getByTestId('time-zone-preview').textContent()).toBe('1103536800 → 2004-12-20 18:00');
		expect(await page.getByTestId('time-zone-hint').textContent()).toContain('clock time in this zone');
		await page.getByTestId('mapping').screenshot({ path: path.join(SHOTS, 'dates-tz-mapping-en.png') });
		expect(await qualityRange(page)).toBe('2004-01-11 – 2006-10-11');

		// Evening UTC times are the next morning in Shanghai; in UTC they stay on their day.
		await upload(page, { name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from(LATE, 'utf8') });
		expect(await page.getByTestId('time-zone-preview').textContent()).toBe(`${Date.UTC(2024, 0, 5, 20) / 1000} → 2024-01-06 04:00`);
		expect(await qualityRange(page)).toBe('2024-01-06 – 2024-03-02');
		await page.getByTestId('tab-import').click();
		await page.getByTestId('time-zone').selectOption('UTC');
		expect(await page.getByTestId('time-zone-preview').textContent()).toBe(`${Date.UTC(2024, 0, 5, 20) / 1000} → 2024-01-05 20:00`);
		await applyAndWait(page);
		expect(await qualityRange(page)).toBe('2024-01-05 – 2024-03-01');
		await page.getByTestId('tab-import').click();
		await page.getByTestId('time-zone').selectOption('America/New_York');
		await applyAndWait(page);
		expect(await qualityRange(page)).toBe('2024-01-05 – 2024-03-01');
		expect(errors).toEqual([]);
		await context.close();
	});

	it.each(['zh-CN', 'en'] as const)('DD/MM or MM/DD undecided (%s): the user is asked, with an example read both ways', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, timezoneId: 'Asia/Shanghai' });
		await page.getByTestId('file-input').setInputFiles(AMBIGUOUS);
		const q = page.getByTestId('day-month-question');
		await q.waitFor({ timeout: 60_000 });
		expect(await q.textContent()).toContain('05/01/2024');
		expect(await q.textContent()).toContain(lang === 'en' ? 'January 5, 2024' : '2024年1月5日');
		expect(await q.textContent()).toContain(lang === 'en' ? 'May 1, 2024' : '2024年5月1日');
		// Asked before any analysis (test/e2e/guesses.test.ts): answering day/month maps the file.
		await page.getByTestId('day-month-dmy').check();
		await expect.poll(() => page.getByTestId('tab-rfm').isEnabled(), { timeout: 60_000 }).toBe(true);
		await page.getByTestId('tab-rfm').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('day-month-dmy').isChecked()).toBe(true);
		// Text dates without an offset are wall times: the zone does not shift them, and the form says so.
		expect(await page.getByTestId('time-zone-hint').textContent()).toContain(lang === 'en' ? 'read as written' : '按原样读取');
		await page.getByTestId('mapping').screenshot({ path: path.join(SHOTS, `dates-tz-ambiguous-${lang}.png`) });
		expect(await qualityRange(page)).toBe('2024-01-05 – 2024-03-07');
		await page.getByTestId('tab-import').click();
		await page.getByTestId('day-month-mdy').check();
		await applyAndWait(page);
		expect(await qualityRange(page)).toBe('2024-05-01 – 2024-07-03');
		await page.getByTestId('tab-import').click();
		expect(await page.getByTestId('day-month-mdy').isChecked()).toBe(true);
		if (lang === 'zh-CN') {
			await upload(page, UNIX);
			await page.getByTestId('mapping').screenshot({ path: path.join(SHOTS, 'dates-tz-mapping-zh-CN.png') });
		}
		expect(errors).toEqual([]);
		await context.close();
	});
});
