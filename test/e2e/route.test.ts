/**
 * The route to the deliverable (issue 12): from "load sample" to a downloaded, explained segment
 * list in three user actions, in zh-CN and in English, at 1440 × 900 — results above the fold, the
 * segment's customers in a side panel in view, disabled tabs that say why.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RFM_COLUMNS } from '../../src/core/sql/rfm-columns.ts';
import { CATALOGUES } from '../../src/i18n/translate.ts';
import { openPage, SHOTS, useSite } from './harness.ts';

const site = useSite();
const W = 1440;
const H = 900;

describe('the route: load → segment → explained CSV', () => {
	it.each(['zh-CN', 'en'] as const)('%s: three actions, results above the fold, the panel in view', async (lang) => {
		const cat = CATALOGUES[lang];
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, width: W, height: H });

		// Before a load the RFM tab is disabled and says why, on keyboard focus too (its description).
		const tab = page.getByTestId('tab-rfm');
		expect(await tab.getAttribute('aria-disabled')).toBe('true');
		await tab.focus();
		const why = page.getByTestId('tab-off-rfm');
		await why.waitFor({ state: 'visible' });
		expect(await why.textContent()).toBe(cat['route.tabOff.rfm']);
		expect(await tab.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
		await page.screenshot({ path: path.join(SHOTS, `route-tab-off-${lang}.png`) });

		// Action 1: load the sample. RFM opens with its settings folded and the results first.
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		expect(await tab.getAttribute('aria-disabled')).toBeNull();
		expect(await page.getByTestId('rfm-settings').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
		expect(await page.getByTestId('method-summary').textContent()).toContain(cat['rfmUi.preset.r10']);
		for (const id of ['segment-summary', 'chart-segment-shares', 'chart-rf-heatmap', 'export-all']) {
			const box = (await page.getByTestId(id).boundingBox())!;
			expect(box.y + box.height, `${id} above the fold`).toBeLessThanOrEqual(H);
			expect(box.x + box.width, `${id} within the width`).toBeLessThanOrEqual(W);
		}
		await page.locator('[data-testid="chart-rf-heatmap"] svg').first().waitFor();
		await page.screenshot({ path: path.join(SHOTS, `route-rfm-${lang}.png`) });

		// Action 2: click a segment. Its customers open in the side panel, in view, focus inside it.
		const count = Number(await page.getByTestId('count-champions').getAttribute('data-value'));
		await page.getByTestId('segment-champions').click();
		const panel = page.getByTestId('segment-panel');
		await panel.waitFor();
		const box = (await panel.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(W);
		expect(box.y + box.height).toBeLessThanOrEqual(H);
		expect(await panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
		expect(await page.getByTestId('panel-explain').textContent()).toContain(cat['segment.champions.action']);
		await expect.poll(() => page.getByTestId('segment-grid-count').textContent(), { timeout: 30_000 }).toContain(count.toLocaleString(lang));
		await expect.poll(() => page.locator('[data-testid="segment-grid"] [role="gridcell"]').first().textContent(), { timeout: 60_000 }).toMatch(/^C\d{6}$/);
		await page.screenshot({ path: path.join(SHOTS, `route-panel-${lang}.png`) });

		// Action 3: export the segment: the contract's columns, then meaning and action, one row per customer.
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-export').click()]);
		const text = fs.readFileSync((await download.path())!, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const csv = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
		expect(csv.meta.fields).toEqual([...RFM_COLUMNS, 'meaning', 'action']);
		expect(csv.data).toHaveLength(count);
		for (const r of csv.data) {
			expect(r.segment).toBe(cat['segment.champions']);
			expect(r.meaning).toBe(cat['segment.champions.meaning']);
			expect(r.action).toBe(cat['segment.champions.action']);
		}

		// The keyboard: Esc closes the panel and focus returns to the segment that opened it;
		// Enter on a segment opens it again.
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('segment-champions');
		await page.keyboard.press('Enter');
		await panel.waitFor();
		await page.getByTestId('panel-close').click();
		await panel.waitFor({ state: 'detached' });

		// "Export all" beside the summary: every customer, explained.
		const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
		const allCsv = Papa.parse<Record<string, string>>(fs.readFileSync((await all.path())!, 'utf8').slice(1), { header: true, skipEmptyLines: true });
		expect(allCsv.meta.fields).toEqual([...RFM_COLUMNS, 'meaning', 'action']);
		expect(allCsv.data.every((r) => r.meaning !== '' && r.action !== '')).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});
});
