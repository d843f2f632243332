import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useSite } from './harness.ts';

const site = useSite();

type Totals = { customers: number; revenue: number };

async function totals(page: Page, testid: string): Promise<Totals> {
	const el = page.getByTestId(testid);
	return { customers: Number(await el.getAttribute('data-customers')), revenue: Number(await el.getAttribute('data-revenue')) };
}

/** Polls a view's totals until they agree with `want` (same customers, revenue within a cent per customer of rounding). */
async function agree(page: Page, testid: string, want: Totals): Promise<Totals> {
	await expect
		.poll(async () => {
			const t = await totals(page, testid);
			return t.customers === want.customers && Math.abs(t.revenue - want.revenue) < 1;
		}, { timeout: 180_000 })
		.toBe(true);
	return totals(page, testid);
}

describe('one analysis window in Chromium', () => {
	it('the header’s window drives RFM, ABC and the value matrix: their totals change together and agree', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			// Defaults: the first transaction day to RFM's as-of (the day after the last one, strays left out).
			expect([await page.getByTestId('window-start').inputValue(), await page.getByTestId('window-as-of').inputValue()]).toEqual(['2024-01-01', '2026-01-01']);
			const rfm0 = await totals(page, 'rfm-totals');
			expect(Math.round(rfm0.revenue)).toBe(12_643_575);
			await page.getByTestId('tab-abc').click();
			await agree(page, 'abc-totals', rfm0);

			// A half-year window, set in the header while ABC is shown.
			await page.getByTestId('window-start').fill('2025-01-01');
			await page.getByTestId('window-as-of').fill('2025-06-30');
			await page.getByTestId('window-as-of').dispatchEvent('change');
			await expect.poll(async () => (await totals(page, 'abc-totals')).revenue, { timeout: 60_000 }).toBeLessThan(rfm0.revenue * 0.6);
			const abc1 = await totals(page, 'abc-totals');
			expect(abc1.customers).toBeLessThan(rfm0.customers);
			await page.getByTestId('tab-rfm').click();
			await agree(page, 'rfm-totals', abc1);
			expect(await page.getByTestId('as-of').inputValue()).toBe('2025-06-30');

			await page.getByTestId('tab-value').click();
			await page.getByTestId('quadrant-cards').waitFor({ timeout: 180_000 });
			await agree(page, 'vm-window', abc1);

			// Reset: back to the whole data everywhere.
			await page.getByTestId('window-reset').click();
			await agree(page, 'vm-window', rfm0);
			await page.getByTestId('tab-abc').click();
			await agree(page, 'abc-totals', rfm0);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 600_000);
});
