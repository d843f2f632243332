/**
 * What the bench reads from the page without hooks in src/: an init script (page.addInitScript)
 * that records long tasks, the moment the file input changes, the first appearance of elements
 * by data-testid, and every request/response between the page and the DuckDB worker (the Worker
 * constructor is wrapped), so the page's load can be split into engine start, sniffing, raw load,
 * validation and typed-table build.
 */
import { label } from './native.ts';

export interface StepTime {
	label: string;
	ms: number;
}

export interface WorkerMsg {
	type: string;
	text: string | null;
	start: number;
	end: number | null;
}

export interface PageTrace {
	longtasks: { start: number; dur: number }[];
	inputAt: number | null;
	seen: Record<string, number>;
	msgs: WorkerMsg[];
	marks: { name: string; start: number; dur: number; type: string }[];
}

/**
 * Runs in the page before its own scripts. Plain JS in a string (not a serialised TS function: the
 * TS runner may inject helpers such as __name into function bodies, which do not exist in the page).
 */
const INIT = String.raw`(function (watch) {
	var b = { longtasks: [], inputAt: null, seen: {}, msgs: [], marks: [] };
	window.__bench = b;
	try {
		new PerformanceObserver(function (l) {
			l.getEntries().forEach(function (e) { b.longtasks.push({ start: e.startTime, dur: e.duration }); });
		}).observe({ type: 'longtask', buffered: true });
		new PerformanceObserver(function (l) {
			l.getEntries().forEach(function (e) { b.marks.push({ name: e.name, start: e.startTime, dur: e.duration, type: e.entryType }); });
		}).observe({ entryTypes: ['mark', 'measure'] });
	} catch (e) { /* no observer */ }
	function onInput(e) {
		var t = e.target;
		if (b.inputAt === null && t && t.tagName === 'INPUT' && t.type === 'file') b.inputAt = performance.now();
	}
	document.addEventListener('input', onInput, true);
	document.addEventListener('change', onInput, true);
	function check() {
		for (var i = 0; i < watch.length; i++) {
			var id = watch[i];
			if (!(id in b.seen) && document.querySelector('[data-testid="' + id + '"]')) b.seen[id] = performance.now();
		}
	}
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
	// The engine's status (App.svelte) changes by attribute: 'engine-ready' / 'engine-warm' when it says so.
	new MutationObserver(function () {
		var e = document.querySelector('[data-testid="engine-status"]');
		if (!e) return;
		if (!('engine-ready' in b.seen) && e.getAttribute('data-state') === 'ready') b.seen['engine-ready'] = performance.now();
		if (!('engine-warm' in b.seen) && e.getAttribute('data-warm') === 'done') b.seen['engine-warm'] = performance.now();
	}).observe(document, { attributes: true, attributeFilter: ['data-state', 'data-warm'], subtree: true, childList: true });
	var pending = new Map();
	var W = window.Worker;
	class TracedWorker extends W {
		constructor(url, opts) {
			super(url, opts);
			this.addEventListener('message', function (ev) {
				var d = ev.data;
				// Progress reports (INSTANTIATE_PROGRESS) carry the request id too: wait for the answer.
				if (d && typeof d === 'object' && typeof d.requestId === 'number' && !/PROGRESS/.test(String(d.type))) {
					var r = pending.get(d.requestId);
					if (r) { r.end = performance.now(); pending.delete(d.requestId); }
				}
			});
		}
		postMessage(msg, transfer) {
			if (msg && typeof msg === 'object' && typeof msg.messageId === 'number') {
				var d = msg.data;
				var text = Array.isArray(d) && typeof d[1] === 'string' ? d[1].slice(0, 400)
					: Array.isArray(d) && typeof d[0] === 'string' ? d[0].slice(0, 200) : null;
				var r = { type: String(msg.type), text: text, start: performance.now(), end: null };
				pending.set(msg.messageId, r);
				b.msgs.push(r);
			}
			return super.postMessage(msg, transfer);
		}
	}
	window.Worker = TracedWorker;
})`;

