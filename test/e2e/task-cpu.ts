import type { Browser, Page } from 'playwright-core';

/**
 * The page's main-thread tasks by thread CPU time, from a Chromium trace. A task's wall time (what
 * the Long Tasks API reports) includes the time its thread waited for a CPU, so on a machine shared
 * by several builds it says more about the load than about the page (a 0.1 s task measured 0.5–2 s
 * at load average 20); its CPU time does not. Call `stop()` to end the trace: it returns the tasks
 * between `start` and `stop`, longest first, each with its wall and CPU time (ms).
 */
export async function traceTasks(browser: Browser, page: Page): Promise<{ stop: () => Promise<{ wall: number; cpu: number }[]> }> {
	await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'] });
	await page.evaluate(() => performance.mark('task-cpu:start'));
	return {
		async stop() {
			await page.evaluate(() => performance.mark('task-cpu:end'));
			const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
			const start = events.find((e) => e.name === 'task-cpu:start');
			const end = events.find((e) => e.name === 'task-cpu:end');
			if (!start || !end) throw new Error('task-cpu: the trace has no marks');
			const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
			if (!main) throw new Error('task-cpu: no renderer main thread in the trace');
			return events
				.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.pid === main.pid && e.tid === main.tid)
				.filter((e) => e.ts >= start.ts && e.ts <= end.ts)
				.map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
				.sort((a, b) => b.cpu - a.cpu);
		}
	};
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tdur?: number;
	pid: number;
	tid: number;
	args?: { name?: string };
}
