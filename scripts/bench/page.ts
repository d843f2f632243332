/**
 * (a) The built page in headless Chromium (a fresh browser per run): the file is set on the file
 * input (Playwright hands Chromium the path), then
 *   engine_start_ms = navigation → the engine (DuckDB worker, wasm, settings) ready: the page starts
 *             it on open, while the user is choosing a file;
 *   engine_warm_ms  = navigation → the engine's background rehearsal done (state/engine.ts); the file
 *             is set only then, as by a user who takes a few seconds to choose it (a file chosen
 *             earlier stops the rehearsal and runs its first statements in less optimised code);
 *   load_ms = input change → 'mapping-ok' appears (sample read, sniffing, the file parsed into the
 *             typed table on its way in, the mapping checks: the page maps by itself; the text
 *             table is read later, when the data grid or the quality report needs it);
 *   rfm_ms  = 'mapping-ok' → 'segment-summary' appears (default as-of, aggregate, scores, segments,
 *             summary + heatmap queries, render).
 * Then, with the RFM view shown (see value.ts):
 *   resegment_ms    = a rule edit in the rule editor → the segment summary table re-rendered;
 *   value_matrix_ms = click on the value tab → performance mark 'clientele:value-matrix-done';
 *   grade, plan     = click on the grading / plan tab → the tier table / action list shown
 *             (grade-plan.ts).
 * Timestamps are taken inside the page (MutationObserver, performance.now()), not by polling.
 */
import type { Browser } from 'playwright-core';
import { launch } from '../../test/e2e/harness.ts';
import { startRssSampler, sampleChromium } from './rss.ts';
import { engineSteps, initScript, pageSteps, txReadyAt, type PageTrace, type StepTime } from './trace.ts';
import {
	chooseAndMap,
	measureResegment,
	measureValueMatrix,
	waitIdle,
	type ResegmentRun,
	type ValueRun
} from './value.ts';
import { GRADE_PLAN_WATCH, measureTab, type TabRun } from './grade-plan.ts';

export interface PageRun {
	/** Navigation start → the page's engine is ready (before any file is chosen). */
	engine_start_ms: number;
	/** Navigation start → the engine's background rehearsal has ended (the file is set after it). */
	engine_warm_ms: number;
	/** The engine's start-up by phase (its performance marks). */
	engine_steps: StepTime[];
	load_ms: number;
	rfm_ms: number;
	/** input → the typed table's count answered (the mapping is done; the UI shows it a little later). */
	load_until_tx_ms: number | null;
	/** that moment → 'segment-summary' appears: RFM including the as-of query the UI starts early. */
	rfm_from_tx_ms: number | null;
	peak_rss_mb: number;
	peak_pss_mb: number;
	idle_rss_mb: number;
	longest_task_ms: number;
	long_tasks: number;
	/** Long tasks while the page itself was opening (before the file was chosen). */
	longest_task_startup_ms: number;
	customers: number;
	wall_ms: number;
	steps: StepTime[];
	rfm_steps: StepTime[];
	marks: PageTrace['marks'];
	errors: string[];
	resegment: ResegmentRun | null;
	value: ValueRun | null;
	grade: TabRun | null;
	plan: TabRun | null;
}

/** The value phase by step; the fit (in our worker, not DuckDB's) gets its own line. */
function valueSteps(t: PageTrace, v: ValueRun): StepTime[] {
	if (!v.fitSpan) return pageSteps(t, v.clickAt, v.doneAt);
	const [a, b] = v.fitSpan;
	return [
		...pageSteps(t, v.clickAt, a),
		{ label: 'CLV fit (our worker: BG/NBD, Gamma-Gamma, scoring, checks)', ms: b - a },
		...pageSteps(t, b, v.doneAt)
	];
}

/** The RFM view's figures (summary charts and the plot set). */
const FIGURES = [
	'chart-segment-shares',
	'chart-rf-heatmap',
	'plot-hist-r',
	'plot-hist-f',
	'plot-hist-m',
	'plot-orders',
	'plot-heat-rf',
	'plot-heat-fm',
	'plot-heat-rm',
	'plot-fm-scatter',
	'plot-treemap',
	'plot-shares',
	'plot-medians'
];

const WATCH = [
	'mapping-ok',
	'segment-summary',
	'mapping-errors',
	'import-error',
	...GRADE_PLAN_WATCH
];