export function initScript(watch: readonly string[]): string {
	return `${INIT}(${JSON.stringify(watch)});`;
}

/**
 * Steps of the page's pipeline from the worker messages: each SQL statement (its polls and fetches
 * included), engine start-up (instantiate … connect + settings), file registration, and the gaps
 * on the page between worker calls (reading the sample, sniffing, rendering).
 */
const ENGINE = [
	'INSTANTIATE',
	'OPEN',
	'CONNECT',
	'PING',
	'GET_VERSION',
	'GET_FEATURE_FLAGS',
	'RESET'
];
const ENGINE_LABEL = 'engine start (import, worker, wasm, open, settings)';

/** What the page did between two worker calls, named after the call that follows. */
function gapLabel(next: WorkerMsg): string {
	if (ENGINE.includes(next.type)) return ENGINE_LABEL;
	if (next.type === 'REGISTER_FILE_HANDLE') return 'read sample + sniff (page JS)';
	return 'page JS (render, effects)';
}

/** When the typed table's row count came back: the mapping is done, before the UI shows it. */
export function txReadyAt(t: PageTrace): number | null {
	const m = t.msgs.find(
		(x) => x.text !== null && /^SELECT count\(\*\) AS n FROM "tx"\s*$/.test(x.text.trim())
	);
	return m?.end ?? null;
}

export function pageSteps(t: PageTrace, from: number, to: number): StepTime[] {
	const steps: StepTime[] = [];
	const msgs = t.msgs
		.filter((m) => m.start >= from && m.start < to)
		.sort((a, b) => a.start - b.start);
	let cursor = from;
	const add = (l: string, ms: number) => {
		const last = steps[steps.length - 1];
		if (last && last.label === l) last.ms += ms;
		else steps.push({ label: l, ms });
	};
	let current = '';
	for (const m of msgs) {
		const end = m.end ?? m.start;
		if (m.start > cursor + 1) add(gapLabel(m), m.start - cursor);
		const busyFrom = Math.max(cursor, m.start);
		// A statement still running at `to` counts only up to `to`.
		const dur = Math.max(0, Math.min(end, to) - busyFrom);
		if (ENGINE.includes(m.type)) {
			add(ENGINE_LABEL, dur);
		} else if (m.text && (m.type === 'RUN_QUERY' || m.type === 'START_PENDING_QUERY')) {
			current = /^SET /i.test(m.text.trim()) && m.text.length < 300 ? 'settings' : label(m.text);
			add(current === 'settings' ? ENGINE_LABEL : current, dur);
		} else if (m.type === 'REGISTER_FILE_HANDLE') {
			add('register file handle', dur);
		} else {
			add(current || m.type.toLowerCase(), dur);
		}
		cursor = Math.max(cursor, end);
	}
	if (to > cursor + 1) add('page JS (render, effects)', to - cursor);
	return steps;
}

/** The engine's start-up phases from its performance marks (db/engine-prestart.ts, db/browser.ts), in order. */
const ENGINE_MARKS: [string, string][] = [
	['worker', 'navigation → engine worker created (main.ts)'],
	['create', '→ engine client loaded (db/browser.ts)'],
	['instantiated', '→ wasm downloaded, compiled, instantiated (Emscripten start-up)'],
	['opened', '→ database opened and connected'],
	['configured', '→ settings applied']
];

export function engineSteps(t: Pick<PageTrace, 'marks'>): StepTime[] {
	const steps: StepTime[] = [];
	let at = 0;
	for (const [name, label] of ENGINE_MARKS) {
		const m = t.marks.find((x) => x.name === `clientele:engine:${name}`);
		if (!m) continue;
		steps.push({ label, ms: m.start - at });
		at = m.start;
	}
	return steps;
}
