/**
 * The page after RFM (page.ts has loaded the file and the RFM view shows its summary):
 *
 * Both start when the page is quiet towards DuckDB (waitIdle).
 *
 * measureResegment — the rule editor's first input (rule 1, R from) is changed by one and its
 *   `change` event dispatched, as a user's edit does. resegment_ms = that event → the first DOM
 *   change of the segment summary table after the model's measure 'clientele:rfm-resegment'
 *   (src/views/rfm/rfm-model.svelte.ts: the summary read straight from the scores with the new
 *   rules' CASE; the segment view, the coverage counts, plots and grid follow). Issue 4's target:
 *   < 150 ms at 1M rows. Logged beside it: coverage_ms (change → the rule editor's coverage
 *   answered, measure 'clientele:rfm-resegment-coverage') and the longest task from the change
 *   until DuckDB has been quiet for 0.7 s (the redraws included).
 *
 * measureValueMatrix — a click on the value tab → mark 'clientele:value-matrix-done' (the first
 *   matrix is ready): default dates, CLV preparation SQL, the fit in the CLV worker (measure
 *   'clientele:clv-fit'), storing the scores, the value-matrix SQL. Long tasks in that span count.
 */
import type { Page } from 'playwright-core';
import { pageSteps, type PageTrace, type StepTime } from './trace.ts';

export interface ResegmentRun {
	resegment_ms: number;
	/** Change → the rule editor's coverage counts answered (they follow the summary). */
	coverage_ms: number | null;
	/** The longest main-thread task from the change until the page is quiet again (redraws included). */
	longest_task_ms: number;
	/** The model's time: change → all queries answered (before rendering). */
	model_ms: number;
	/** resegment() alone: the segment table rebuilt from the scores. */
	sql_ms: number;
	/** What the edit did (the model may re-score instead when the levels change). */
	step: string;
	edit: string;
	counts_before: number;
	counts_after: number;
	/** Edit → summary shown, by DuckDB statement and page JS. */
	steps: StepTime[];
}

export interface ValueRun {
	value_matrix_ms: number;
	clv_fit_ms: number | null;
	longest_task_ms: number;
	peak_rss_mb: number | null;
	peak_pss_mb: number | null;
	clickAt: number;
	doneAt: number;
	/** The fit's span on the page clock (start, end), when measured. */
	fitSpan: [number, number] | null;
	steps?: { label: string; ms: number }[];
}

const EDIT = String.raw`(function () {
	var b = window.__bench;
	var input = document.querySelector('[data-testid="rule-0-r-lo"]');
	var table = document.querySelector('[data-testid="segment-summary"]');
	if (!input || !table) return null;
	b.summaryMutations = [];
	new MutationObserver(function () { b.summaryMutations.push(performance.now()); })
		.observe(table, { childList: true, subtree: true, characterData: true, attributes: true });
	var cell = document.querySelector('[data-testid="count-champions"]');
	var from = Number(input.value);
	var to = from > 1 ? from - 1 : from + 1;
	input.value = String(to);
	var at = performance.now();
	input.dispatchEvent(new Event('change', { bubbles: true }));
	return { at: at, edit: 'rule 1 R from ' + from + ' to ' + to, before: cell ? Number(cell.getAttribute('data-value')) : -1 };
})()`;

/**
 * Polls an expression in the page (the page's CSP forbids eval, so no waitForFunction with a
 * string). Times are taken in the page, so the polling interval does not enter the figures.
 */
