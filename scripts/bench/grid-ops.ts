/**
 * Issue 16's grid operations in the page, on a loaded retail file (grid.ts opens it): the Data
 * tab's grid, a value filter and a range filter on top, clearing them, quick searches (the search
 * index is made ahead once the grid has opened: no debounce then), column profiles of a number, a
 * date and a text column; the pivot is in grid-pivot.ts. Each is one user action done inside the page (act), timed to its answer on
 * screen (settle: the frame after the DOM shows it), with the worker's SQL in that span from the
 * trace's worker messages (trace.ts pageSteps: statements vs the page's own JS).
 */
import type { Page } from 'playwright-core';
import { act, settle, type Watched } from './grid-watch.ts';
import { pageSteps, type PageTrace, type StepTime } from './trace.ts';
import { waitIdle } from './value.ts';

export interface OpRun {
	/** Key in results.json (filter_value, search_first, profile_number, …). */
	op: string;
	what: string;
	/** Action → the answer on screen (the frame after the DOM has it); null: not seen in time. */
	ms: number | null;
	/** Action → the first part of the answer on screen: the new row count (the rows follow), a profile's figures (its chart follows). */
	first_ms: number | null;
	/** Time the DuckDB worker was answering in that span (statements, polls and fetches). */
	sql_ms: number | null;
	/** The span by statement and page JS. */
	steps: StepTime[];
	/** The row count shown after (grid operations). */
	shown: string | null;
	/** The span on the page's clock, up to DuckDB quiet again (long tasks are counted in it). */
	at: number;
	end: number;
	/** Longest main-thread task in [at, end]: wall (Long Tasks API) and CPU (trace), with what it was. */
	longest_task_wall_ms?: number;
	longest_task_cpu_ms?: number;
	longest_task_what?: string;
}

/** The grid's row count changed, and the grid's first rows are drawn. */
export const COUNT = '__gb.count(grid) !== before';
export const ROWS = `${COUNT} && __gb.rows(grid)`;
const PAGE_JS = /^page JS|^read sample/;

/** One timed action: `watches` (name → JS test), `main` the one whose frame is the answer on screen. */
export async function measure(
	page: Page,
	o: {
		op: string;
		what: string;
		watches: Record<string, string>;
		action: string;
		main: string;
		timeoutMs: number;
	}
): Promise<OpRun> {
	const { at, before } = await act(page, o.watches, o.action);
	let seen: Record<string, Watched> = {};
	try {
		seen = await settle(page, o.timeoutMs);
	} catch (e) {
		console.error(`[bench]   ${o.op}: ${e instanceof Error ? e.message : e}`);
		await waitIdle(page, 500, o.timeoutMs);
	}
	const end = (await page.evaluate('performance.now()')) as number;
	const t = (await page.evaluate('window.__bench')) as PageTrace;
	const shownAt = seen[o.main]?.frame ?? null;
	const first = (seen.count ?? seen.stats)?.frame;
	const steps = shownAt === null ? [] : pageSteps(t, at, shownAt);
	const shown = (await page.evaluate(
		`__gb.count(document.querySelector('[data-testid="raw-grid"]'))`
	)) as string | null;
	const r: OpRun = {
		op: o.op,
		what: o.what,
		ms: shownAt === null ? null : shownAt - at,
		first_ms: first == null ? null : first - at,
		sql_ms:
			shownAt === null
				? null
				: steps.filter((s) => !PAGE_JS.test(s.label)).reduce((a, s) => a + s.ms, 0),
		steps,
		shown:
			shown !== null && shown === before && !o.op.startsWith('profile')
				? `${shown} (unchanged)`
				: shown,
		at,
		end
	};
	return r;
}

const q = (s: string) => JSON.stringify(s);
const btn = (kind: 'filter-btn' | 'profile-btn', column: string) =>
	`grid.querySelector('[data-testid="${kind}"][data-column=${q(column)}]')`;

/** Data tab: click → the grid's row count and first rows (the text table read, the grid's typed copy made). */
export async function openDataTab(page: Page, timeoutMs: number): Promise<OpRun> {
	return measure(page, {
		op: 'open_data_tab',
		what: 'Data tab opened (text table read, typed copy made, first rows)',
		watches: { count: `!!$('raw-grid-count')`, rows: `__gb.rows($('raw-grid'))` },
		action: `$('tab-data').click();`,
		main: 'rows',
		timeoutMs
	});
}

