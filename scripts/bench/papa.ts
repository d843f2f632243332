/**
 * (c) What a JavaScript-only tool does: PapaParse parses the whole File on the page (header: true,
 * worker: false — PapaParse's own worker mode is broken under Vite; on a bare page it would only
 * move the same work), keeping every row, as a tool that aggregates afterwards must.
 */
import type { Browser } from 'playwright-core';
import { launch } from '../../test/e2e/harness.ts';
import { startRssSampler } from './rss.ts';
import { initScript, type PageTrace } from './trace.ts';

export interface PapaRun {
	ms: number;
	rows: number;
	peak_rss_mb: number;
	peak_pss_mb: number;
	longest_task_ms: number;
}

const PARSE = `new Promise((resolve, reject) => {
	const f = document.getElementById('f').files[0];
	const t0 = performance.now();
	Papa.parse(f, {
		header: true, worker: false, skipEmptyLines: true,
		complete: (r) => { window.__rows = r.data; resolve({ ms: performance.now() - t0, rows: r.data.length }); },
		error: (e) => reject(new Error(String(e)))
	});
})`;

export async function runPapa(url: string, file: string): Promise<PapaRun> {
	let browser: Browser | null = null;
	const sampler = startRssSampler(200);
	try {
		browser = await launch();
		const context = await browser.newContext();
		await context.addInitScript({ content: initScript([]) });
		const page = await context.newPage();
		await page.goto(url + '__bench/papa.html');
		await page.locator('#f').setInputFiles(file);
		const r = (await page.evaluate(PARSE)) as { ms: number; rows: number };
		const t = (await page.evaluate('window.__bench')) as PageTrace;
		const mem = sampler.stop();
		return {
			ms: r.ms,
			rows: r.rows,
			peak_rss_mb: mem.peakRssMb,
			peak_pss_mb: mem.peakPssMb,
			longest_task_ms: Math.max(0, ...t.longtasks.map((l) => l.dur))
		};
	} finally {
		sampler.stop();
		await browser?.close();
	}
}
