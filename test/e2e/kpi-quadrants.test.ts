import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, drawnCount, grid, nearest, num, tableCells } from './chart-dom.ts';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';
import { sampleFile } from './sample-data.ts';

const SAMPLE = path.join(ROOT, 'public/sample');
const QUADRANTS = ['core', 'potential', 'general', 'low'] as const;
/** The value view's quadrant names in its export, per language. */
const NAMES: Record<string, Record<string, string>> = {
	'zh-CN': { 核心价值客户: 'core', 潜力客户: 'potential', 一般客户: 'general', 低价值客户: 'low' },
	en: { 'Core customers': 'core', 'Potential customers': 'potential', 'General customers': 'general', 'Low-value customers': 'low' }
};

const site = useSite();

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell !== '' || row.length) rows.push([...row, cell]);
	return rows;
}

/** NPS answers per quadrant: survey rows with a score whose customer is in the exported matrix. */
function expectedNpsN(quadrantOf: Map<string, string>): Record<string, number> {
	const [head, ...rows] = parseCsv(fs.readFileSync(path.join(SAMPLE, 'surveys.csv'), 'utf8').replace(/^\uFEFF/, ''));
	const id = head!.indexOf('客户编号');
	const nps = head!.indexOf('NPS');
	const out: Record<string, number> = Object.fromEntries(QUADRANTS.map((q) => [q, 0]));
	for (const r of rows) {
		const q = quadrantOf.get((r[id] ?? '').trim());
		if (q && (r[nps] ?? '').trim() !== '') out[q]!++;
	}
	return out;
}

/** The sample's touchpoint events (the twin the page loads in `lang`), for figures of one quadrant's customers counted here. */
const touchpointsOf = (lang: string) => {
	const [head, ...rows] = parseCsv(fs.readFileSync(sampleFile('touchpoints.csv', lang), 'utf8').replace(/^\uFEFF/, '').trimEnd());
	const [id, point, stage] = ['客户编号', '触点', '阶段'].map((c) => head!.indexOf(c)) as [number, number, number];
	return {
		/** Customers of quadrant `q` with at least one event at `touchpoint`. */
		customers: (q: string, touchpoint: string, quadrantOf: Map<string, string>) => new Set(rows.filter((r) => r[point] === touchpoint && quadrantOf.get(r[id]!) === q).map((r) => r[id])).size,
		/** Events of quadrant `q`'s customers per "touchpoint|stage". */
		events: (q: string, quadrantOf: Map<string, string>) => {
			const out: Record<string, number> = {};
			for (const r of rows) if (quadrantOf.get(r[id]!) === q) out[`${r[point]}|${r[stage]}`] = (out[`${r[point]}|${r[stage]}`] ?? 0) + 1;
			return out;
		}
	};
};

/** Rows of the funnel table: group id, step and customers. */
async function funnelRows(page: Page): Promise<{ group: string; step: number; customers: number }[]> {
	return page.$$eval('[data-testid="funnel-table"] tbody tr', (trs) =>
		trs.map((tr) => ({
			group: tr.querySelector('[data-testid="funnel-group"]')?.getAttribute('data-group') ?? '',
			step: Number(/^(\d+)\./.exec(tr.children[1]?.textContent ?? '')?.[1]),
			customers: Number((tr.children[2]?.textContent ?? '').replace(/[^\d]/g, ''))
		}))
	);
}

async function quadrantMap(page: Page, lang: string): Promise<Map<string, string>> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('vm-export').click()]);
	const [, ...rows] = parseCsv(fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd());
	return new Map(rows.map((r) => [r[0]!, NAMES[lang]![r[1]!]!]));
}

