import type { Browser, Page } from 'playwright-core';

/** A main-thread task: wall and thread CPU time (ms), its start on the page's clock, and (detail) what ran in it. */
export interface TracedTask {
	wall: number;
	cpu: number;
	/** Start, as the page's performance.now(). */
	at: number;
	/** With `detail`, for tasks of 50 ms or more: the longest kinds of work inside, e.g. "Layout 80 ms · JS onscroll (index.js) 30 ms". */
	what?: string;
}

/**
 * The page's main-thread tasks by thread CPU time, from a Chromium trace. A task's wall time (what
 * the Long Tasks API reports) includes the time its thread waited for a CPU, so on a machine shared
 * by several builds it says more about the load than about the page (a 0.1 s task measured 0.5–2 s
 * at load average 20); its CPU time does not. Call `stop()` to end the trace: it returns the tasks
 * between `start` and `stop`, longest first, each with its wall and CPU time (ms). `detail` also
 * records DevTools' timeline events (scripts, style, layout, paint, GC) to say what a long task did.
 */
export async function traceTasks(browser: Browser, page: Page, opts: { detail?: boolean } = {}): Promise<{ stop: () => Promise<TracedTask[]> }> {
	const categories = ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'];
	if (opts.detail) categories.push('devtools.timeline');
	await browser.startTracing(page, { categories });
	const startAt = await page.evaluate(() => performance.mark('task-cpu:start').startTime);
	return {
		async stop() {
			await page.evaluate(() => performance.mark('task-cpu:end'));
			const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
			const start = events.find((e) => e.name === 'task-cpu:start');
			const end = events.find((e) => e.name === 'task-cpu:end');
			if (!start || !end) throw new Error('task-cpu: the trace has no marks');
			const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid);
			if (!main) throw new Error('task-cpu: no renderer main thread in the trace');
			const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.ts >= start.ts && e.ts <= end.ts);
			const inner = opts.detail ? onMain.filter((e) => e.name in WHAT) : [];
			return onMain
				.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
				.map((e) => {
					const t: TracedTask = { wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000, at: startAt + (e.ts - start.ts) / 1000 };
					if (opts.detail && Math.max(t.wall, t.cpu) >= 50) t.what = describe(e, inner);
					return t;
				})
				.sort((a, b) => b.cpu - a.cpu);
		}
	};
}

/** Timeline events worth naming, and how. */
const WHAT: Record<string, (e: TraceEvent) => string> = {
	FunctionCall: (e) => `JS ${e.args?.data?.functionName || '(anonymous)'} (${(e.args?.data?.url ?? '').split('/').pop() || '?'})`,
	EventDispatch: (e) => `event ${e.args?.data?.type ?? '?'}`,
	TimerFire: () => 'timer',
	FireAnimationFrame: () => 'animation frame',
	RunMicrotasks: () => 'microtasks',
	UpdateLayoutTree: () => 'style',
	Layout: () => 'layout',
	PrePaint: () => 'pre-paint',
	Paint: () => 'paint',
	Layerize: () => 'layerize',
	MajorGC: () => 'GC (major)',
	MinorGC: () => 'GC (minor)',
	'V8.GC_MC_BACKGROUND_MARKING': () => 'GC marking',
	ParseHTML: () => 'parse HTML',
	EvaluateScript: () => 'evaluate script',
	'v8.compile': () => 'compile'
};

/** The kinds of work inside a task, longest first (nested events count in each of their kinds). */
function describe(task: TraceEvent, inner: readonly TraceEvent[]): string {
	const to = task.ts + (task.dur ?? 0);
	const by = new Map<string, number>();
	for (const e of inner) {
		if (e.ts < task.ts || e.ts + (e.dur ?? 0) > to) continue;
		const k = WHAT[e.name]!(e);
		by.set(k, (by.get(k) ?? 0) + (e.dur ?? 0) / 1000);
	}
	return [...by]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 4)
		.map(([k, ms]) => `${k} ${Math.round(ms)} ms`)
		.join(' · ');
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tdur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}
