import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../../src/core/tour/steps.ts';
import { tourMessages } from '../../src/i18n/parts/tour.ts';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const site = useSite();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's critical and serious findings inside the tour's popover and ring. */
async function popoverViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: object, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
		const r = await axe.run({ include: [['[data-testid="tour-popover"]']] }, { resultTypes: ['violations'] });
		return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id);
	});
}

/** The popover's step once it points at its element (finding → showing). */
async function shownStep(page: Page): Promise<string> {
	const pop = page.locator('[data-testid="tour-popover"][data-phase="showing"]');
	await pop.waitFor({ timeout: 60_000 });
	return (await pop.getAttribute('data-step')) ?? '';
}

/**
 * What is wrong with the step's geometry, read in one frame (element, ring, popover, viewport) after
 * the popover's follow loop has run twice; [] when the ring surrounds the element (4 px outside it) and
 * the popover is on screen and clear of the element.
 */
async function geometryFaults(page: Page, target: string, step: string): Promise<string[]> {
	return page.evaluate(
		async ([sel, step]) => {
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			const box = (q: string) => document.querySelector(q)?.getBoundingClientRect() ?? null;
			const [t, ring, pop] = [box(sel), box('[data-testid="tour-ring"]'), box('[data-testid="tour-popover"]')];
			if (!t || !ring || !pop) return [`${step}: element ${!!t}, ring ${!!ring}, popover ${!!pop}`];
			const w = document.documentElement.clientWidth;
			const h = innerHeight;
			const out: string[] = [];
			if (ring.left > t.left || ring.top > t.top || ring.right < t.right - 1 || ring.bottom < t.bottom - 1)
				out.push(`${step}: ring ${ring.left},${ring.top}–${ring.right},${ring.bottom} does not surround ${t.left},${t.top}–${t.right},${t.bottom}`);
			if (pop.left < 0 || pop.top < 0 || pop.right > w || pop.bottom > h) out.push(`${step}: popover off screen`);
			if (!(pop.left >= t.right || t.left >= pop.right || pop.top >= t.bottom || t.top >= pop.bottom)) out.push(`${step}: popover covers its element`);
			return out;
		},
		[`[data-tour="${target}"]`, step] as const
	);
}

/** The step's element is visible, marked, ringed, and not covered by the popover, which is on screen. */
async function checkPointing(page: Page, step: string): Promise<void> {
	const target = TOUR_STEPS.find((s) => s.id === step)!.target;
	const el = page.locator(`[data-tour="${target}"]`);
	expect(await el.isVisible(), step).toBe(true);
	expect(await el.getAttribute('data-tour-active'), step).toBe('');
	// A view may still be drawing (a late layout change moves the element): the ring follows it within a
	// frame, so the geometry is read in one frame and must come right while the page settles.
	await expect.poll(() => geometryFaults(page, target, step)).toEqual([]);
}

