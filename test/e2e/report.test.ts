import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../src/core/project/link.ts';
import { readZip } from '../../src/core/project/zip.ts';
import { reportMessages } from '../../src/i18n/parts/report.ts';
import { openPage, SHOTS, useSite } from './harness.ts';
import { pdfPages } from './pdf-text.ts';

const site = useSite();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's critical and serious findings on the page (as test/e2e/a11y.test.ts checks the other tabs). */
async function seriousA11y(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	return page.evaluate(async () => {
		type Found = { id: string; impact: string | null; nodes: { target: string[] }[] };
		const r = await (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: Found[] }> } }).axe.run(document);
		return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	});
}
const SECTIONS = ['summary', 'segments', 'charts', 'matrix', 'kpis', 'journey', 'plans'] as const;
const heading = (lang: 'zh' | 'en', id: (typeof SECTIONS)[number]) => reportMessages[lang][`report.section.${id}`];

/**
 * Whether a PDF page's text holds `want`. Whitespace is dropped (Skia draws glyph runs apart), and a
 * CJK radical in the PDF (the font maps 户 to ⼾, 比 to ⽐ …) stands for any Han character.
 */
function pdfHas(page: string, want: string): boolean {
	const got = page.replace(/\s+/g, '').replace(/[\u2E80-\u2FDF]/g, '?');
	const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const re = [...want.replace(/\s+/g, '')].map((c) => (/\p{Script=Han}/u.test(c) ? `[${c}?]` : esc(c))).join('');
	return new RegExp(re).test(got);
}

/** Whether a PDF page begins with `want` (a section's heading opens its page), after its page number ("2 / 7", drawn first). */
function pdfStarts(page: string, want: string): boolean {
	return pdfHas(page.replace(/\s+/g, '').replace(/^\d+\/\d+/, '').slice(0, want.replace(/\s+/g, '').length), want);
}

/** Controls a reader of the printed page would see (print media must hide them all). */
async function visibleControls(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('button, input, select, textarea, nav, header')]
			.filter((e) => (e as HTMLElement).checkVisibility())
			.map((e) => `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? ''}]`)
	);
}

async function printPdf(page: Page, file: string): Promise<string[]> {
	const pdf = await page.pdf({ format: 'A4' });
	fs.writeFileSync(path.join(SHOTS, file), pdf);
	return pdfPages(pdf);
}