describe('KPIs and the journey by value-matrix quadrant', () => {
	it.each(['zh-CN', 'en'])('groups KPIs and splits the funnel by quadrant once the matrix is computed (%s)', async (lang) => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, height: 1100 });
		const touchpoints = touchpointsOf(lang);
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		const rfmCustomers = num(/[\d,]+/.exec((await page.getByTestId('rfm-totals').textContent())!)![0]);
		await page.getByTestId('tab-datasets').click();
		await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
		await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });

		// Before the value matrix: picking quadrants says so and leads to the value tab.
		await page.getByTestId('tab-kpis').click();
		await page.getByTestId('kpi-value-nps').waitFor({ timeout: 60_000 });
		const answers = Number(await page.getByTestId('kpi-nps-n').getAttribute('data-value'));
		await page.getByTestId('kpi-dim').selectOption('quadrant');
		await page.getByTestId('kpi-need-matrix').waitFor();
		await page.screenshot({ path: path.join(SHOTS, `kpi-quadrants-need-${lang}.png`) });
		await page.getByTestId('kpi-need-matrix-open').click();
		await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
		const quadrantOf = await quadrantMap(page, lang);
		expect(quadrantOf.size).toBe(rfmCustomers);
		const expected = expectedNpsN(quadrantOf);
		const matched = Object.values(expected).reduce((a, b) => a + b, 0);
		// Every NPS answer of the sample is from a customer of the matrix.
		expect(matched).toBe(answers);

		// KPIs by quadrant: the four quadrants in order, NPS n per quadrant = the matching answers.
		await page.getByTestId('tab-kpis').click();
		await page.locator('[data-testid="kpi-group-table"] tr[data-group="low"] [data-testid="kpi-group-nps"]:not([data-n="0"])').waitFor({ timeout: 60_000 });
		const groups = await page.$$eval('[data-testid="kpi-group-table"] tbody tr', (trs) =>
			trs.map((tr) => ({ group: tr.getAttribute('data-group'), n: Number(tr.querySelector('[data-testid="kpi-group-nps"]')?.getAttribute('data-n')) }))
		);
		expect(groups.slice(0, 4).map((g) => g.group)).toEqual([...QUADRANTS]);
		for (const g of groups.slice(0, 4)) expect(g.n).toBe(expected[g.group!]);
		expect(groups.slice(0, 4).reduce((a, g) => a + g.n, 0)).toBe(matched);
		const zh = lang === 'zh-CN';
		expect(await page.getByTestId('kpi-group-table').textContent()).toContain(zh ? '核心价值客户' : 'Core customers');
		// The chart beside the table: a dot per quadrant, labelled with the table's NPS.
		const rows = (await tableCells(page, 'kpi-group-table')).filter((r) => /\d/.test(r[1]!));
		await drawnCount(page, 'chart-kpi-groups', 'g[aria-label="dot"] circle', rows.length);
		const labels = await drawn(page, 'chart-kpi-groups', 'g[aria-label="text"] text');
		expect(Object.fromEntries(labels.marks.map((m) => [nearest(labels.ticks.y, m.y), num(m.text)]))).toEqual(Object.fromEntries(rows.map((r) => [r[0], num(r[1]!.split(' ')[0]!)])));
		// The default window starts on the first day, where nobody is active yet: retention is "not
		// applicable" until the window is set to the last 12 months, as the card offers; then every
		// quadrant has a retention figure.
		await page.getByTestId('kpi-retention-na').waitFor({ timeout: 60_000 });
		await page.getByTestId('kpi-last-year').click();
		await page.getByTestId('kpi-retention-range').waitFor({ timeout: 60_000 });
		for (const q of QUADRANTS) await page.locator(`[data-testid="kpi-group-table"] tr[data-group="${q}"] td:nth-child(7)`).filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('kpi-retention-range').textContent()).toMatch(zh ? /低于 0%/ : /below 0 %/);
		await page.getByTestId('kpi-card-retention').screenshot({ path: path.join(SHOTS, `kpi-quadrants-retention-${lang}.png`) });
		await page.getByTestId('kpi-groups').screenshot({ path: path.join(SHOTS, `kpi-quadrants-groups-${lang}.png`) });
		await page.screenshot({ path: path.join(SHOTS, `kpi-quadrants-kpis-${lang}.png`), fullPage: true });

		// Back to the whole window, where the quadrants are the exported ones.
		await page.getByTestId('window-reset').click();
		await page.getByTestId('kpi-retention-na').waitFor({ timeout: 60_000 });

		// Journey funnel split by quadrant: numbers per quadrant that add up to the whole funnel.
		await page.getByTestId('tab-journey').click();
		await page.locator('[data-testid="chart-funnel"] svg').first().waitFor({ timeout: 60_000 });
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="funnel-table"] tbody tr').length >= 2, null, { timeout: 60_000 });
		const whole = await funnelRows(page);
		await page.getByTestId('funnel-split').selectOption('quadrant');
		await page.locator('[data-testid="funnel-group"][data-group="low"]').first().waitFor({ timeout: 60_000 });
		const split = await funnelRows(page);
		expect([...new Set(split.map((r) => r.group))].slice(0, 4)).toEqual([...QUADRANTS]);
		for (const step of [1, 2]) {
			const rows = split.filter((r) => r.step === step);
			expect(rows.every((r) => Number.isInteger(r.customers))).toBe(true);
			expect(rows.reduce((a, r) => a + r.customers, 0)).toBe(whole.find((r) => r.step === step)!.customers);
		}
		// Step 1 alone has no order to keep: the core quadrant's row counts its customers with that touchpoint.
		const step1 = (await page.locator('[data-testid="funnel-table"] tbody tr').first().locator('td').nth(1).textContent())!.replace(/^\d+\.\s*/, '').trim();
		expect(split.find((r) => r.group === 'core' && r.step === 1)!.customers).toBe(touchpoints.customers('core', step1, quadrantOf));
		expect(await page.getByTestId('funnel-table').textContent()).toContain(zh ? '潜力客户' : 'Potential customers');
		await page.getByTestId('chart-funnel').screenshot({ path: path.join(SHOTS, `kpi-quadrants-funnel-${lang}.png`) });

		// The journey narrowed to one quadrant: its funnel is that quadrant's row of the split.
		const core1 = split.find((r) => r.group === 'core' && r.step === 1)!.customers;
		await page.getByTestId('funnel-split').selectOption('none');
		await page.getByTestId('journey-segment').selectOption('quadrant:core');
		await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="funnel-group"]')].every((td) => td.getAttribute('data-group') === 'all'), null, { timeout: 60_000 });
		await expect.poll(async () => (await funnelRows(page)).map((r) => r.step), { timeout: 60_000 }).toEqual([1, 2]);
		await expect.poll(async () => (await funnelRows(page)).find((r) => r.step === 1)?.customers, { timeout: 60_000 }).toBe(core1);
		// The journey map narrowed to the quadrant: a cell per touchpoint and stage of its customers' events.
		const lanes = touchpoints.events('core', quadrantOf);
		await drawnCount(page, 'chart-journey-lanes', 'g[aria-label="text"] text', Object.keys(lanes).length);
		await expect.poll(async () => grid(await drawn(page, 'chart-journey-lanes', 'g[aria-label="text"] text')), { timeout: 60_000 }).toEqual(lanes);
		await page.getByTestId('funnel-table').screenshot({ path: path.join(SHOTS, `kpi-quadrants-funnel-core-${lang}.png`) });
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: path.join(SHOTS, `kpi-quadrants-journey-core-${lang}.png`) });
		expect(errors).toEqual([]);
		await context.close();
	}, 300_000);

	it('says what is missing: transactions only, then surveys only', async () => {
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'en', height: 1000 });
		await page.getByTestId('file-input').setInputFiles(path.join(SAMPLE, 'transactions.csv'));
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-kpis').click();
		await page.getByTestId('kpis-empty-surveys').waitFor({ timeout: 60_000 });
		await page.getByTestId('kpi-value-retention').waitFor({ timeout: 60_000 });
		// A full year: the training formula may leave 0–100 %; the card says why.
		await page.getByTestId('kpi-start').fill('2025-01-01');
		await page.getByTestId('kpi-end').fill('2025-12-31');
		await expect.poll(async () => page.getByTestId('kpi-retention-range').textContent(), { timeout: 60_000 }).toMatch(/below 0 % or above 100 %/);
		await expect.poll(async () => page.getByTestId('kpi-value-retention').getAttribute('data-value'), { timeout: 60_000 }).toMatch(/\d/);
		await page.getByTestId('kpi-card-retention').screenshot({ path: path.join(SHOTS, `kpi-quadrants-retention-year-en.png`) });
		await page.getByTestId('kpi-dim').selectOption('quadrant');
		await page.getByTestId('kpi-need-matrix-open').waitFor();
		await page.screenshot({ path: path.join(SHOTS, `kpi-quadrants-tx-only-en.png`), fullPage: true });
		await page.getByTestId('tab-journey').click();
		await page.getByTestId('journey-empty').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('journey-empty').textContent()).toContain('No touchpoint events');
		// The matrix without surveys: retention by quadrant still shows, four rows.
		await page.getByTestId('tab-value').click();
		await page.getByTestId('quadrant-cards').waitFor({ timeout: 120_000 });
		await page.getByTestId('tab-kpis').click();
		await page.locator('[data-testid="kpi-group-table"] tr[data-group="low"]').waitFor({ timeout: 60_000 });
		const rows = await page.$$eval('[data-testid="kpi-group-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-group')));
		// The four quadrants in order (the table may add a row for the whole window).
		expect(rows.filter((g) => (QUADRANTS as readonly (string | null)[]).includes(g))).toEqual([...QUADRANTS]);
		await context.close();

		// Surveys without transactions: survey KPIs, the transaction part and the journey say what to load.
		const second = await openPage(site.browser, site.url, { lang: 'en' });
		const p2 = second.page;
		await p2.getByTestId('tab-datasets').click();
		await p2.getByTestId('dataset-surveys-input').setInputFiles(path.join(SAMPLE, 'surveys.csv'));
		await p2.getByTestId('dataset-surveys-ready').waitFor({ timeout: 60_000 });
		await p2.getByTestId('tab-kpis').click();
		await p2.getByTestId('kpi-value-nps').waitFor({ timeout: 60_000 });
		await p2.getByTestId('kpis-empty-tx').waitFor();
		expect(await p2.locator('[data-testid="kpi-dim"] option[value="quadrant"]').isDisabled()).toBe(true);
		await p2.screenshot({ path: path.join(SHOTS, `kpi-quadrants-surveys-only-en.png`), fullPage: true });
		await p2.getByTestId('tab-journey').click();
		await p2.getByTestId('journey-empty').waitFor({ timeout: 60_000 });
		expect([...errors, ...second.errors]).toEqual([]);
		await second.context.close();
	}, 300_000);
});