describe('trainer mode in Chromium (sample data)', () => {
	it('zh-CN: the tour loads the sample, runs every step in order to the end, and resumes where it was left', async () => {
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1024, height: 768 });
		await page.getByTestId('tour-start').click();
		// Nothing was loaded: the sample loads without a question.
		await page.locator('[data-testid="tour-popover"][data-phase="loading"]').waitFor({ timeout: 10_000 });
		const seen: string[] = [];
		for (;;) {
			const step = await shownStep(page);
			seen.push(step);
			await checkPointing(page, step);
			expect(await page.getByTestId('tour-count').textContent()).toBe(`第 ${seen.length} 步，共 ${TOUR_STEPS.length} 步`);
			expect(await page.getByTestId('tour-body').textContent()).toBe(tourMessages.zh[`tour.step.${step as 'why'}.body`]);
			// The focus is in the popover, on its main button.
			expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="tour-popover"]') !== null)).toBe(true);
			if (seen.length === 2) {
				await page.screenshot({ path: path.join(SHOTS, 'tour-zh-1024-abc.png') });
				expect(await popoverViolations(page)).toEqual([]);
			}
			if (await page.getByTestId('tour-done').isVisible()) break;
			// Enter on the focused Next button moves on.
			await page.keyboard.press('Enter');
			await page.locator(`[data-testid="tour-popover"]:not([data-step="${step}"])`).waitFor();
		}
		// Every step, in the training material's order (the sample has every view).
		expect(seen).toEqual(TOUR_STEPS.map((s) => s.id));
		await page.getByTestId('tour-done').click();
		expect(await page.getByTestId('tour-popover').count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tour-start');

		// Finished: the next tour starts at step 1 (the sample is loaded: no question). Leave it at step 3 with Esc…
		await page.getByTestId('tour-start').click();
		expect(await shownStep(page)).toBe('why');
		await page.getByTestId('tour-next').click();
		expect(await shownStep(page)).toBe('abc');
		await page.getByTestId('tour-next').click();
		expect(await shownStep(page)).toBe('rfm');
		await page.keyboard.press('Escape');
		expect(await page.getByTestId('tour-popover').count()).toBe(0);
		expect(await page.locator('[data-tour-active]').count()).toBe(0);
		await page.getByTestId('tab-kpis').click();
		// …and resume it at step 3, its view opened again.
		await page.getByTestId('tour-start').click();
		expect(await shownStep(page)).toBe('rfm');
		expect(await page.getByTestId('tour-count').textContent()).toBe(`第 3 步，共 ${TOUR_STEPS.length} 步`);
		expect(await page.getByTestId('tab-rfm').getAttribute('class')).toContain('active');
		await page.getByTestId('tour-back').click();
		expect(await shownStep(page)).toBe('abc');
		await page.getByTestId('tour-close').click();
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it('en: own data is never replaced unasked; a step in English; presenter view: PageDown changes the tab, → in an input does not', async () => {
		const { page, errors } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 900 });
		await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'test/fixtures/e2e/orders-cost.csv'));
		await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
		const own = await page.getByTestId('rfm-totals').getAttribute('data-customers');
		// Own data loaded: the tour asks first, the focus on its question; Esc (or Cancel) keeps the data.
		await page.getByTestId('tour-start').click();
		await page.locator('[data-testid="tour-popover"][data-phase="ask"]').waitFor();
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tour-ask-sample');
		await page.screenshot({ path: path.join(SHOTS, 'tour-en-1440-ask.png') });
		await page.keyboard.press('Escape');
		expect(await page.getByTestId('tour-popover').count()).toBe(0);
		expect(await page.getByTestId('rfm-totals').getAttribute('data-customers')).toBe(own);
		// "Tour my data": the tour runs on the user's data, nothing loaded.
		await page.getByTestId('tour-start').click();
		await page.getByTestId('tour-ask-own').click();
		expect(await shownStep(page)).toBe('why');
		expect(await page.getByTestId('rfm-totals').getAttribute('data-customers')).toBe(own);
		await page.getByTestId('tour-close').click();
		// "Load the sample": only now is the data replaced, and the tour goes on where it was.
		await page.getByTestId('tour-start').click();
		await page.getByTestId('tour-ask-sample').click();
		expect(await shownStep(page)).toBe('why');
		expect(await page.getByTestId('rfm-totals').getAttribute('data-customers')).not.toBe(own);
		await page.getByTestId('tour-next').click();
		expect(await shownStep(page)).toBe('abc');
		expect(await page.locator('#tour-title').textContent()).toBe('ABC: where the revenue comes from');
		expect(await page.getByTestId('tour-body').textContent()).toContain('A while it is at most 70\u00a0%, B up to 90\u00a0%');
		await page.screenshot({ path: path.join(SHOTS, 'tour-en-1440-abc.png') });
		// Opening another tab leaves the tour (it resumes from the button).
		await page.getByTestId('tab-rfm').click();
		await page.getByTestId('tour-popover').waitFor({ state: 'detached' });
		expect(await page.locator('[data-tour-active]').count()).toBe(0);

		await page.getByTestId('presenter-toggle').click();
		expect(await page.getByTestId('presenter-toggle').getAttribute('aria-pressed')).toBe('true');
		expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(true);
		// Secondary controls are hidden, text is larger.
		expect(await page.getByTestId('project-menu').isVisible()).toBe(false);
		expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(16);
		const active = () => page.locator('nav .tab.active').getAttribute('data-testid');
		expect(await active()).toBe('tab-rfm');
		await page.keyboard.press('PageDown');
		const afterRfm = await active();
		expect(afterRfm).not.toBe('tab-rfm');
		await page.keyboard.press('PageUp');
		expect(await active()).toBe('tab-rfm');
		await page.keyboard.press('ArrowRight');
		expect(await active()).toBe(afterRfm);
		// → inside an input moves the caret, not the tab.
		await page.getByTestId('tab-rfm').click();
		await page.getByTestId('as-of').focus();
		await page.keyboard.press('ArrowRight');
		expect(await active()).toBe('tab-rfm');
		await page.screenshot({ path: path.join(SHOTS, 'presenter-en-1440.png') });
		await page.getByTestId('presenter-toggle').click();
		expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(false);
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
