/**
 * The grid part's medians (bench/results.json: `page_grid` under each size, `page_grid_scroll` at
 * the top) and its printed lines, with issue 16's targets: a filter or search < 150 ms, a column
 * profile < 300 ms, a pivot with two group-bys < 300 ms, no main-thread task > 100 ms, smooth
 * scrolling with 50 columns (here: no frame interval over 50 ms, p95 ≤ 20 ms).
 */
import type { GridRun, LongTask } from './grid.ts';
import type { OpRun } from './grid-ops.ts';
import type { ScrollRun } from './grid-scroll.ts';
import { median, medianSteps, round } from './report.ts';

export const TASK_TARGET_MS = 100;
/** The target of an operation (ms), or null (opening the Data tab has none). */
export function targetOf(op: string): number | null {
	if (op.startsWith('filter_') || op.startsWith('search_')) return 150;
	if (op.startsWith('profile_') || op.startsWith('pivot_')) return 300;
	return null;
}

const med = (xs: (number | null | undefined)[]) =>
	round(median(xs.filter((x): x is number => typeof x === 'number')));

export function gridSummary(runs: readonly GridRun[]): Record<string, unknown> {
	const ops: Record<string, unknown> = {};
	for (const key of runs[0]?.ops.map((o) => o.op) ?? []) {
		const rs = runs.map((r) => r.ops.find((o) => o.op === key)).filter((o): o is OpRun => !!o);
		const ms = med(rs.map((o) => o.ms));
		const target = targetOf(key);
		ops[key] = {
			what: rs[0]!.what,
			ms,
			first_ms: med(rs.map((o) => o.first_ms)),
			sql_ms: med(rs.map((o) => o.sql_ms)),
			longest_task_wall_ms: med(rs.map((o) => o.longest_task_wall_ms)),
			longest_task_cpu_ms: med(rs.map((o) => o.longest_task_cpu_ms)),
			shown: rs[0]!.shown,
			target_ms: target,
			pass: target === null || ms === null ? null : ms < target,
			runs_ms: rs.map((o) => round(o.ms)),
			steps_ms: medianSteps(rs.map((o) => o.steps))
		};
	}
	const over: (LongTask & { run: number })[] = runs.flatMap((r, i) =>
		r.over_100ms.map((k) => ({ ...k, run: i + 1 }))
	);
	return {
		ops,
		load_ms: med(runs.map((r) => r.load_ms)),
		longest_task_wall_ms: med(runs.map((r) => r.longest_task_wall_ms)),
		longest_task_cpu_ms: med(runs.map((r) => r.longest_task_cpu_ms)),
		longest_task_wall_max_ms: round(Math.max(0, ...runs.map((r) => r.longest_task_wall_ms))),
		longest_task_cpu_max_ms: round(Math.max(0, ...runs.map((r) => r.longest_task_cpu_ms))),
		tasks_over_100ms: over,
		errors: runs.flatMap((r) => r.errors),
		runs: runs.length
	};
}

export function scrollSummary(runs: readonly ScrollRun[]): Record<string, unknown> | null {
	if (!runs.length) return null;
	const keys = Object.keys(runs[0]!).filter(
		(k) => typeof runs[0]![k as keyof ScrollRun] === 'number'
	) as (keyof ScrollRun)[];
	const out: Record<string, unknown> = {};
	for (const k of keys)
		out[k] =
			k === 'frames_over_50ms'
				? round(median(runs.map((r) => r[k] as number)), 4)
				: med(runs.map((r) => r[k] as number));
	out.frame_max_max_ms = round(Math.max(...runs.map((r) => r.frame_max_ms)));
	out.longest_task_what = [...runs].sort(
		(a, b) => b.longest_task_cpu_ms - a.longest_task_cpu_ms
	)[0]!.longest_task_what;
	out.smooth = runs.every((r) => r.frames_over_50ms === 0) && (out.frame_p95_ms as number) <= 20;
	out.errors = runs.flatMap((r) => r.errors);
	out.runs_ms = runs.map((r) => ({
		median: round(r.frame_median_ms, 1),
		p95: round(r.frame_p95_ms, 1),
		max: round(r.frame_max_ms),
		over_50ms: round(r.frames_over_50ms, 4)
	}));
	return out;
}

const ms = (v: unknown) => (typeof v === 'number' ? `${Math.round(v)} ms` : '–');
const verdict = (pass: unknown) => (pass === true ? 'pass' : pass === false ? 'NOT MET' : '');

