/**
 * Diagnostic (not part of `npm run bench`): which scripts make the long main-thread tasks while a
 * file loads and the RFM view renders, and after a rule edit. Uses Chromium's long-animation-frame
 * entries (script attribution). Usage: npx tsx scripts/bench/loaf-probe.ts DIST FILE
 */
import { launch } from '../../test/e2e/harness.ts';
import { serveBench } from './server.ts';

const [dist, file] = process.argv.slice(2);
if (!dist || !file) throw new Error('usage: loaf-probe.ts DIST FILE');
const INIT = `(function () {
	window.__loaf = [];
	new PerformanceObserver(function (l) {
		l.getEntries().forEach(function (e) {
			if (e.duration < 50) return;
			window.__loaf.push({ start: Math.round(e.startTime), dur: Math.round(e.duration), block: Math.round(e.blockingDuration),
				render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
				scripts: e.scripts.map(function (s) { return { dur: Math.round(s.duration), inv: s.invoker, fn: s.sourceFunctionName, src: (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition, type: s.invokerType, layout: Math.round(s.forcedStyleAndLayoutDuration) }; }) });
		});
	}).observe({ type: 'long-animation-frame', buffered: true });
	window.__long = [];
	new PerformanceObserver(function (l) {
		l.getEntries().forEach(function (e) { window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); });
	}).observe({ type: 'longtask', buffered: true });
})();`;
const server = await serveBench(dist);
const browser = await launch();
try {
	const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
	await ctx.addInitScript({ content: INIT });
	const page = await ctx.newPage();
	await page.goto(server.url + '?lang=en');
	await page.getByTestId('file-input').waitFor({ state: 'attached' });
	await page.waitForTimeout(500);
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	const tp = (await page.evaluate('performance.now()')) as number;
	await cdp.send('Profiler.start');
	const t0 = (await page.evaluate('performance.now()')) as number;
	await page.getByTestId('file-input').setInputFiles(file);
	await page.getByTestId('segment-summary').waitFor({ state: 'attached', timeout: 600_000 });
	await page.waitForTimeout(4000);
	const t1 = (await page.evaluate('performance.now()')) as number;
	await page.evaluate(`(function () { var i = document.querySelector('[data-testid="rule-0-r-lo"]'); i.value = String(Number(i.value) - 1); i.dispatchEvent(new Event('change', { bubbles: true })); })()`);
	await page.waitForTimeout(4000);
	const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
	summarise(profile);
	const longs = (await page.evaluate('window.__long')) as [number, number][];
	for (const [start, dur] of longs.filter(([s]) => s >= t0)) perTask(profile, tp, start, dur);
	const loaf = (await page.evaluate('window.__loaf')) as { start: number; dur: number }[];
	const figs = (await page.evaluate(`performance.getEntriesByType('measure').filter(function (m) { return m.name.indexOf('clientele:') === 0; }).map(function (m) { return [Math.round(m.startTime), Math.round(m.duration), m.name]; })`)) as [number, number, string][];
	for (const f of figs) console.log('measure', f.join(' '));
	for (const l of (await page.evaluate('window.__long')) as [number, number][]) console.log('longtask', l.join(' '));
	for (const l of loaf) console.log(l.start < t1 ? (l.start < t0 ? 'startup' : 'load') : 'edit', JSON.stringify(l));
} finally {
	await browser.close();
	await server.close();
}

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

/**
 * What ran during one long task: the profile's samples inside [start, start + dur] (page clock; the
 * profile's start is taken as `tp`, the page time just before Profiler.start — a few ms of skew), by
 * inclusive time, the top 25.
 */
function perTask(p: Profile, tp: number, start: number, dur: number): void {
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
	const incl = new Map<string, number>();
	const self = new Map<string, number>();
	let t = 0;
	p.samples.forEach((id, i) => {
		t += (p.timeDeltas[i] ?? 0) / 1000;
		const at = tp + t;
		if (at < start || at > start + dur) return;
		const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
		const own = name(byId.get(id)!);
		self.set(own, (self.get(own) ?? 0) + dt);
		const seen = new Set<string>();
		for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
			const k = name(byId.get(c)!);
			if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
			seen.add(k);
		}
	});
	const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${Math.round(v)}\t${k}`).join('\n');
	console.log(`TASK at ${Math.round(start)} for ${Math.round(dur)} ms\n${top(incl, 25)}\n  self:\n${top(self, 8)}`);
}

/** Self and inclusive time by function (ms), the top 30 of each. */
function summarise(p: Profile): void {
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<string, number>();
	const incl = new Map<string, number>();
	const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
	p.samples.forEach((id, i) => {
		const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
		const n = byId.get(id)!;
		self.set(name(n), (self.get(name(n)) ?? 0) + dt);
		const seen = new Set<string>();
		for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
			const k = name(byId.get(c)!);
			if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
			seen.add(k);
		}
	});
	const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${Math.round(v)}\t${k}`).join('\n');
	console.log('SELF\n' + top(self) + '\nINCLUSIVE\n' + top(incl));
}