describe('the printable report', () => {
	it('lists what is missing, prints the chosen sections to A4 in zh and en without any control, and hides small groups', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		try {
			// Before any data: every section is listed, each unavailable one with its reason; nothing to print.
			await page.getByTestId('tab-report').click();
			for (const id of SECTIONS) expect(await page.getByTestId(`report-section-${id}`).getAttribute('data-available'), id).toBe('false');
			expect(await page.getByTestId('report-reason-segments').textContent()).toBe(reportMessages.zh['report.reason.noData']);
			expect(await page.getByTestId('report-print').isDisabled()).toBe(true);

			// The empty state offers the sample, loaded from here.
			await page.getByTestId('report-empty-sample').click();
			await expect.poll(() => page.getByTestId('report-section-segments').getAttribute('data-available'), { timeout: 120_000 }).toBe('true');
			expect(await page.getByTestId('report-empty').count()).toBe(0);
			await page.getByTestId('tab-rfm').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			// The RFM view's counts, to check the report's small cells against.
			const counts = await page.$$eval('[data-testid^="count-"]', (cells) => cells.map((c) => [c.getAttribute('data-testid')!.slice(6), Number(c.getAttribute('data-value'))] as const));
			await page.getByTestId('tab-datasets').click();
			await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
			await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });

			// The value matrix and the action list have not run: said, and listed as not included.
			await page.getByTestId('tab-report').click();
			for (const id of ['kpis', 'journey']) await expect.poll(() => page.getByTestId(`report-section-${id}`).getAttribute('data-available'), { timeout: 60_000 }).toBe('true');
			expect(await page.getByTestId('report-reason-matrix').textContent()).toBe(reportMessages.zh['report.reason.matrixNotRun']);
			expect(await page.getByTestId('report-reason-plans').textContent()).toBe(reportMessages.zh['report.reason.planNotRun']);
			expect(await page.locator('[data-testid="report-missing"] li').evaluateAll((li) => li.map((x) => x.getAttribute('data-section')))).toEqual(['matrix', 'plans']);

			// Each reason leads to the tab that makes what is missing.
			await page.getByTestId('report-go-matrix').click();
			await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
			await page.getByTestId('tab-report').click();
			await page.getByTestId('report-go-plans').click();
			await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 });
			await page.getByTestId('tab-report').click();
			for (const id of SECTIONS) await expect.poll(() => page.getByTestId(`report-section-${id}`).getAttribute('data-available'), { timeout: 60_000 }).toBe('true');
			// NPS, CSAT and CES from the survey file, at least.
			await expect.poll(() => page.locator('[data-testid="report-kpis"] tbody tr').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

			// The user's text is printed as text (never markup).
			const client = '示例贸易 <b>有限公司</b>';
			await page.getByTestId('report-client-name').fill(client);
			await page.getByTestId('report-comment-segments').fill('冠军客户贡献了大部分销售额。');
			expect(await page.getByTestId('report-client').textContent()).toBe(client);
			await page.locator('[data-testid="report-doc"] figure svg').first().waitFor();
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: path.join(SHOTS, 'report-builder-zh-CN.png') });
			expect(await seriousA11y(page)).toEqual([]);

			// Print media: the sheets alone, no control of any kind.
			await page.emulateMedia({ media: 'print' });
			expect(await visibleControls(page)).toEqual([]);
			expect(await page.getByTestId('report-comment-text-segments').isVisible()).toBe(true);
			await page.screenshot({ path: path.join(SHOTS, 'report-print-zh-CN.png'), fullPage: true });
			const zh = await printPdf(page, 'report-zh-CN.pdf');
			// A title page, then a page (or more) per section.
			expect(zh.length).toBeGreaterThanOrEqual(SECTIONS.length);
			expect(zh.length).toBeLessThanOrEqual(SECTIONS.length * 3);
			expect(pdfHas(zh[0]!, reportMessages.zh['report.doc.title'])).toBe(true);
			expect(pdfHas(zh[0]!, heading('zh', 'summary'))).toBe(true);
			expect(zh[0]).toContain('<b>');
			// Each other section starts a page with its heading.
			for (const id of SECTIONS.slice(1)) expect(zh.findIndex((p) => pdfStarts(p, heading('zh', id))), id).toBeGreaterThan(0);
			expect(zh.some((p) => pdfHas(p, '冠军客户贡献了大部分销售额。'))).toBe(true);
			// Each page is numbered "page / pages".
			zh.forEach((p, i) => expect(p.replace(/\s+/g, '').startsWith(`${i + 1}/${zh.length}`), `page ${i + 1}`).toBe(true));
			// The charts' download buttons and the builder are not printed.
			expect(zh.join(' ')).not.toMatch(/SVG|PNG/);
			expect(zh.some((p) => pdfHas(p, reportMessages.zh['report.builder']))).toBe(false);
			await page.emulateMedia({ media: null });

			// The report's language is its own: English headings while the page stays in Chinese.
			await page.getByTestId('report-lang').selectOption('en');
			await expect.poll(() => page.getByTestId('report-h-segments').textContent()).toBe(heading('en', 'segments'));
			expect(await page.getByTestId('tab-report').textContent()).toBe(reportMessages.zh['nav.report']);

			// The page in English too: the builder's screenshot, and the English PDF.
			await page.getByTestId('lang').selectOption('en');
			await expect.poll(() => page.getByTestId('tab-report').textContent()).toBe(reportMessages.en['nav.report']);
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: path.join(SHOTS, 'report-builder-en.png') });
			await page.emulateMedia({ media: 'print' });
			expect(await visibleControls(page)).toEqual([]);
			await page.screenshot({ path: path.join(SHOTS, 'report-print-en.png'), fullPage: true });
			const en = await printPdf(page, 'report-en.pdf');
			expect(en.length).toBeGreaterThanOrEqual(SECTIONS.length);
			expect(pdfHas(en[0]!, reportMessages.en['report.doc.title'])).toBe(true);
			for (const id of SECTIONS.slice(1)) expect(en.findIndex((p) => pdfStarts(p, heading('en', id))), id).toBeGreaterThan(0);
			await page.emulateMedia({ media: null });

			// Fewer sections, fewer pages: the title page and the KPIs.
			for (const id of SECTIONS) if (id !== 'kpis' && id !== 'summary') await page.getByTestId(`report-pick-${id}`).uncheck();
			const two = await printPdf(page, 'report-two.pdf');
			expect(two.length).toBe(2);
			for (const id of SECTIONS) await page.getByTestId(`report-pick-${id}`).check();

			// Small cells: every segment of fewer than 5 customers shows "<5" and none of its figures.
			await page.getByTestId('report-suppress').check();
			const small = counts.filter(([, n]) => n > 0 && n < 5).map(([s]) => s);
			const rows = await page.locator('[data-testid="report-segments"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)));
			expect(rows.length).toBe(counts.length);
			const printedSmall = rows.filter((r) => r[0] === '<5');
			expect(printedSmall.length).toBe(small.length);
			for (const r of printedSmall) expect(r.slice(1)).toEqual(['—', '—', '—']);
			// Single-customer charts are left out of a copy for outside the team.
			expect(await page.getByTestId('report-matrix-chart').count()).toBe(0);
			expect(await page.getByTestId('report-heatmap').count()).toBe(0);
			expect(await page.getByTestId('report-suppressed').isVisible()).toBe(true);

			// The project file keeps the report's choices and the user's text; the link only the choices.
			const download = page.waitForEvent('download');
			await page.getByTestId('project-save').click();
			await page.getByTestId('project-save-file').click();
			const zip = await readZip(fs.readFileSync((await (await download).path())!));
			const saved = JSON.parse(new TextDecoder().decode(zip!.get('project.json'))) as { settings: { report: Record<string, unknown> } };
			expect(saved.settings.report).toMatchObject({ clientName: client, lang: 'en', suppressK: 5, commentary: { segments: '冠军客户贡献了大部分销售额。' } });
			await page.getByTestId('project-close').click();
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.getByTestId('project-link').click();
			await expect.poll(() => page.getByTestId('project-notes').textContent()).toContain('Link copied');
			const link = await decodeLink(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash);
			expect(link?.report).toEqual({ sections: [...SECTIONS], lang: 'en', suppressK: 5 });
			expect(JSON.stringify(link)).not.toMatch(/示例贸易|冠军客户贡献/);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
