/**
 * Diagnostic (not part of `npm run bench`): the page's main-thread tasks from file choice to the
 * drawn RFM view (segment summary + 3 s), by wall time AND by thread CPU time, from a Chromium
 * trace (test/e2e/task-cpu.ts). On a shared machine a task's wall time includes the time the thread
 * waited for a CPU; its CPU time does not, so before/after comparisons under load use the CPU column.
 * Usage: npx tsx scripts/bench/task-cpu.ts DIST FILE [RUNS]
 */
import { launch } from '../../test/e2e/harness.ts';
import { traceTasks } from '../../test/e2e/task-cpu.ts';
import { serveBench } from './server.ts';

const [dist, file, runsArg] = process.argv.slice(2);
if (!dist || !file) throw new Error('usage: task-cpu.ts DIST FILE [RUNS]');

const server = await serveBench(dist);
const browser = await launch();
try {
	for (let run = 0; run < Number(runsArg ?? 1); run++) {
		const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
		const page = await ctx.newPage();
		await page.goto(server.url + '?lang=en');
		await page.getByTestId('file-input').waitFor({ state: 'attached' });
		await page.waitForTimeout(3000);
		const trace = await traceTasks(browser, page);
		await page.getByTestId('file-input').setInputFiles(file);
		await page.getByTestId('segment-summary').waitFor({ state: 'attached', timeout: 600_000 });
		await page.waitForTimeout(3000);
		const tasks = await trace.stop();
		const top = (xs: number[]) => xs.sort((a, b) => b - a).slice(0, 5).map((x) => Math.round(x)).join(' ');
		console.log(`run ${run + 1}: ${tasks.length} tasks; longest by wall time (ms) ${top(tasks.map((t) => t.wall))}; by CPU time (ms) ${top(tasks.map((t) => t.cpu))}; tasks over 100 ms CPU: ${tasks.filter((t) => t.cpu > 100).length}`);
		await ctx.close();
	}
} finally {
	await browser.close();
	await server.close();
}
