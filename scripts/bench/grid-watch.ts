/**
 * The grid bench's eyes in the page (an init script, plain JS, beside trace.ts's): `__gb.watch(name,
 * test)` records when `test()` first holds after a DOM change (a MutationObserver, so on the change,
 * not on a poll) and the start of the next animation frame (the frame that paints it); `rows(grid)`
 * says whether a grid shows its first rows (no "…" placeholder left in its first row, or its
 * "no rows" line); `frames` records requestAnimationFrame times while scrolling.
 *
 * `act()` runs one user action in the page and arms the watchers in the same task, so the action's
 * time and the watchers' "before" state are taken together; `settle()` waits for the watchers and
 * then for DuckDB to be quiet (value.ts's waitIdle), and returns their times.
 */
import type { Page } from 'playwright-core';
import { until, waitIdle } from './value.ts';

const INIT = String.raw`(function () {
	var g = { watches: {}, frames: null };
	window.__gb = g;
	function check() {
		var now = performance.now();
		Object.keys(g.watches).forEach(function (k) {
			var w = g.watches[k];
			if (w.dom !== null) return;
			var ok = false;
			try { ok = !!w.test(); } catch (e) { ok = false; }
			if (ok) {
				w.dom = now;
				requestAnimationFrame(function () { w.frame = performance.now(); });
			}
		});
	}
	g.watch = function (name, test) { g.watches[name] = { test: test, dom: null, frame: null }; };
	g.clear = function () { g.watches = {}; };
	g.count = function (grid) {
		var e = grid && grid.querySelector('[data-testid$="-count"]');
		return e ? e.getAttribute('data-shown') : null;
	};
	g.rows = function (grid) {
		if (!grid) return false;
		if (g.count(grid) === '0') return !!grid.querySelector('p.empty');
		var row = grid.querySelector('[role="rowgroup"] [role="row"]');
		if (!row) return false;
		var cells = row.querySelectorAll('[role="gridcell"]');
		for (var i = 0; i < cells.length; i++) if (cells[i].textContent === '…') return false;
		return cells.length > 0;
	};
	g.startFrames = function () {
		g.frames = [];
		var loop = function (t) { if (!g.frames) return; g.frames.push(t); requestAnimationFrame(loop); };
		requestAnimationFrame(loop);
	};
	g.stopFrames = function () { var f = g.frames; g.frames = null; return f; };
	document.addEventListener('DOMContentLoaded', function () {
		new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
	});
})();`;

export const gridWatchScript = (): string => INIT;

export interface Watched {
	dom: number | null;
	frame: number | null;
}

/**
 * Runs `action` (JS statements; `grid` is the raw grid, `$` a query by test id inside the document)
 * after arming `watches` (name → JS expression, true once the answer is on screen; `before` is the
 * grid's row count before the action). Returns the action's time on the page's clock.
 */
export async function act(
	page: Page,
	watches: Record<string, string>,
	action: string
): Promise<{ at: number; before: string | null }> {
	const arm = Object.entries(watches)
		.map(([k, test]) => `__gb.watch(${JSON.stringify(k)}, function () { return ${test}; });`)
		.join('\n');
	const r = (await page.evaluate(`(function () {
		var $ = function (id, root) { return (root || document).querySelector('[data-testid="' + id + '"]'); };
		var grid = $('raw-grid');
		var before = __gb.count(grid);
		__gb.clear();
		${arm}
		var at = performance.now();
		${action}
		return { at: at, before: before };
	})()`)) as { at: number; before: string | null } | null;
	if (!r) throw new Error(`grid bench: the action did not run: ${action}`);
	return r;
}

/** Waits until every watcher has its frame (or `timeoutMs`), then for DuckDB to be quiet; their times. */
export async function settle(
	page: Page,
	timeoutMs: number,
	quietMs = 500
): Promise<Record<string, Watched>> {
	await until(
		page,
		`Object.keys(__gb.watches).every(function (k) { return __gb.watches[k].frame !== null; })`,
		timeoutMs
	);
	await waitIdle(page, quietMs, timeoutMs);
	return (await page.evaluate(
		`(function () { var o = {}; Object.keys(__gb.watches).forEach(function (k) { o[k] = { dom: __gb.watches[k].dom, frame: __gb.watches[k].frame }; }); return o; })()`
	)) as Record<string, Watched>;
}
