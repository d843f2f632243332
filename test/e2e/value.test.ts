import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, drawnCount, scale } from './chart-dom.ts';
import { cli, countBy, TX } from './sample-data.ts';
import { openPage, SAMPLE, SHOTS, useSite } from './harness.ts';

const site = useSite();

/** Loads the sample and opens the value view; returns the customers the RFM tab counted. */
async function openValue(page: Page): Promise<number> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	const customers = Number(/[\d,]+/.exec((await page.getByTestId('rfm-totals').textContent())!)![0].replace(/,/g, ''));
	await page.getByTestId('tab-value').click();
	await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
	return customers;
}

/** The first purchase day of the sample file. */
function firstPurchase(): string {
	return Papa.parse<Record<string, string>>(fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
		.data.filter((r) => (r.客户编号 ?? '').trim() !== '')
		.map((r) => r.下单时间 ?? '')
		.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d))
		.map((d) => d.slice(0, 10))
		.sort()[0]!;
}
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** The points of the frequency check, read from the dots' titles "<f>: <series> <value> (n = <n>)". */
async function frequencyDots(page: Page): Promise<{ f: string; series: string; value: number; n: number }[]> {
	return (await drawn(page, 'chart-clv-frequency', 'g[aria-label="dot"] circle')).marks.map((m) => {
		const [, f, series, value, n] = /^(.+?): (.+) (-?[\d.]+) \(n = ([\d,]+)\)$/.exec(m.title)!;
		return { f: f!, series: series!, value: Number(value), n: Number(n!.replace(/,/g, '')) };
	});
}

const counts = async (page: Page) =>
	Object.fromEntries(
		await Promise.all(['core', 'potential', 'general', 'low'].map(async (q) => [q, Number(((await page.getByTestId(`quadrant-count-${q}`).textContent()) ?? '').match(/^[\d,]+/)?.[0]?.replace(/,/g, ''))]))
	) as Record<string, number>;

describe('value view in Chromium', () => {
	it.each(['zh-CN', 'en'] as const)('fits CLV in a worker, checks the model, draws the matrix and lists a quadrant (%s)', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, height: 1600 });
		const customers = await openValue(page);
		await expect.poll(async () => (await page.getByTestId('clv-params').textContent()) ?? '').toMatch(/r = [\d.]+/);
		// The CLI fits the same models for the page's calibration end and hold-out end (the day the page
		// scores as of; the file's later, future-dated rows are not purchases yet); checked below.
		const observationEnd = [...(await page.getByTestId('clv-result').textContent())!.matchAll(/\d{4}-\d{2}-\d{2}/g)].at(-1)![0];
		const clv = cli(['clv', ...TX, '--calibration-end', await page.getByTestId('calibration-end').inputValue(), '--observation-end', observationEnd]);
		// Every customer of the RFM tab is in a quadrant; the matrix draws them all, or an even 4,000.
		const c = await counts(page);
		const total = Object.values(c).reduce((a, b) => a + b, 0);
		expect(total).toBe(customers);
		expect(await page.locator('[data-testid="chart-value-matrix"] g[aria-label="dot"] circle').count()).toBe(Math.min(total, 4000));
		// Tracking: actual and model, one point per week from the first purchase to the hold-out end.
		const weeks = Math.ceil((dayNumber(observationEnd) - dayNumber(firstPurchase()) + 1) / 7);
		const tracking = await drawnCount(page, 'chart-clv-tracking', 'g[aria-label="line"] path', 2);
		const week = scale(tracking.ticks.x);
		for (const line of tracking.marks) {
			expect(line.points).toHaveLength(weeks);
			expect([week(line.points[0]![0]), week(line.points.at(-1)![0])].map(Math.round)).toEqual([1, weeks]);
		}
		// Frequency check: per repeat-purchase count (0 … 7+) of the CLI's calibration customers, an
		// actual and a model point over as many customers, the model at the CLI's mean expected purchases.
		const fitted = (await clv).rows;
		const buckets = countBy(fitted, (r) => (Number(r.frequency) >= 7 ? '7+' : r.frequency!));
		const expectedMean = Object.fromEntries(
			Object.keys(buckets).map((f) => {
				const these = fitted.filter((r) => (Number(r.frequency) >= 7 ? '7+' : r.frequency) === f);
				return [f, these.reduce((a, r) => a + Number(r.expected_purchases_holdout), 0) / these.length];
			})
		);
		const dots = await frequencyDots(page);
		expect(dots).toHaveLength(2 * Object.keys(buckets).length);
		expect(dots.filter((d) => d.n !== buckets[d.f])).toEqual([]);
		const series = [...new Set(dots.map((d) => d.series))];
		expect(series).toHaveLength(2);
		const model = series[1];
		expect(dots.filter((d) => d.series === model && !(Math.abs(d.value - expectedMean[d.f]!) <= 0.0051))).toEqual([]);
		expect(await page.evaluate(() => performance.getEntriesByName('clientele:value-matrix-done').length)).toBe(1);

		await page.screenshot({ path: path.join(SHOTS, `value-${lang}.png`), fullPage: true });

		// A quadrant lists exactly its customers; export carries the CLV columns with a BOM.
		await page.getByTestId('quadrant-core').click();
		await expect.poll(async () => (await page.getByTestId('value-grid-count').textContent()) ?? '').toMatch(new RegExp(c.core!.toLocaleString('en').replace(/,/g, ',?')));
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('vm-export').click()]);
		const text = fs.readFileSync((await download.path())!, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trimEnd().split(/\r?\n/);
		expect(lines).toHaveLength(c.core! + 1);
		expect(lines[0]).toBe(lang === 'en' ? 'Customer ID,Quadrant,Service strategy,Current value,Potential value,CLV,P(alive),Expected purchases,Expected spend per purchase' : '客户编号,象限,服务策略,当前价值,潜在价值,CLV,活跃概率,预期购买次数,预期每次消费金额');

		// Typed splits move customers between quadrants; all still counted.
		await page.getByTestId('vm-split').selectOption('values');
		await page.getByTestId('vm-split-current').fill('5000');
		await page.getByTestId('vm-split-potential').fill('2000');
		await page.getByTestId('vm-log').check();
		await page.getByTestId('vm-apply').click();
		// The matrix is recomputed first (over 1 s on a loaded machine: the poll's default second is too short).
		await expect.poll(async () => (await page.getByTestId('vm-splits').textContent()) ?? '', { timeout: 30_000 }).toMatch(/5,000\.00/);
		const typed = await counts(page);
		expect(Object.values(typed).reduce((a, b) => a + b, 0)).toBe(total);
		expect(typed.core).not.toBe(c.core);
		await page.getByTestId('quadrant-core').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, `value-typed-${lang}.png`), fullPage: false });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('cancels a running fit and fits again', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en' });
		await openValue(page);
		await page.getByTestId('clv-unit').selectOption('day');
		await page.getByTestId('clv-fit').click();
		await page.getByTestId('clv-progress').waitFor();
		await page.getByTestId('clv-cancel').click();
		await page.getByTestId('clv-cancelled').waitFor();
		await page.getByTestId('clv-fit').click();
		await expect.poll(async () => (await page.getByTestId('clv-params').textContent()) ?? '', { timeout: 60_000 }).toMatch(/\(Days\)/);
		expect(errors).toEqual([]);
		await context.close();
	});
});
