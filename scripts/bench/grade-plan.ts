/**
 * The page after RFM (and after the value matrix, see page.ts), issue 13's target: grading and the
 * action list at 1M transactions under 1 s after RFM.
 *
 * measureTab('grade') — a click on the grading tab → the default standard's tier table shown
 *   (data-testid 'grade-tier-table' appears): the page applies the weighted VIP / Important /
 *   Regular / General preset (run/grade.ts: availability, indicator values, points, tiers, then the
 *   tier summary, distribution and sensitivity queries). The model's measure 'clientele:grade-run'
 *   (src/views/grade/grade-model.svelte.ts) gives its own time, before rendering.
 * measureTab('plan') — a click on the plan tab → the action list's totals and preview shown
 *   ('plan-totals' and 'plan-preview' appear): the default basis (RFM segments) with the default
 *   plans (run/plan.ts: group ids, action list, contacts, then summary, workload and rows);
 *   the model's measure 'clientele:plan-run' (src/views/plan/plan-model.svelte.ts).
 *
 * Both start when the page is quiet towards DuckDB (waitIdle). longest_task_ms counts the long tasks
 * in click → shown; longest_task_after_ms those until DuckDB is quiet again (the charts drawn after).
 */
import type { Page } from 'playwright-core';
import { pageSteps, type PageTrace, type StepTime } from './trace.ts';
import { until, waitIdle } from './value.ts';

export interface TabRun {
	/** Click → the results shown (their first DOM appearance). */
	ms: number;
	/** Click → the model's measure ends (queries answered, before rendering). */
	model_ms: number;
	/** The model's run alone (its measure's duration). */
	run_ms: number;
	longest_task_ms: number;
	longest_task_after_ms: number;
	steps: StepTime[];
}

export type TabId = 'grade' | 'plan';

interface Tab {
	measure: string;
	/** What "shown" means: every one of these test ids has appeared. */
	shown: string[];
	errors: string;
}

const TABS: Record<TabId, Tab> = {
	grade: { measure: 'clientele:grade-run', shown: ['grade-tier-table'], errors: 'grade-errors' },
	plan: {
		measure: 'clientele:plan-run',
		shown: ['plan-totals', 'plan-preview'],
		errors: 'plan-errors'
	}
};

/** The test ids page.ts's init script watches for (first appearance times). */
export const GRADE_PLAN_WATCH = [...TABS.grade.shown, ...TABS.plan.shown];

const click = (id: TabId) => String.raw`(function () {
	var tab = document.querySelector('[data-testid="tab-${id}"]');
	if (!tab || tab.disabled) return null;
	var at = performance.now();
	tab.click();
	return at;
})()`;

export async function measureTab(page: Page, id: TabId, timeoutMs: number): Promise<TabRun> {
	const tab = TABS[id];
	await waitIdle(page);
	const at = (await page.evaluate(click(id))) as number | null;
	if (at === null) throw new Error(`no enabled tab (data-testid="tab-${id}")`);
	const seen = tab.shown.map((s) => `('${s}' in window.__bench.seen)`).join(' && ');
	await until(
		page,
		`(${seen}) || !!document.querySelector('[data-testid="${tab.errors}"]')`,
		timeoutMs
	);
	await page.waitForTimeout(300);
	await waitIdle(page, 700, timeoutMs);
	const t = (await page.evaluate('window.__bench')) as PageTrace;
	const m = t.marks.find((k) => k.name === tab.measure && k.start >= at - 1);
	const times = tab.shown.map((s) => t.seen[s]);
	if (!m || times.some((x) => x === undefined)) {
		const msg = await page
			.getByTestId(tab.errors)
			.first()
			.textContent()
			.catch(() => null);
		throw new Error(`${id} tab did not show its results${msg ? `: ${msg}` : ''}`);
	}
	const shown = Math.max(...(times as number[]));
	const tasks = t.longtasks.filter((l) => l.start + l.dur >= at);
	const longest = (xs: typeof tasks) => Math.max(0, ...xs.map((l) => l.dur));
	const r: TabRun = {
		ms: shown - at,
		model_ms: m.start + m.dur - at,
		run_ms: m.dur,
		longest_task_ms: longest(tasks.filter((l) => l.start < shown)),
		longest_task_after_ms: longest(tasks),
		steps: pageSteps(t, at, shown)
	};
	console.log(
		`[bench]            ${id}: shown ${r.ms.toFixed(0)} ms after the click (model ${r.model_ms.toFixed(0)} ms, its run ${r.run_ms.toFixed(0)} ms), longest task ${r.longest_task_ms.toFixed(0)} ms (${r.longest_task_after_ms.toFixed(0)} ms until quiet)`
	);
	return r;
}