/** Value filter Country = Germany, then 2 ≤ Quantity ≤ 10 on top, then both cleared. */
export async function filters(page: Page, timeoutMs: number): Promise<OpRun[]> {
	const grid = page.getByTestId('raw-grid');
	const out: OpRun[] = [];
	const watches = { count: COUNT, rows: ROWS };
	await grid.locator('[data-testid="filter-btn"][data-column="Country"]').click();
	await grid
		.getByTestId('filter-values')
		.locator('label', { hasText: 'Germany' })
		.first()
		.locator('input')
		.check();
	await waitIdle(page, 300, timeoutMs);
	out.push(
		await measure(page, {
			op: 'filter_value',
			what: 'value filter Country = Germany',
			watches,
			action: `$('filter-apply', grid).click();`,
			main: 'rows',
			timeoutMs
		})
	);
	await grid.locator('[data-testid="filter-btn"][data-column="Quantity"]').click();
	await grid.getByTestId('filter-tab-range').click();
	await grid.getByTestId('filter-min').fill('2');
	await grid.getByTestId('filter-max').fill('10');
	await waitIdle(page, 300, timeoutMs);
	out.push(
		await measure(page, {
			op: 'filter_range',
			what: 'range filter 2 ≤ Quantity ≤ 10 on top',
			watches,
			action: `$('filter-apply', grid).click();`,
			main: 'rows',
			timeoutMs
		})
	);
	out.push(
		await measure(page, {
			op: 'filter_clear',
			what: 'both filters cleared (Clear all)',
			watches,
			action: `$('grid-clear', grid).click();`,
			main: 'rows',
			timeoutMs
		})
	);
	return out;
}

/**
 * The quick-search texts, in order: the first after the index is made ahead; digits, latin, a cancelled
 * invoice, none, the first again, then a word and a text typed on from it (its rows found among the
 * word's: run/grid-source.ts). Each changes the row count (the step's end is seen by it).
 */
export const SEARCHES: { op: string; text: string; what: string }[] = [
	{ op: 'search_first', text: 'heart', what: 'first search "heart" (the search index made ahead, after the Data tab opened)' },
	{ op: 'search_digits', text: '17850', what: 'search "17850" (digits: a customer id)' },
	{ op: 'search_latin', text: 'vintage', what: 'search "vintage"' },
	{ op: 'search_invoice', text: 'c5363', what: 'search "c5363" (cancelled invoices)' },
	{ op: 'search_none', text: 'zqxjw', what: 'search "zqxjw" (no match)' },
	{ op: 'search_again', text: 'heart', what: 'search "heart" again' },
	{ op: 'search_begun', text: 'lunch', what: 'search "lunch" (72,000 rows)' },
	{ op: 'search_typed_on', text: 'lunch box', what: 'search "lunch box" typed on from "lunch" (264 rows)' }
];

/** Each text typed at once (as pasted) into the search box of the unfiltered 1M rows; then cleared. */
export async function searches(page: Page, timeoutMs: number): Promise<OpRun[]> {
	const out: OpRun[] = [];
	for (const s of SEARCHES) {
		const action = `var s = $('grid-search', grid); s.value = ${q(s.text)}; s.dispatchEvent(new Event('input', { bubbles: true }));`;
		out.push(
			await measure(page, {
				op: s.op,
				what: s.what,
				watches: { count: COUNT, rows: ROWS },
				action,
				main: 'rows',
				timeoutMs
			})
		);
		await waitIdle(page, 700, timeoutMs);
	}
	out.push(
		await measure(page, {
			op: 'search_clear',
			what: 'search cleared (Clear all)',
			watches: { count: COUNT, rows: ROWS },
			action: `$('grid-clear', grid).click();`,
			main: 'rows',
			timeoutMs
		})
	);
	return out;
}

export const PROFILES = [
	{ op: 'profile_number', column: 'UnitPrice' },
	{ op: 'profile_date', column: 'InvoiceDate' },
	{ op: 'profile_text', column: 'Description' }
];

/** Click on a column's profile button → its figures and chart shown (all 1M rows); closed after. */
export async function profiles(page: Page, timeoutMs: number): Promise<OpRun[]> {
	const out: OpRun[] = [];
	for (const p of PROFILES) {
		out.push(
			await measure(page, {
				op: p.op,
				what: `profile of ${p.column} (${p.op.replace('profile_', '')})`,
				watches: {
					stats: `!!$('profile-stats', grid)`,
					shown: `!!$('profile-stats', grid) && !!grid.querySelector('[data-testid="profile-panel"] svg')`
				},
				action: `${btn('profile-btn', p.column)}.click();`,
				main: 'shown',
				timeoutMs
			})
		);
		await page.getByTestId('profile-close').click();
		await page.getByTestId('profile-panel').waitFor({ state: 'detached', timeout: timeoutMs });
	}
	return out;
}