/** One line per run while measuring. */
export function runLine(i: number, r: GridRun): string {
	const bad = r.over_100ms.length
		? `; over 100 ms: ${r.over_100ms.map((k) => `${k.op} ${k.wall_ms}/${k.cpu_ms} ms (${k.what})`).join('; ')}`
		: '';
	return `  grid   #${i + 1}: ${r.ops.map((o) => `${o.op} ${ms(o.ms)}`).join(', ')}; longest task ${ms(r.longest_task_wall_ms)} wall / ${ms(r.longest_task_cpu_ms)} CPU${bad}`;
}

export function scrollLine(i: number, r: ScrollRun): string {
	return `  scroll #${i + 1}: ${r.rows} × ${r.columns}, ${r.wheel_events} wheel events in ${ms(r.duration_ms)}, ${r.frames} frames: median ${r.frame_median_ms.toFixed(1)} ms, p95 ${r.frame_p95_ms.toFixed(1)} ms, max ${ms(r.frame_max_ms)}, over 50 ms ${(r.frames_over_50ms * 100).toFixed(1)} %; longest task ${ms(r.longest_task_wall_ms)} wall / ${ms(r.longest_task_cpu_ms)} CPU (${r.longest_task_what}); moved ${r.scrolled_down_px} px down, ${r.scrolled_sideways_px} px sideways; ${r.row_queries} row blocks fetched`;
}

/** The summary: one line per measurement, with its target. */
export function printGrid(
	rows: number,
	g: Record<string, unknown>,
	scroll: Record<string, unknown> | null
): string {
	const load = (x: unknown) =>
		`load average ${((x as number[][] | undefined) ?? []).map((l) => l[0]).join(', ')}`;
	const out = [
		`\ngrid tools in the page, ${rows.toLocaleString('en-US')} rows (issue 16; medians of ${g.runs}; ${load(g.load_average_before)}):`
	];
	for (const [k, v] of Object.entries(g.ops as Record<string, Record<string, unknown>>)) {
		const extra = [
			v.first_ms != null && v.first_ms !== v.ms ? `first part shown ${ms(v.first_ms)}` : '',
			`SQL ${ms(v.sql_ms)}`,
			`longest task ${ms(v.longest_task_wall_ms)} wall / ${ms(v.longest_task_cpu_ms)} CPU`,
			v.shown != null ? `${v.shown} rows shown` : ''
		].filter(Boolean);
		const target = v.target_ms != null ? ` (target < ${v.target_ms} ms: ${verdict(v.pass)})` : '';
		out.push(`  ${k.padEnd(19)} ${ms(v.ms).padStart(8)}${target} — ${v.what}; ${extra.join(', ')}`);
	}
	const over = g.tasks_over_100ms as (LongTask & { run: number })[];
	const cpuMax = g.longest_task_cpu_max_ms as number;
	out.push(
		`  main thread: longest task ${ms(g.longest_task_wall_ms)} wall / ${ms(g.longest_task_cpu_ms)} CPU (max over runs ${ms(g.longest_task_wall_max_ms)} / ${ms(cpuMax)}; target ≤ ${TASK_TARGET_MS} ms by CPU: ${verdict(cpuMax <= TASK_TARGET_MS)}, by wall: ${verdict((g.longest_task_wall_max_ms as number) <= TASK_TARGET_MS)})`
	);
	for (const k of over)
		out.push(
			`    run ${k.run}, ${k.op}: ${k.wall_ms} ms wall / ${k.cpu_ms} ms CPU — ${k.what}${(k.cpu_ms ?? 0) <= TASK_TARGET_MS ? ' (CPU under 100 ms: the rest is waiting for a core)' : ''}`
		);
	if (scroll)
		out.push(
			`  scrolling ${scroll.rows} × ${scroll.columns}: frames median ${ms(scroll.frame_median_ms)}, p95 ${ms(scroll.frame_p95_ms)}, max ${ms(scroll.frame_max_ms)} (worst run ${ms(scroll.frame_max_max_ms)}), over 50 ms ${((scroll.frames_over_50ms as number) * 100).toFixed(1)} %; longest task ${ms(scroll.longest_task_wall_ms)} wall / ${ms(scroll.longest_task_cpu_ms)} CPU (${scroll.longest_task_what}) — smooth: ${scroll.smooth ? 'yes' : 'NO'} (${load(scroll.load_average_before)})`
		);
	return out.join('\n');
}