export async function runPage(
	url: string,
	file: string,
	timeoutMs: number,
	withValue = true
): Promise<PageRun> {
	let browser: Browser | null = null;
	const sampler = startRssSampler(200);
	let valueSampler: ReturnType<typeof startRssSampler> | null = null;
	try {
		browser = await launch();
		const context = await browser.newContext({
			viewport: { width: 1400, height: 1000 },
			locale: 'en-US'
		});
		await context.addInitScript({ content: initScript(WATCH) });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		await page.goto(url + '?lang=en');
		await page.getByTestId('file-input').waitFor({ state: 'attached' });
		// The page starts its engine while the user chooses a file: the file is set once it is ready
		// (engine_start_ms: navigation → ready, reported on its own line).
		await page
			.locator('[data-testid="engine-status"][data-state="ready"]')
			.waitFor({ state: 'attached', timeout: timeoutMs });
		await page
			.locator('[data-testid="engine-status"][data-warm="done"]')
			.waitFor({ state: 'attached', timeout: timeoutMs });
		// Both moments as the page saw them (trace.ts), not when Playwright's polling noticed them (up to
		// ≈ 100 ms later on a busy machine).
		const seen = (await page.evaluate('window.__bench.seen')) as PageTrace['seen'];
		const engineStartMs = seen['engine-ready'];
		const engineWarmMs = seen['engine-warm'];
		if (engineStartMs === undefined || engineWarmMs === undefined) throw new Error('the engine status was not seen by the page trace');
		await page.waitForTimeout(300);
		const idle = sampleChromium();
		const w0 = performance.now();
		await chooseAndMap(page, file, timeoutMs);
		const wall = performance.now() - w0;
		// Let every chart render (the page draws one figure per task, after their queries): their
		// long tasks count too. Then DuckDB quiet, so the window ends after the last redraw.
		for (const id of FIGURES)
			await page
				.locator(`[data-testid="${id}"] svg`)
				.first()
				.waitFor({ state: 'attached', timeout: 30_000 })
				.catch(() => undefined);
		await waitIdle(page, 700, 60_000);
		await page.waitForTimeout(500);
		let customers = 0;
		for (const cell of await page.locator('[data-testid^="count-"]').all())
			customers += Number(await cell.getAttribute('data-value'));
		const mem = sampler.stop();
		const rfmEnd = (await page.evaluate('performance.now()')) as number;
		// Rule edit, then the value tab (memory of this part sampled on its own).
		valueSampler = startRssSampler(200);
		const resegment = withValue ? await measureResegment(page, timeoutMs) : null;
		const value = withValue ? await measureValueMatrix(page, timeoutMs) : null;
		const valueMem = valueSampler.stop();
		const grade = withValue ? await measureTab(page, 'grade', timeoutMs) : null;
		const plan = withValue ? await measureTab(page, 'plan', timeoutMs) : null;
		if (value) {
			value.peak_rss_mb = valueMem.peakRssMb;
			value.peak_pss_mb = valueMem.peakPssMb;
		}
		const t = (await page.evaluate('window.__bench')) as PageTrace;
		const input = t.inputAt;
		const ok = t.seen['mapping-ok'];
		const seg = t.seen['segment-summary'];
		if (input == null || ok == null || seg == null)
			throw new Error(`page trace incomplete: ${JSON.stringify({ input, ok, seg })}`);
		const tx = txReadyAt(t);
		const during = t.longtasks.filter((l) => l.start + l.dur >= input && l.start < rfmEnd);
		const before = t.longtasks.filter((l) => l.start + l.dur < input);
		return {
			engine_start_ms: engineStartMs,
			engine_warm_ms: engineWarmMs,
			engine_steps: engineSteps(t),
			load_ms: ok - input,
			rfm_ms: seg - ok,
			load_until_tx_ms: tx === null ? null : tx - input,
			rfm_from_tx_ms: tx === null ? null : seg - tx,
			peak_rss_mb: mem.peakRssMb,
			peak_pss_mb: mem.peakPssMb,
			idle_rss_mb: idle.rssMb,
			longest_task_ms: Math.max(0, ...during.map((l) => l.dur)),
			long_tasks: during.length,
			longest_task_startup_ms: Math.max(0, ...before.map((l) => l.dur)),
			customers,
			wall_ms: wall,
			steps: pageSteps(t, input, ok),
			rfm_steps: pageSteps(t, ok, seg),
			marks: t.marks,
			errors,
			resegment,
			value: value && { ...value, steps: valueSteps(t, value) },
			grade,
			plan
		};
	} finally {
		sampler.stop();
		valueSampler?.stop();
		await browser?.close();
	}
}
