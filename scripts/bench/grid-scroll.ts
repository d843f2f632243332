/**
 * Scrolling with 50 columns (issue 16: "scrolling stays smooth with 50 columns"): a fresh browser
 * loads the generated wide file (generate-wide.ts), opens the Data tab and waits for its first rows;
 * then, with a Chromium trace running, mouse-wheel events over the grid — 120 px down every 16 ms
 * for 3 s (about 60 events a second: a fast wheel or a trackpad fling), then 120 px sideways for
 * 2 s, right and back (sent on a 16 ms clock, not each after the last one's acknowledgement) — while
 * the page records every requestAnimationFrame. Reported: the frame
 * intervals (median, p95, max, share over 50 ms: a frame that late is a visible stutter), the
 * longest main-thread task (wall and CPU, with what it did), how far the grid moved, and how many
 * blocks of rows were fetched meanwhile.
 */
import type { Browser } from 'playwright-core';
import { launch } from '../../test/e2e/harness.ts';
import { traceTasks } from '../../test/e2e/task-cpu.ts';
import { openLoaded } from './grid.ts';
import type { PageTrace } from './trace.ts';
import { until, waitIdle } from './value.ts';

export interface ScrollRun {
	rows: number;
	columns: number;
	/** Wheel events sent (down, then sideways). */
	wheel_events: number;
	duration_ms: number;
	frames: number;
	frame_median_ms: number;
	frame_p95_ms: number;
	frame_max_ms: number;
	/** Share of frame intervals over 50 ms. */
	frames_over_50ms: number;
	longest_task_wall_ms: number;
	longest_task_cpu_ms: number;
	longest_task_what: string;
	/** Tasks over 100 ms (wall or CPU) during the scroll. */
	tasks_over_100ms: number;
	scrolled_down_px: number;
	scrolled_sideways_px: number;
	/** Row blocks (100 rows each) asked of DuckDB during the scroll. */
	row_queries: number;
	errors: string[];
}

export const WHEEL_DY = 120;
const EVERY_MS = 16;

const quantile = (s: readonly number[], p: number) =>
	s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;

export async function runScroll(
	url: string,
	file: { path: string; rows: number },
	columns: number,
	timeoutMs: number
): Promise<ScrollRun> {
	let browser: Browser | null = null;
	try {
		browser = await launch();
		const { page, errors } = await openLoaded(browser, url, file.path, timeoutMs);
		await page.getByTestId('tab-data').click();
		await until(page, `__gb.rows(document.querySelector('[data-testid="raw-grid"]'))`, timeoutMs);
		await waitIdle(page, 700, timeoutMs);
		const scroller = page.locator('[data-testid="raw-grid"] [role="grid"]');
		const box = await scroller.boundingBox();
		if (!box) throw new Error('grid bench: no grid to scroll');
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		const trace = await traceTasks(browser, page, { detail: true });
		const t0 = (await page.evaluate('(__gb.startFrames(), performance.now())')) as number;
		let events = 0;
		// Sent on a clock, not one after the other's acknowledgement (which a busy machine delays): the rate holds.
		const wheel = async (dx: number, dy: number, ms: number) => {
			const end = Date.now() + ms;
			const sent: Promise<void>[] = [];
			for (let next = Date.now(); Date.now() < end; next += EVERY_MS) {
				sent.push(page.mouse.wheel(dx, dy));
				events++;
				const wait = next + EVERY_MS - Date.now();
				if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			}
			await Promise.all(sent);
		};
		await wheel(0, WHEEL_DY, 3000);
		const down = (await scroller.evaluate((e) => e.scrollTop)) as number;
		let sideways = 0;
		for (let i = 0; i < 4; i++) {
			await wheel(i % 2 ? -WHEEL_DY : WHEEL_DY, 0, 500);
			if (i === 0) sideways = (await scroller.evaluate((e) => e.scrollLeft)) as number;
		}
		const frames = (await page.evaluate('__gb.stopFrames()')) as number[];
		const t1 = (await page.evaluate('performance.now()')) as number;
		const tasks = await trace.stop();
		const t = (await page.evaluate('window.__bench')) as PageTrace;
		const gaps = frames.slice(1).map((f, i) => f - frames[i]!);
		const sorted = [...gaps].sort((a, b) => a - b);
		const wall = t.longtasks.filter((l) => l.start >= t0 && l.start <= t1);
		const top = [...tasks].sort((a, b) => Math.max(b.cpu, b.wall) - Math.max(a.cpu, a.wall))[0];
		return {
			rows: file.rows,
			columns,
			wheel_events: events,
			duration_ms: t1 - t0,
			frames: frames.length,
			frame_median_ms: quantile(sorted, 0.5),
			frame_p95_ms: quantile(sorted, 0.95),
			frame_max_ms: sorted[sorted.length - 1] ?? 0,
			frames_over_50ms: gaps.length ? gaps.filter((g) => g > 50).length / gaps.length : 0,
			longest_task_wall_ms: Math.max(0, ...wall.map((l) => l.dur), ...tasks.map((k) => k.wall)),
			longest_task_cpu_ms: Math.max(0, ...tasks.map((k) => k.cpu)),
			longest_task_what: top?.what ?? '',
			tasks_over_100ms: tasks.filter((k) => Math.max(k.wall, k.cpu) > 100).length,
			scrolled_down_px: down,
			scrolled_sideways_px: sideways,
			row_queries: t.msgs.filter(
				(m) => m.start >= t0 && m.text !== null && / AS grid_src\b/.test(m.text)
			).length,
			errors
		};
	} finally {
		await browser?.close();
	}
}
