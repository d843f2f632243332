import path from 'node:path';
import type { Page } from 'playwright-core';

/** The README's pictures of the loop: tab, what to scroll to the top, file name. */
const LOOP: [tab: string, top: string | null, name: string][] = [
	['rfm', null, 'loop-1-rfm'],
	['lifecycle', 'lifecycle-view', 'loop-2-lifecycle'],
	['grade', 'grade-view', 'loop-3-grade'],
	['plan', 'plan-view', 'loop-4-plan']
];

async function scrollTo(page: Page, testid: string | null): Promise<void> {
	await page.evaluate((id) => {
		const el = id ? document.querySelector(`[data-testid="${id}"]`) : null;
		window.scrollTo(0, el ? el.getBoundingClientRect().top + window.scrollY - 8 : 0);
	}, testid);
	// The pointer rests off the page, so no button shows its hover border.
	await page.mouse.move(0, 0);
	await page.waitForTimeout(500);
}

/**
 * At 1440 × 900, before the evaluation (which changes the as-of date): in Chinese the README's first
 * picture (RFM, results first, docs/screenshot-rfm-zh-CN.png); in English the loop's steps.
 */
export async function loopShots(page: Page, lang: string, dir: string): Promise<void> {
	await page.setViewportSize({ width: 1440, height: 900 });
	if (lang !== 'en') {
		await page.getByTestId('tab-rfm').click();
		await page.locator('[data-testid="chart-rf-heatmap"] svg').first().waitFor();
		await scrollTo(page, null);
		await page.screenshot({ path: path.join(dir, '..', `screenshot-rfm-${lang}.png`) });
		return;
	}
	for (const [tab, top, name] of LOOP) {
		await page.getByTestId(`tab-${tab}`).click();
		await page.waitForTimeout(800);
		await scrollTo(page, top);
		await page.screenshot({ path: path.join(dir, `${name}-${lang}.png`) });
	}
}

/** The evaluation's headline and groups. */
export async function evaluateShot(page: Page, lang: string, dir: string): Promise<void> {
	if (lang !== 'en') return;
	await page.setViewportSize({ width: 1440, height: 900 });
	await scrollTo(page, 'evaluate');
	await page.screenshot({ path: path.join(dir, `loop-5-evaluate-${lang}.png`) });
}