export async function until(page: Page, expr: string, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await page.evaluate(expr))) {
		if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expr}`);
		await page.waitForTimeout(25);
	}
}

/**
 * Chooses `file` on the page and waits until it is mapped and the RFM summary is there; throws
 * with what the page said when it did not map the file (the bench measures only clean loads).
 */
export async function chooseAndMap(page: Page, file: string, timeoutMs: number): Promise<void> {
	await page.getByTestId('file-input').setInputFiles(file);
	const first = page
		.locator('[data-testid="mapping-ok"], [data-testid="mapping-errors"], [data-testid="import-error"]')
		.first();
	await first.waitFor({ state: 'attached', timeout: timeoutMs });
	if ((await first.getAttribute('data-testid')) !== 'mapping-ok')
		throw new Error(`page did not map ${file}: ${await first.textContent()}`);
	await page.getByTestId('segment-summary').waitFor({ state: 'attached', timeout: timeoutMs });
}

/**
 * Waits until the page has been quiet towards DuckDB for `quietMs` (no statement running, none
 * answered lately): after the summary appears, the data-quality report, plots and the customer
 * grid keep querying for a while, and the single connection runs one statement at a time, so an
 * edit made meanwhile waits behind them. We measure an edit made at rest.
 */
export async function waitIdle(page: Page, quietMs = 700, timeoutMs = 120_000): Promise<boolean> {
	const expr = `(function () {
		var now = performance.now(), last = 0, busy = false;
		window.__bench.msgs.forEach(function (m) {
			if (m.end === null && now - m.start < 60000) busy = true;
			last = Math.max(last, m.end === null ? m.start : m.end);
		});
		return !busy && now - last >= ${quietMs};
	})()`;
	try {
		await until(page, expr, timeoutMs);
		return true;
	} catch {
		return false;
	}
}

const named = (t: PageTrace, re: RegExp, after: number) =>
	t.marks.find((m) => re.test(m.name) && m.start >= after - 1);

export async function measureResegment(page: Page, timeoutMs: number): Promise<ResegmentRun> {
	await waitIdle(page);
	const e = (await page.evaluate(EDIT)) as { at: number; edit: string; before: number } | null;
	if (!e) throw new Error('no rule editor input (rule-0-r-lo) or segment summary on the page');
	await until(
		page,
		`window.__bench.marks.some(function (m) { return /^clientele:rfm-(resegment|rescore|run)$/.test(m.name) && m.start >= ${e.at - 1}; })`,
		timeoutMs
	);
	await page.waitForTimeout(300);
	// The redraws after the summary (plots, grid) belong to the edit's long tasks.
	await waitIdle(page, 700, timeoutMs);
	const t = (await page.evaluate('window.__bench')) as PageTrace & { summaryMutations: number[] };
	const whole = named(t, /^clientele:rfm-(resegment|rescore|run)$/, e.at)!;
	const cov = named(t, /^clientele:rfm-(resegment|rescore|run)-coverage$/, e.at);
	const tasks = t.longtasks.filter((l) => l.start + l.dur >= e.at);
	const sqlPart = named(t, /^clientele:rfm-(resegment|rescore|run)-sql$/, e.at);
	const end = whole.start + whole.dur;
	const shown = t.summaryMutations.find((m) => m >= end - 0.5) ?? end;
	const after = Number(
		await page
			.getByTestId('count-champions')
			.first()
			.getAttribute('data-value')
			.catch(() => -1)
	);
	const coverage = cov ? cov.start + cov.dur - e.at : null;
	const longest = Math.max(0, ...tasks.map((l) => l.dur));
	console.log(
		`[bench]            re-segment: summary shown ${(shown - e.at).toFixed(0)} ms, coverage answered ${coverage?.toFixed(0) ?? '–'} ms, longest task after the edit ${longest.toFixed(0)} ms`
	);
	return {
		resegment_ms: shown - e.at,
		coverage_ms: coverage,
		longest_task_ms: longest,
		model_ms: end - e.at,
		sql_ms: sqlPart?.dur ?? NaN,
		step: whole.name.replace('clientele:rfm-', ''),
		edit: e.edit,
		counts_before: e.before,
		counts_after: after,
		steps: pageSteps(t, e.at, shown)
	};
}

const CLICK = String.raw`(function () {
	var tab = document.querySelector('[data-testid="tab-value"]');
	if (!tab || tab.disabled) return null;
	var at = performance.now();
	tab.click();
	return at;
})()`;

export async function measureValueMatrix(page: Page, timeoutMs: number): Promise<ValueRun> {
	await waitIdle(page);
	const clickAt = (await page.evaluate(CLICK)) as number | null;
	if (clickAt === null) throw new Error('no enabled value tab (data-testid="tab-value")');
	await until(
		page,
		`window.__bench.marks.some(function (m) { return m.name === 'clientele:value-matrix-done'; }) || !!document.querySelector('[data-testid="value-view"] [role="alert"]')`,
		timeoutMs
	);
	const t = (await page.evaluate('window.__bench')) as PageTrace;
	const done = t.marks.find((m) => m.name === 'clientele:value-matrix-done');
	if (!done) {
		const msg = await page
			.locator('[data-testid="value-view"] [role="alert"]')
			.first()
			.textContent();
		throw new Error(`value view failed: ${msg}`);
	}
	const fit = t.marks.find((m) => m.name === 'clientele:clv-fit' && m.start >= clickAt);
	const during = t.longtasks.filter((l) => l.start + l.dur >= clickAt && l.start < done.start);
	return {
		value_matrix_ms: done.start - clickAt,
		clv_fit_ms: fit ? fit.dur : null,
		longest_task_ms: Math.max(0, ...during.map((l) => l.dur)),
		peak_rss_mb: null,
		peak_pss_mb: null,
		clickAt,
		doneAt: done.start,
		fitSpan: fit ? [fit.start, fit.start + fit.dur] : null
	};
}
