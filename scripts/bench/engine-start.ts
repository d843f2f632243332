/**
 * Navigation → engine ready of built sites, round robin in one session (a fresh Chromium per run: a first
 * visit), with the engine's phases from its performance marks:
 *
 *   npx tsx scripts/bench/engine-start.ts [--runs 3] dist [/tmp/old-dist …]
 *
 * Build an older commit into its own folder to compare (git worktree add /tmp/old-X <commit>, node_modules
 * symlinked, `npx vite build --outDir /tmp/old-dist`). 'ready' is when the page's engine status said so
 * (older builds said so only after their rehearsal); the load average is printed with every run.
 */
import fs from 'node:fs';
import { launch } from '../../test/e2e/harness.ts';
import { serveDist } from '../../test/e2e/serve.ts';
import { engineSteps, initScript, type PageTrace } from './trace.ts';

interface Run {
	dir: string;
	load: string;
	ready: number;
	warm: number | null;
	steps: string;
}

async function once(dir: string, url: string): Promise<Run> {
	const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
		await context.addInitScript({ content: initScript([]) });
		const page = await context.newPage();
		await page.goto(url + '?lang=en');
		const status = page.locator('[data-testid="engine-status"]');
		await page.locator('[data-testid="engine-status"][data-state="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
		const hasWarm = (await status.getAttribute('data-warm')) !== null;
		if (hasWarm) await page.locator('[data-testid="engine-status"][data-warm="done"]').waitFor({ state: 'attached', timeout: 180_000 });
		const t = (await page.evaluate('window.__bench')) as PageTrace;
		const ready = t.seen['engine-ready'];
		if (ready === undefined) throw new Error('the engine status was not seen by the page trace');
		const steps = engineSteps(t)
			.map((s) => `${s.label} ${s.ms.toFixed(0)}`)
			.join(', ');
		return { dir, load, ready, warm: hasWarm ? (t.seen['engine-warm'] ?? null) : null, steps };
	} finally {
		await browser.close();
	}
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const at = args.indexOf('--runs');
	const runs = at >= 0 ? Number(args[at + 1]) : 3;
	const dirs = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
	if (!dirs.length || !(runs > 0)) throw new Error('usage: engine-start.ts [--runs N] dist [other-dist …]');
	const servers = await Promise.all(dirs.map((dir) => serveDist({ dir: fs.realpathSync(dir) })));
	const all = new Map<string, number[]>(dirs.map((d) => [d, []]));
	try {
		for (let i = 0; i < runs; i++)
			for (const [j, dir] of dirs.entries()) {
				const r = await once(dir, servers[j]!.url);
				all.get(dir)?.push(r.ready);
				console.log(`${r.dir} #${i + 1} load ${r.load}: ready ${r.ready.toFixed(0)} ms${r.warm === null ? '' : `, rehearsal done ${r.warm.toFixed(0)} ms`}${r.steps ? ` (${r.steps})` : ''}`);
			}
	} finally {
		await Promise.all(servers.map((s) => s.close()));
	}
	for (const [d, v] of all) console.log(`${d}: ready ${v.map((x) => x.toFixed(0)).join(' / ')} ms, median ${median(v).toFixed(0)} ms`);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
