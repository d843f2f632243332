import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, SHOTS, useSite } from './harness.ts';

/*
 * Accessibility: axe-core (its source injected into the page, served from node_modules, no network)
 * on every view with the sample data loaded, in both languages — no critical or serious violation.
 * With CLIENTELE_SHOTS=1, screenshots of every view at 1440×900 and 1024×768 go to SHOTS for a look.
 */

const site = useSite();
/** CLIENTELE_SHOTS=1: screenshots of every view at 1440×900 (and full page) and 1024×768. */
const SCREENSHOTS = process.env.CLIENTELE_SHOTS === '1';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Each tab and what shows that it has drawn its results. */
const VIEWS: [tab: string, ready: string][] = [
	['import', '[data-testid="load-sample"]'],
	['data', '[data-testid="raw-grid-count"]'],
	['quality', '[data-testid="quality-summary"]'],
	['rfm', '[data-testid="segment-summary"]'],
	['migration', '[data-testid="mig-summary"]'],
	['value', '[data-testid="chart-value-matrix"] svg'],
	['abc', '[data-testid="abc-summary"]'],
	['datasets', '[data-testid="datasets-view"]'],
	['kpis', '[data-testid="kpi-value-nps"][data-value]'],
	['journey', '[data-testid="pain-points"]']
];

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
	// Evaluated through the devtools protocol: the page's CSP (no inline scripts) stays as it is.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
	});
}

/** Scrolls through the page so the render queue draws every figure, then back to the top. */
async function drawAll(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 600) {
			window.scrollTo(0, y);
			await new Promise((r) => setTimeout(r, 60));
		}
		window.scrollTo(0, 0);
	});
	await page.waitForTimeout(300);
}

describe('accessibility (axe-core) on every view with the sample loaded', () => {
	it.each(['zh-CN', 'en'] as const)('has no critical or serious violation (%s)', async (lang) => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		const found: string[] = [];
		const check = async (where: string) => {
			for (const v of await axeViolations(page))
				if (v.impact === 'critical' || v.impact === 'serious')
					found.push(`${where}: ${v.id} (${v.impact}) ${v.help} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
		};
		await check('empty');
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-datasets').click();
		await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
		await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
		for (const [tab, ready] of VIEWS) {
			await page.setViewportSize({ width: 1440, height: 900 });
			await page.getByTestId(`tab-${tab}`).click();
			await page.locator(ready).first().waitFor({ timeout: 120_000 });
			await drawAll(page);
			await check(tab);
			if (!SCREENSHOTS) continue;
			await page.screenshot({ path: path.join(SHOTS, `a11y-${tab}-${lang}-1440.png`) });
			await page.screenshot({ path: path.join(SHOTS, `a11y-${tab}-${lang}-1440-full.png`), fullPage: true });
			await page.setViewportSize({ width: 1024, height: 768 });
			await page.waitForTimeout(300);
			await page.screenshot({ path: path.join(SHOTS, `a11y-${tab}-${lang}-1024.png`) });
		}
		fs.writeFileSync(path.join(SHOTS, `a11y-${lang}.txt`), found.join('\n'));
		expect(found, found.join('\n')).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	}, 600_000);
});
