/**
 * `--only grid` (issue 16's targets, in the built page, in Chromium): per size, a fresh browser per
 * run loads the generated retail file (as page.ts: engine warm, file set, RFM shown, DuckDB quiet),
 * then with a Chromium trace running (test/e2e/task-cpu.ts, with timeline detail):
 *   the Data tab opened, filters, quick searches, column profiles (grid-ops.ts) and the pivot
 *   (grid-pivot.ts), each timed from the user action to its answer on screen, with its SQL time;
 *   every main-thread task's wall and CPU time, attributed to the operation it fell in, and those
 *   over 100 ms listed with what they did.
 * Scrolling a 50-column file is grid-scroll.ts; medians and targets grid-report.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../test/e2e/harness.ts';
import { traceTasks, type TracedTask } from '../../test/e2e/task-cpu.ts';
import { filters, openDataTab, profiles, searches, type OpRun } from './grid-ops.ts';
import { pivot } from './grid-pivot.ts';
import { gridWatchScript } from './grid-watch.ts';
import { initScript, type PageTrace } from './trace.ts';
import { chooseAndMap, waitIdle } from './value.ts';

export interface LongTask {
	/** The operation it fell in ('between operations': opening menus, switching tabs, untimed set-up). */
	op: string;
	wall_ms: number;
	cpu_ms: number | null;
	what: string;
}

export interface GridRun {
	load_ms: number;
	ops: OpRun[];
	/** The longest main-thread task of the whole traced session (Data tab to pivot). */
	longest_task_wall_ms: number;
	longest_task_cpu_ms: number;
	/** Every task over 100 ms (wall or CPU). */
	over_100ms: LongTask[];
	errors: string[];
}

/** A fresh context with the bench's init scripts; the file loaded and its RFM view shown, DuckDB quiet. */
export async function openLoaded(
	browser: Browser,
	url: string,
	file: string,
	timeoutMs: number
): Promise<{ page: Page; errors: string[]; load_ms: number }> {
	const context = await browser.newContext({
		viewport: { width: 1400, height: 1000 },
		locale: 'en-US'
	});
	await context.addInitScript({ content: initScript(['mapping-ok', 'segment-summary']) });
	await context.addInitScript({ content: gridWatchScript() });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await page.goto(url + '?lang=en');
	await page
		.locator('[data-testid="engine-status"][data-warm="done"]')
		.waitFor({ state: 'attached', timeout: timeoutMs });
	await chooseAndMap(page, file, timeoutMs);
	const t = (await page.evaluate('window.__bench')) as PageTrace;
	await waitIdle(page, 1000, timeoutMs);
	return { page, errors, load_ms: (t.seen['mapping-ok'] ?? 0) - (t.inputAt ?? 0) };
}

/** Each task to the operation whose span it started in. */
function attribute(ops: readonly OpRun[], at: number): string {
	return ops.find((o) => at >= o.at - 1 && at <= o.end)?.op ?? 'between operations';
}

export async function runGrid(url: string, file: string, timeoutMs: number): Promise<GridRun> {
	let browser: Browser | null = null;
	try {
		browser = await launch();
		const { page, errors, load_ms } = await openLoaded(browser, url, file, timeoutMs);
		const trace = await traceTasks(browser, page, { detail: true });
		const ops: OpRun[] = [];
		ops.push(await openDataTab(page, timeoutMs));
		await waitIdle(page, 700, timeoutMs);
		ops.push(...(await filters(page, timeoutMs)));
		ops.push(...(await searches(page, timeoutMs)));
		ops.push(...(await profiles(page, timeoutMs)));
		ops.push(...(await pivot(page, timeoutMs)));
		const tasks: TracedTask[] = await trace.stop();
		const t = (await page.evaluate('window.__bench')) as PageTrace;
		const from = ops[0]!.at;
		const wall = t.longtasks.filter((l) => l.start >= from - 1);
		for (const o of ops) {
			const inOp = (at: number) => at >= o.at - 1 && at <= o.end;
			const cpu = tasks.filter((k) => inOp(k.at));
			o.longest_task_wall_ms = Math.max(0, ...wall.filter((l) => inOp(l.start)).map((l) => l.dur));
			o.longest_task_cpu_ms = Math.max(0, ...cpu.map((k) => k.cpu));
			const top = cpu.reduce<TracedTask | null>(
				(a, k) => (a === null || Math.max(k.cpu, k.wall) > Math.max(a.cpu, a.wall) ? k : a),
				null
			);
			if (top?.what) o.longest_task_what = top.what;
		}
		const over = tasks
			.filter((k) => Math.max(k.wall, k.cpu) > 100)
			.map((k): LongTask => ({
				op: attribute(ops, k.at),
				wall_ms: Math.round(k.wall),
				cpu_ms: Math.round(k.cpu),
				what: k.what ?? ''
			}));
		return {
			load_ms,
			ops,
			longest_task_wall_ms: Math.max(0, ...wall.map((l) => l.dur), ...tasks.map((k) => k.wall)),
			longest_task_cpu_ms: Math.max(0, ...tasks.map((k) => k.cpu)),
			over_100ms: over,
			errors
		};
	} finally {
		await browser?.close();
	}
}
