import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, drawnCount, grid, nearest, num, scale, tableCells } from './chart-dom.ts';
import { cli, sampleFile, touchpointArgs, TX } from './sample-data.ts';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';

const SURVEYS = path.join(ROOT, 'public/sample/surveys.csv');

const site = useSite();

/** The "all" row of a `kpi` CLI command on the surveys, as column → value. */
async function surveyKpi(args: string[]): Promise<Record<string, string>> {
	return (await cli(['kpi', ...args, '--input', SURVEYS])).rows[0]!;
}

/** A sample file of the twin the page loads in `lang` (English categorical values in English). */
const csv = (file: string, lang = 'zh-CN') => Papa.parse<Record<string, string>>(fs.readFileSync(sampleFile(file, lang), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
/** The English twin writes the channel type as the page's own words, which the page labels. */
const CHANNEL_LABEL: Record<string, string> = { online: 'Online', offline: 'Offline' };
/** The funnel's two steps in each twin: social media, then the store. */
const FUNNEL: Record<string, [string, string]> = { 'zh-CN': ['社交媒体', '门店'], en: ['Social media', 'Store'] };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** NPS per quarter of the survey date, counted here from the sample file. */
function npsByQuarter(): Record<string, number> {
	const by: Record<string, number[]> = {};
	for (const r of csv('surveys.csv')) {
		if (r.NPS === '') continue;
		const q = `${r.日期!.slice(0, 4)}-Q${Math.ceil(Number(r.日期!.slice(5, 7)) / 3)}`;
		(by[q] ??= []).push(Number(r.NPS) >= 9 ? 100 : Number(r.NPS) <= 6 ? -100 : 0);
	}
	return Object.fromEntries(Object.entries(by).map(([q, v]) => [q, mean(v)]));
}

/** The touchpoint file's figures the journey charts draw, counted here from the sample file of `lang`. */
function touchpointFacts(lang: string) {
	const rows = csv('touchpoints.csv', lang);
	const events: Record<string, number> = {};
	const stageScores: Record<string, number[]> = {};
	const channel: Record<string, { events: number; scores: number[] }> = {};
	const perCustomer: Record<string, number> = {};
	for (const r of rows) {
		events[`${r.触点}|${r.阶段}`] = (events[`${r.触点}|${r.阶段}`] ?? 0) + 1;
		const c = (channel[CHANNEL_LABEL[r.渠道!] ?? r.渠道!] ??= { events: 0, scores: [] });
		c.events++;
		if (r.满意度 !== '') {
			(stageScores[r.阶段!] ??= []).push(Number(r.满意度));
			c.scores.push(Number(r.满意度));
		}
		perCustomer[r.客户编号!] = (perCustomer[r.客户编号!] ?? 0) + 1;
	}
	return {
		/** Events per "touchpoint|stage". */
		events,
		stageMeans: Object.fromEntries(Object.entries(stageScores).map(([s, v]) => [s, mean(v).toFixed(2)])),
		/** Per channel: [share of events in %, mean score]. */
		channels: Object.fromEntries(Object.entries(channel).map(([k, c]) => [k, [Number(((c.events / rows.length) * 100).toFixed(1)), Number(mean(c.scores).toFixed(2))]])),
		/** Customers with at least k events: those who take a path's k-th step. */
		reaching: (k: number) => Object.values(perCustomer).filter((n) => n >= k).length
	};
}

async function loadAll(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
	await page.getByTestId('tab-datasets').click();
	await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
	await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
}

const nextQuarter = (q: string) => (q.endsWith('Q4') ? `${Number(q.slice(0, 4)) + 1}-Q1` : `${q.slice(0, 6)}${Number(q.slice(6)) + 1}`);

describe('KPI and journey views on the sample data', () => {
	it.each(['zh-CN', 'en'])('show the CLI’s NPS and CSAT, the cohort heatmap, the journey charts and a 2-step funnel (%s)', async (lang) => {
		const [nps, csat] = await Promise.all([surveyKpi(['nps', '--score', 'NPS']), surveyKpi(['csat', '--score', 'CSAT'])]);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang, height: 1100 });
		// Before any file: both views say which file to load and offer the sample.
		await page.getByTestId('tab-kpis').click();
		await page.getByTestId('kpis-empty-sample').waitFor();
		await page.screenshot({ path: path.join(SHOTS, `kpi-empty-${lang}.png`) });
		await page.getByTestId('tab-journey').click();
		await page.getByTestId('journey-empty-sample').waitFor();
		await page.getByTestId('tab-import').click();
		await loadAll(page);
		await page.screenshot({ path: path.join(SHOTS, `kpi-datasets-${lang}.png`), fullPage: true });

		await page.getByTestId('tab-kpis').click();
		const npsValue = page.getByTestId('kpi-value-nps');
		await page.waitForFunction(() => document.querySelector('[data-testid="kpi-value-nps"]')?.getAttribute('data-value'), null, { timeout: 60_000 });
		expect(Number(await npsValue.getAttribute('data-value'))).toBeCloseTo(Number(nps.nps), 3);
		expect(await page.getByTestId('kpi-nps-n').getAttribute('data-value')).toBe(nps.n);
		expect(await npsValue.textContent()).toContain(Math.abs(Number(nps.nps)).toFixed(1));
		const csatValue = page.getByTestId('kpi-value-csat');
		expect(Number(await csatValue.getAttribute('data-value'))).toBeCloseTo(Number(csat.csat), 3);
		expect(await page.getByTestId('kpi-csat-n').getAttribute('data-value')).toBe(csat.n);
		expect(await csatValue.textContent()).toContain(Number(csat.csat).toFixed(1));
		// The CLI's retention runs for the period the page shows (checked below, while they run).
		await page.getByTestId('kpi-value-retention').waitFor();
		const end = await page.getByTestId('kpi-end').inputValue();
		const start = new Date(Date.parse(`${end}T00:00:00Z`) - 729 * 86_400_000).toISOString().slice(0, 10);
		const quarterStart = `${end.slice(0, 4)}-${String(Math.floor((Number(end.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
		const lastQuarter = cli(['kpi', 'retention', ...TX, '--start', quarterStart, '--end', end]);
		const cohortRun = cli(['kpi', 'retention', ...TX, '--report', 'cohorts', '--start', start, '--end', end, '--max-months', '12']);
		await page.getByTestId('kpi-dim').selectOption('segment');
		await page.getByTestId('kpi-group-table').waitFor({ timeout: 60_000 });
		// NPS by segment: a dot per segment of the table with answers, labelled with the table's NPS
		// (the table may show its rows before their NPS arrives: wait for the figures).
		await expect.poll(async () => (await tableCells(page, 'kpi-group-table')).filter((r) => /\d/.test(r[1]!)).length, { timeout: 60_000 }).toBeGreaterThan(0);
		const groups = (await tableCells(page, 'kpi-group-table')).filter((r) => /\d/.test(r[1]!));
		await drawnCount(page, 'chart-kpi-groups', 'g[aria-label="dot"] circle', groups.length);
		const groupLabels = await drawn(page, 'chart-kpi-groups', 'g[aria-label="text"] text');
		expect(Object.fromEntries(groupLabels.marks.map((m) => [nearest(groupLabels.ticks.y, m.y), num(m.text)]))).toEqual(Object.fromEntries(groups.map((r) => [r[0], num(r[1]!.split(' ')[0]!)])));
		// NPS per quarter: a point per quarter of the survey file, at its NPS.
		const quarters = npsByQuarter();
		const trend = await drawnCount(page, 'chart-kpi-trend', 'g[aria-label="dot"] circle', Object.keys(quarters).length);
		expect(trend.ticks.x.map((t) => t.label)).toEqual(Object.keys(quarters).sort());
		const npsAt = scale(trend.ticks.y);
		const points = Object.fromEntries(trend.marks.map((m) => [nearest(trend.ticks.x, m.x), npsAt(m.y)]));
		expect(Object.keys(quarters).filter((q) => !(Math.abs(points[q]! - quarters[q]!) < 0.05))).toEqual([]);
		// Retention over time comes from the transactions, one period at a time: a point per quarter
		// with customers at its start, up to the period's end, the last one at the CLI's retention.
		await page.getByTestId('kpi-chart-kpi').selectOption('retention');
		await page.locator('[data-testid="kpi-trend"][data-kpi="retention"] [data-testid="chart-kpi-trend"] svg').waitFor({ timeout: 60_000 });
		const retention = await drawn(page, 'chart-kpi-trend', 'g[aria-label="dot"] circle');
		const labels = retention.ticks.x.map((t) => t.label);
		expect(retention.marks).toHaveLength(labels.length);
		expect(labels.at(-1)).toBe(`${end.slice(0, 4)}-Q${Math.ceil(Number(end.slice(5, 7)) / 3)}`);
		expect(labels.every((q, i) => i === 0 || q === nextQuarter(labels[i - 1]!))).toBe(true);
		const last = retention.marks.reduce((a, b) => (b.x > a.x ? b : a));
		expect(scale(retention.ticks.y)(last.y)).toBeCloseTo(Number((await lastQuarter).rows[0]!.retention), 1);
		// The cohort heatmap: the CLI's cohorts over the page's two years, one cell per cohort and month,
		// labelled with the cohort's size (month 0) or the share buying again.
		const cohorts = (await cohortRun).rows;
		const heat = await drawnCount(page, 'chart-cohort', 'g[aria-label="cell"] rect', cohorts.length);
		expect(heat.ticks.y.map((t) => t.label)).toEqual([...new Set(cohorts.map((r) => r.cohort))]);
		const cells = grid(await drawn(page, 'chart-cohort', 'g[aria-label="text"] text'));
		expect(Object.keys(cells)).toHaveLength(cohorts.length);
		const off = cohorts.filter((r) => {
			const v = cells[`${r.cohort}|${r.month_index}`];
			return r.month_index === '0' ? v !== Number(r.cohort_size) : !(Math.abs(v! - Number(r.retention)) <= 0.5 + 1e-6);
		});
		expect(off).toEqual([]);
		await page.getByTestId('kpi-chart-kpi').selectOption('nps');
		await page.locator('[data-testid="kpi-trend"][data-kpi="nps"] [data-testid="chart-kpi-trend"] svg').waitFor({ timeout: 60_000 });
		await page.screenshot({ path: path.join(SHOTS, `kpi-kpis-${lang}.png`), fullPage: true });

		await page.getByTestId('tab-journey').click();
		// The English page shows the English twin's touchpoints, stages and channels.
		const [social, store] = FUNNEL[lang]!;
		const funnelRun = page.getByTestId('funnel-window').inputValue().then((days) => cli(['journey', ...touchpointArgs(lang), '--report', 'funnel', '--steps', `${social},${store}`, '--window-days', days]));
		const facts = touchpointFacts(lang);
		// The lanes: a cell per touchpoint and stage of the file, labelled with its events.
		await drawnCount(page, 'chart-journey-lanes', 'g[aria-label="text"] text', Object.keys(facts.events).length);
		expect(grid(await drawn(page, 'chart-journey-lanes', 'g[aria-label="text"] text'))).toEqual(facts.events);
		// The curve: a point per stage, labelled with its mean score.
		const curve = await drawnCount(page, 'chart-journey-curve', 'g[aria-label="text"] text', Object.keys(facts.stageMeans).length);
		expect(Object.fromEntries(curve.marks.map((m) => [nearest(curve.ticks.x, m.x), m.text]))).toEqual(facts.stageMeans);
		// In journey order, in the page's language.
		expect(curve.ticks.x.map((t) => t.label)).toEqual(lang === 'en' ? ['Pre-purchase', 'Purchase', 'Post-purchase'] : ['接触前', '接触中', '接触后']);
		expect((await drawn(page, 'chart-journey-curve', 'g[aria-label="dot"] circle')).marks).toHaveLength(Object.keys(facts.stageMeans).length);
		// The flow: a column per step of a path; the first step's nodes hold every customer with a second
		// event, the last step's every customer with a third.
		const steps = Number(await page.getByTestId('path-steps').inputValue());
		// The flow is drawn once it is on screen (the render queue): wait for its step axis.
		const flowTicks = async () => (await drawn(page, 'chart-journey-flow', 'g[aria-label="text"] text')).ticks.x.length;
		await page.getByTestId('chart-journey-flow').scrollIntoViewIfNeeded();
		await expect.poll(flowTicks, { timeout: 60_000 }).toBe(steps);
		const flow = await drawn(page, 'chart-journey-flow', 'g[aria-label="text"] text');
		expect(flow.ticks.x.map((t) => t.label)).toEqual(Array.from({ length: steps }, (_, i) => String(i + 1)));
		const atStep = (k: number) => flow.marks.filter((m) => nearest(flow.ticks.x, m.x) === String(k)).reduce((a, m) => a + num(m.text), 0);
		expect([atStep(1), atStep(steps)]).toEqual([facts.reaching(2), facts.reaching(steps)]);
		// The channels: a bar per channel of the file, labelled with its share of events and mean score.
		const channels = await drawnCount(page, 'chart-journey-channels', 'g[aria-label="bar"] rect', Object.keys(facts.channels).length);
		const channelLabels = await drawn(page, 'chart-journey-channels', 'g[aria-label="text"] text');
		expect(Object.fromEntries(channelLabels.marks.map((m) => [nearest(channels.ticks.y, m.y), [num(m.text.split('%')[0]!), num(/[\d.]+$/.exec(m.text)![0])]]))).toEqual(facts.channels);
		await page.getByTestId('funnel-step-1').selectOption(social);
		await page.getByTestId('funnel-step-2').selectOption(store);
		// The table shows the CLI's funnel for these steps, once it has caught up with the second choice.
		const funnel = (await funnelRun).rows;
		const [first, second] = funnel.map((r) => Number(r.customers)) as [number, number];
		const shownFunnel = async () => Promise.all([1, 2].map(async (k) => num((await page.getByTestId(`funnel-customers-${k}`).textContent({ timeout: 1000 }).catch(() => '')) ?? '')));
		await expect.poll(shownFunnel, { timeout: 60_000 }).toEqual([first, second]);
		// A bar per step chosen, labelled with the table's customers.
		const bars = await drawnCount(page, 'chart-funnel', 'g[aria-label="bar"] rect', 2);
		expect(bars.ticks.y.map((t) => t.label)).toEqual([`1. ${social}`, `2. ${store}`]);
		await expect.poll(async () => (await drawn(page, 'chart-funnel', 'g[aria-label="text"] text')).marks.sort((a, b) => a.y - b.y).map((m) => num(m.text.split('·')[0]!)), { timeout: 60_000 }).toEqual([first, second]);
		// The same funnel by RFM segment: one pair of rows per segment, adding up to the whole funnel.
		await page.getByTestId('funnel-split').selectOption('segment');
		await page.waitForFunction(() => document.querySelectorAll('[data-testid="funnel-table"] tbody tr').length > 4, null, { timeout: 60_000 });
		const split = await tableCells(page, 'funnel-table');
		expect(split).toHaveLength(2 * new Set(split.map((r) => r[0])).size);
		expect([1, 2].map((k) => split.filter((r) => r[1]!.startsWith(`${k}.`)).reduce((a, r) => a + num(r[2]!), 0))).toEqual([first, second]);
		await page.screenshot({ path: path.join(SHOTS, `kpi-journey-${lang}.png`), fullPage: true });
		expect(errors).toEqual([]);
		await context.close();
	}, 300_000);
});
