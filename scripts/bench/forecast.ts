/**
 * (f) The demand forecast in the page (issue 14: "forecasting 3 years of daily data for 50 groups,
 * automatic model choice included, takes under 5 s in the page"). A seeded file of 50 stores' daily
 * orders over 3 years (2022-01-03 … 2025-01-02, weekly and yearly seasonality, 春节 dips; bench/data/,
 * reused) is loaded through the page's file input; on the 需求预测 tab the series is set to days, the
 * model to auto, then the grouping to the `store` column: the 50 series (1,096 days each, 90 days
 * ahead, every candidate backtested at 4 origins) are fitted in the forecast workers.
 *   series_ms = the series from DuckDB (the first choice of a column also reads the file's text table, once);
 *   fit_ms   = the page's own figure (model.fitMs: workers started → every result back), shown under the backtest;
 *   total_ms = the grouping chosen → the 50th group selectable and the chart drawn (series SQL + fit + render).
 * The target is checked on total_ms. Reports the cores Chromium sees (navigator.hardwareConcurrency →
 * how many workers the page starts) and the load average before and after each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from '../../test/e2e/harness.ts';
import { rng } from './generate.ts';
import { median } from './report.ts';

export const FORECAST_TARGET_MS = 5000;
const GROUPS = 50;
const FIRST = Date.UTC(2022, 0, 3);
const DAYS = 1096;
const NEW_YEARS = ['2022-02-01', '2023-01-22', '2024-02-10'].map((d) => Date.parse(`${d}T00:00:00Z`));

export interface ForecastBenchRun {
	fit_ms: number;
	/** The series from DuckDB (the first choice of a column also reads the file's text table once). */
	series_ms: number;
	total_ms: number;
	groups: number;
	workers: number;
	load_before: number[];
	load_after: number[];
}

export interface ForecastBenchResult {
	rows: number;
	groups: number;
	days: number;
	fit_ms: number | null;
	total_ms: number | null;
	target_ms: number;
	pass: boolean | null;
	cores_seen: number;
	runs: ForecastBenchRun[];
}

/** The file (order_id, customer_id, order_date, amount, store), written once per seed. */
export function ensureForecastCsv(dir: string, seed: number): { path: string; rows: number } {
	const file = path.join(dir, `forecast-50x3y-${seed}.csv`);
	const meta = `${file}.meta.json`;
	if (fs.existsSync(file) && fs.existsSync(meta)) return JSON.parse(fs.readFileSync(meta, 'utf8')) as { path: string; rows: number };
	fs.mkdirSync(dir, { recursive: true });
	const r = rng(seed);
	const lines = ['order_id,customer_id,order_date,amount,store'];
	let id = 0;
	for (let d = 0; d < DAYS; d++) {
		const t = FIRST + d * 86_400_000;
		const dow = new Date(t).getUTCDay();
		const yearly = 1 + 0.35 * Math.sin((2 * Math.PI * d) / 365.25);
		const festive = NEW_YEARS.some((ny) => Math.abs(t - ny) <= 3 * 86_400_000) ? 0.3 : 1;
		const day = new Date(t).toISOString().slice(0, 10);
		for (let s = 0; s < GROUPS; s++) {
			const mean = (1.5 + (s % 10) * 0.4 + d * 0.001) * (dow === 0 || dow === 6 ? 1.5 : 1) * yearly * festive;
			const n = Math.floor(mean + r() * 2 - 0.5);
			for (let k = 0; k < n; k++) lines.push(`O${++id},C${Math.floor(r() * 8000)},${day},${(10 + r() * 90).toFixed(2)},S${String(s + 1).padStart(2, '0')}`);
		}
	}
	fs.writeFileSync(file, lines.join('\n') + '\n');
	const out = { path: file, rows: id };
	fs.writeFileSync(meta, JSON.stringify(out));
	return out;
}

async function oneRun(browser: Browser, url: string, file: string, timeoutMs: number): Promise<ForecastBenchRun & { cores: number }> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
	try {
		const page = await context.newPage();
		await page.goto(url + '?lang=en');
		await page.locator('[data-testid="engine-status"][data-state="ready"]').waitFor({ state: 'attached', timeout: timeoutMs });
		await page.getByTestId('file-input').setInputFiles(file);
		await page.getByTestId('segment-summary').waitFor({ state: 'attached', timeout: timeoutMs });
		await page.getByTestId('tab-forecast').click();
		await page.getByTestId('forecast-backtest').waitFor({ timeout: timeoutMs });
		const ready = page.locator('[data-testid="forecast-view"][data-status="ready"]');
		await page.getByTestId('forecast-model').selectOption('auto');
		await page.getByTestId('forecast-freq').selectOption('day');
		await ready.waitFor({ state: 'attached', timeout: timeoutMs });
		await page.waitForTimeout(500);
		const cores = (await page.evaluate('navigator.hardwareConcurrency')) as number;
		const loadBefore = os.loadavg();
		const t0 = Date.now();
		await page.getByTestId('forecast-group-by').selectOption('column');
		await page.getByTestId('forecast-group-column').selectOption('store').catch(() => undefined);
		await page.waitForFunction((n) => document.querySelector('[data-testid="forecast-view"]')?.getAttribute('data-status') === 'ready' && document.querySelector('[data-testid="forecast-time"]')?.getAttribute('data-groups') === String(n), GROUPS, { timeout: timeoutMs });
		await page.getByTestId('forecast-chart').locator('svg').first().waitFor({ timeout: timeoutMs });
		const total = Date.now() - t0;
		const loadAfter = os.loadavg();
		const fit = Number(await page.getByTestId('forecast-time').getAttribute('data-ms'));
		const series = Math.round((await page.evaluate(`performance.getEntriesByName('clientele:forecast-series').at(-1)?.duration ?? 0`)) as number);
		const groups = await page.getByTestId('forecast-group').locator('option').count();
		return { fit_ms: fit, series_ms: series, total_ms: total, groups, workers: Math.max(1, Math.min(4, GROUPS, cores)), load_before: loadBefore.map((v) => Math.round(v * 100) / 100), load_after: loadAfter.map((v) => Math.round(v * 100) / 100), cores };
	} finally {
		await context.close();
	}
}

export async function runForecastBench(url: string, dataDir: string, seed: number, runs: number, timeoutMs: number, log: (s: string) => void): Promise<ForecastBenchResult> {
	const file = ensureForecastCsv(dataDir, seed);
	log(`forecast: ${path.basename(file.path)}, ${file.rows} orders, ${GROUPS} stores × ${DAYS} days`);
	const browser = await launch();
	const out: ForecastBenchRun[] = [];
	let cores = 0;
	try {
		for (let i = 0; i < runs; i++) {
			const r = await oneRun(browser, url, file.path, timeoutMs);
			cores = r.cores;
			const { cores: _c, ...run } = r;
			out.push(run);
			log(`  forecast #${i + 1}: ${r.groups} groups, series ${r.series_ms} ms, fit ${r.fit_ms} ms in ${r.workers} worker(s) (${r.cores} cores seen), chosen → chart ${r.total_ms} ms, load average ${r.load_before[0]} → ${r.load_after[0]}`);
		}
	} finally {
		await browser.close();
	}
	const total = out.length ? median(out.map((r) => r.total_ms)) : null;
	return { rows: file.rows, groups: GROUPS, days: DAYS, fit_ms: out.length ? median(out.map((r) => r.fit_ms)) : null, total_ms: total, target_ms: FORECAST_TARGET_MS, pass: total === null ? null : total < FORECAST_TARGET_MS, cores_seen: cores, runs: out };
}
