import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CN8 } from '../../src/core/segments/presets.ts';
import { openPage, SHOTS, useSite } from './harness.ts';
import { sampleCustomers } from './sample-data.ts';

const CN8_IDS = CN8.rules.map((k) => k.id);

const site = useSite();

/** Segment id → customers, as the summary table shows them. */
async function counts(page: Page): Promise<Record<string, number>> {
	await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor();
	// One read of the whole table, so a re-render cannot mix two runs.
	return page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('[data-testid^="count-"]')].map((c) => [
				c.getAttribute('data-testid')!.slice('count-'.length),
				Number(c.getAttribute('data-value'))
			])
		)
	);
}
/** Polls for up to 30 s: re-scoring in a busy browser can take a few seconds. */
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

async function openWithSample(lang: 'zh-CN' | 'en') {
	const opened = await openPage(site.browser, site.url, { lang, height: 1400 });
	await opened.page.getByTestId('load-sample').click();
	await opened.page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await opened.page.getByTestId('tab-rfm').click();
	// The settings are folded after a load (results first): open them.
	await opened.page.locator('[data-testid="rfm-settings"] > summary').click();
	await opened.page.getByTestId('score-breaks').locator('table').first().waitFor();
	return opened;
}

/** Close-ups of the settings panel, summary, breaks, rule editor and guide. */
async function shootParts(page: Page, lang: string) {
	const parts = {
		methods: 'method-summary',
		panel: 'rfm-settings',
		summary: 'segment-summary',
		guide: 'segment-guide',
		breaks: 'score-breaks',
		rules: 'rule-editor'
	};
	for (const [name, id] of Object.entries(parts))
		if ((await page.getByTestId(id).count()) > 0)
			await page
				.getByTestId(id)
				.screenshot({ path: path.join(SHOTS, `rfm-settings-${name}-${lang}.png`) });
}

async function setNumber(page: Page, testid: string, value: number) {
	const input = page.getByTestId(testid);
	await input.fill(String(value));
	await input.blur();
}

