/**
 * npm run screenshots [-- --readme] [--lang zh-CN|en]
 *
 * Loads the sample in the built page (dist/; run `vite build` first) in headless Chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH) and photographs every tab, in zh-CN and en, at 1440×900 and
 * 1024×768 (the viewport and the full page) into test-results/screenshots/review/, with a report of what
 * sticks out to the right of the window (overflow.json). With --readme it also writes the README's
 * pictures of the loop into docs/screenshots/. One page at a time; not part of `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openPage, ROOT, serveDist, SHOTS } from '../test/e2e/harness.ts';
import { overflowReport, settle, type Overflow } from './screenshots/overflow.ts';
import { evaluateShot, loopShots } from './screenshots/readme.ts';

const REVIEW = path.join(SHOTS, 'review');
const SIZES = [
	[1440, 900],
	[1024, 768]
] as const;
/** Each tab and what shows that it has drawn its results. */
const TABS: [tab: string, ready: string][] = [
	['import', '[data-testid="load-sample"]'],
	['data', '[data-testid="raw-grid-count"]'],
	['quality', '[data-testid="quality-summary"]'],
	['rfm', '[data-testid="segment-summary"]'],
	['migration', '[data-testid="mig-summary"]'],
	['lifecycle', '[data-testid="lc-summary"]'],
	['value', '[data-testid="chart-value-matrix"] svg'],
	['abc', '[data-testid="abc-summary"]'],
	['grade', '[data-testid="grade-tier-table"]'],
	['datasets', '[data-testid="datasets-view"]'],
	['kpis', '[data-testid="kpi-value-nps"][data-value]'],
	['journey', '[data-testid="pain-points"]'],
	['plan', '[data-testid="plan-editor"]']
];

const args = process.argv.slice(2);
const readme = args.includes('--readme');
const langArg = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
const only = langArg ? [langArg] : ['zh-CN', 'en'];

/** Loads the sample and its companion files (surveys, touchpoints, profiles). */
export async function loadSample(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await page.getByTestId('tab-datasets').click();
	await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
	await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
	await page.getByTestId('dataset-profiles-sample').click();
	await page.getByTestId('dataset-profiles-ready').waitFor({ timeout: 60_000 });
}

async function shoot(page: Page, name: string, found: Overflow[]): Promise<void> {
	for (const [w, h] of SIZES) {
		await page.setViewportSize({ width: w, height: h });
		await settle(page);
		await page.screenshot({ path: path.join(REVIEW, `${name}-${w}.png`) });
		// The full page in slices of two screens, so each is readable at its size.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		for (let y = 0, i = 1; y < height; y += 2 * h, i++)
			await page.screenshot({ path: path.join(REVIEW, `${name}-${w}-part${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(2 * h, height - y) } });
		found.push(...(await overflowReport(page, name, w)));
	}
}

/** The evaluation: the plan starts 2025-07-01 with groups as of the day before (as the README shows). */
export async function evaluate(page: Page): Promise<void> {
	await page.getByTestId('tab-rfm').click();
	await page.getByTestId('as-of').fill('2025-06-30');
	await page.getByTestId('as-of').dispatchEvent('change');
	await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor({ timeout: 60_000 });
	await page.getByTestId('tab-plan').click();
	await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 });
	await page.getByTestId('plan-start').fill('2025-07-01');
	await page.getByTestId('plan-start').dispatchEvent('change');
	await page.waitForTimeout(1500);
	await page.getByTestId('evaluate-run').click();
	await page.getByTestId('evaluate-headline').waitFor({ timeout: 60_000 });
}

async function main(): Promise<void> {
	fs.mkdirSync(REVIEW, { recursive: true });
	const server = await serveDist();
	const browser = await launch();
	const found: Overflow[] = [];
	try {
		for (const lang of only) {
			const { page, context, errors } = await openPage(browser, server.url, { lang, width: 1440, height: 900 });
			await shoot(page, `${lang}-empty`, found);
			await loadSample(page);
			for (const [tab, ready] of TABS) {
				await page.setViewportSize({ width: 1440, height: 900 });
				await page.getByTestId(`tab-${tab}`).click();
				await page.locator(ready).first().waitFor({ timeout: 120_000 });
				await shoot(page, `${lang}-${tab}`, found);
				console.log(`${lang} ${tab}`);
			}
			const docs = path.join(ROOT, 'docs/screenshots');
			if (readme) fs.mkdirSync(docs, { recursive: true });
			if (readme) await loopShots(page, lang, docs);
			await page.setViewportSize({ width: 1440, height: 900 });
			await evaluate(page);
			await page.getByTestId('evaluate').scrollIntoViewIfNeeded();
			await shoot(page, `${lang}-evaluate`, found);
			if (readme) await evaluateShot(page, lang, docs);
			if (errors.length) console.log(`${lang}: page errors:\n  ${errors.join('\n  ')}`);
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	fs.writeFileSync(path.join(REVIEW, 'overflow.json'), JSON.stringify(found, null, 1));
	for (const o of found) console.log(`${o.view} @${o.width}: ${o.what} ${o.right - o.width}px past the edge`);
	console.log(`${found.length} overflow(s); pictures in ${path.relative(ROOT, REVIEW)}/`);
}

await main();