describe('RFM settings, presets and the rule editor', () => {
	it('switches to the Chinese 8 classes, edits a rule, saves and loads the rules as JSON', async () => {
		const { page, errors, context } = await openWithSample('zh-CN');
		const total = sum(await counts(page));
		expect(total).toBe(sampleCustomers());
		await shootParts(page, 'r10-zh-CN');
		expect(await page.getByTestId('method-summary').textContent()).toContain(
			'R rfm：十类客户（文档版）'
		);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-settings-zh-CN.png'), fullPage: true });

		// cn8: the eight classes, mean split chosen for every dimension, counts add up to all customers.
		await page.getByTestId('preset').selectOption('cn8');
		await eventually(async () => Object.keys(await counts(page)).sort()).toEqual(
			[...CN8_IDS].sort()
		);
		const cn8 = await counts(page);
		expect(sum(cn8)).toBe(total);
		expect(await page.getByTestId('method-r').inputValue()).toBe('mean');
		expect(await page.getByTestId('segment-cn8_important_value').textContent()).toContain(
			'重要价值'
		);
		expect(await page.locator('[data-testid^="guide-"]').count()).toBe(8);
		// The breaks follow the summary (read after it).
		await eventually(() => page.getByTestId('breaks-m').locator('tbody tr').count()).toBe(2);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-settings-cn8-zh-CN.png'), fullPage: true });
		await shootParts(page, 'zh-CN');

		// Widen rule 1 (重要价值) to any F: it takes the 重要发展 customers.
		await setNumber(page, 'rule-0-f-lo', 1);
		await eventually(async () => (await counts(page)).cn8_important_value).toBe(
			cn8.cn8_important_value! + cn8.cn8_important_develop!
		);
		expect((await counts(page)).cn8_important_develop).toBeUndefined();
		expect(sum(await counts(page))).toBe(total);
		// Coverage is read after the summary (the summary comes first after an edit): wait for it.
		await eventually(async () =>
			Number(await page.getByTestId('coverage-several').getAttribute('data-value'))
		).toBe(cn8.cn8_important_develop);

		// Coverage: the customers two rules match, listed in the grid.
		await page.getByTestId('show-overlap').click();
		await eventually(() => page.getByTestId('customer-grid-count').textContent()).toContain(
			cn8.cn8_important_develop!.toLocaleString('zh-CN')
		);

		// Save as JSON: the edited range is in the file.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('rules-save').click()
		]);
		const saved = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
			id: string;
			levels: number;
			rules: { id: string; label?: string; f: number[] }[];
		};
		expect(saved.id).toBe('custom');
		expect(saved.levels).toBe(2);
		expect(saved.rules[0]!.f).toEqual([1, 2]);

		// Load it back with a user name for the first rule: the name shows in the summary.
		saved.rules[0]!.label = '核心 VIP';
		await page
			.getByTestId('rules-load')
			.setInputFiles({
				name: 'my-rules.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(saved))
			});
		await eventually(() => page.getByTestId('segment-cn8_important_value').textContent()).toContain(
			'核心 VIP'
		);
		expect(sum(await counts(page))).toBe(total);

		// A bad file: the error names the field, in Chinese; the rules stay.
		saved.rules[1]!.f = [3, 1];
		await page
			.getByTestId('rules-load')
			.setInputFiles({
				name: 'bad.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(saved))
			});
		await eventually(() => page.getByTestId('rules-error').textContent()).toBe(
			'bad.json：规则集字段 rules[1].f：最低分 3 高于最高分 1'
		);
		await page.getByTestId('rules-error').scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, 'rfm-settings-rules-zh-CN.png') });
		expect(sum(await counts(page))).toBe(total);

		// Add a rule, move it to the top, delete it again.
		await page.getByTestId('rule-add').click();
		await eventually(() => page.locator('[data-testid^="rule-name-"]').count()).toBe(9);
		await page.getByTestId('rule-up-8').click();
		await eventually(() => page.getByTestId('rule-name-7').inputValue()).toBe('新规则 9');
		await page.getByTestId('rule-delete-7').click();
		await eventually(() => page.locator('[data-testid^="rule-name-"]').count()).toBe(8);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('re-scores by another method and shows its breaks; rebuilds for another frequency', async () => {
		const { page, errors, context } = await openWithSample('en');
		const total = sum(await counts(page));
		await page.getByTestId('method-f').selectOption('thresholds');
		await page.getByTestId('cuts-f').fill('2, 3, 5, 8');
		await page.getByTestId('cuts-f').blur();
		await eventually(() => page.getByTestId('breaks-f').textContent()).toContain('[3, 5)');
		expect(await page.getByTestId('breaks-f').locator('tbody tr').count()).toBe(5);
		expect(await page.getByTestId('method-summary').textContent()).toContain(
			'F: Custom thresholds, cut points 2, 3, 5, 8'
		);
		expect(sum(await counts(page))).toBe(total);

		await page.getByTestId('cuts-f').fill('5, 2');
		await page.getByTestId('cuts-f').blur();
		await eventually(() => page.getByTestId('errors').textContent()).toContain(
			'cut points for F: 2 does not come after 5'
		);

		await page.getByTestId('method-f').selectOption('ntile');
		await page.getByTestId('frequency').selectOption('rows');
		await eventually(() => page.getByTestId('method-summary').textContent()).toContain(
			'number of transaction rows'
		);
		expect(sum(await counts(page))).toBe(total);
		await page.getByTestId('preset').selectOption('cn8');
		await eventually(async () => Object.keys(await counts(page)).length).toBe(8);
		await page.screenshot({ path: path.join(SHOTS, 'rfm-settings-cn8-en.png'), fullPage: true });
		await shootParts(page, 'en');
		expect(errors).toEqual([]);
		await context.close();
	});
});
