/**
 * Offline use and keeping work on this computer (issue 15 §4), in one browser:
 * - the first visit fills the offline copy; with the static server stopped (the browser's offline
 *   switch does not reach service workers), a reload still opens the page, loads the sample and
 *   shows its RFM segments, and no request ever leaves the site's origin;
 * - "remember my work" is off by default; on, a saved project survives a reload, reopens to the same
 *   summary; "forget everything" leaves no OPFS entry, no database, no cache and no key of ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launch, openPage, ROOT, serveDist, SHOTS } from './harness.ts';
import { sampleCustomers } from './sample-data.ts';

const DIST = path.resolve(process.env.CLIENTELE_DIST ?? path.join(ROOT, 'dist'));
const INTRANET = 'clientele-intranet.test';
let browser: Browser;
beforeAll(async () => {
	// A host name that is not localhost: plain http there is not a secure context.
	browser = await launch([`--host-resolver-rules=MAP ${INTRANET} 127.0.0.1`]);
	fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

/** The files a Chromium (WebAssembly exceptions: DuckDB's eh engine) must find offline: every file of dist/ but sw.js, the sample's notes and the other engine. */
function expectedCache(): string[] {
	const files = (fs.readdirSync(DIST, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
	return files
		.filter((f) => fs.statSync(path.join(DIST, f)).isFile())
		.filter((f) => f !== 'sw.js' && !f.endsWith('README.md') && !/duckdb-(browser-)?mvp/.test(f))
		.sort();
}

/** Paths (relative to the site) of what the offline caches hold. */
function cachedPaths(page: Page, origin: string): Promise<string[]> {
	return page.evaluate(async (o) => {
		const out: string[] = [];
		for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(r.url.slice(o.length));
		return out.sort();
	}, origin);
}

/** What this origin keeps: OPFS root entries, IndexedDB databases, caches, localStorage keys of ours. */
function leftovers(page: Page): Promise<{ opfs: string[]; databases: (string | undefined)[]; caches: string[]; keys: string[] }> {
	return page.evaluate(async () => {
		const opfs: string[] = [];
		const root = (await navigator.storage.getDirectory()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
		for await (const k of root.keys()) opfs.push(k);
		return {
			opfs,
			databases: (await indexedDB.databases()).map((d) => d.name),
			caches: await caches.keys(),
			keys: Object.keys(localStorage).filter((k) => k.startsWith('clientele'))
		};
	});
}

/** Waits for the offline copy: the worker controls the page and the cache holds the whole build. */
async function offlineReady(page: Page, url: string): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
	await expect.poll(() => cachedPaths(page, url), { timeout: 120_000, interval: 500 }).toEqual(expectedCache());
}

async function rfm(page: Page): Promise<{ customers: string | null; table: string }> {
	await page.getByTestId('tab-rfm').click();
	const table = (await page.getByTestId('segment-summary').textContent()) ?? '';
	return { customers: await page.getByTestId('rfm-totals').getAttribute('data-customers'), table };
}

describe('offline and this computer', () => {
	it('works offline after the first visit: server stopped, reload, load the sample, get segments', async () => {
		const server = await serveDist();
		const { context, page, requests, errors } = await openPage(browser, server.url, { serviceWorkers: 'allow' });
		try {
			// The first visit: the worker takes control and precaches the build.
			await offlineReady(page, server.url);
			await page.getByTestId('offline-open').click();
			await expect(page.getByTestId('offline-about').getAttribute('data-status')).resolves.toBe('ready');
			await page.getByTestId('offline-close').click();
			await server.close();
			await expect(fetch(server.url)).rejects.toThrow();
			await page.reload();
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const got = await rfm(page);
			expect(Number(got.customers)).toBe(sampleCustomers());
			expect(got.table).toMatch(/冠军客户/);
			expect(foreignRequests(requests, new URL(server.url).origin)).toEqual([]);
			expect(errors).toEqual([]);
			// Forgetting removes the offline copy too, and the worker still serving this page caches nothing again.
			await page.getByTestId('offline-open').click();
			await page.getByTestId('forget-all').click();
			await page.getByTestId('forget-confirm').click();
			await expect.poll(() => page.getByTestId('offline-notes').textContent(), { timeout: 30_000 }).toMatch(/已完成并核实/);
			await expect(page.getByTestId('offline-about').getAttribute('data-status')).resolves.toBe('removed');
			// (The server is stopped: this fetch fails, through the worker that is still serving the page.)
			await page.evaluate(() => fetch('./favicon.svg').catch(() => null));
			expect(await leftovers(page)).toEqual({ opfs: [], databases: [], caches: [], keys: [] });
			expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
		} finally {
			await context.close();
			await server.close();
		}
	});

	it('remembers a project only when asked, reopens it after a reload, and forgets everything', async () => {
		const server = await serveDist();
		const { context, page, errors } = await openPage(browser, server.url, { lang: 'en', width: 1440, height: 900 });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const before = await rfm(page);
			await page.getByTestId('offline-open').click();
			// Off by default, and nothing stored yet.
			await expect(page.getByTestId('remember-toggle').isChecked()).resolves.toBe(false);
			expect((await leftovers(page)).opfs).toEqual([]);
			await page.getByTestId('remember-toggle').check();
			await expect.poll(() => page.getByTestId('remember-where').textContent()).toMatch(/Origin Private File System/);
			await page.getByTestId('remember-include-data').check();
			await page.getByTestId('remember-save').click();
			await expect.poll(() => page.getByTestId('offline-notes').textContent(), { timeout: 60_000 }).toMatch(/Saved on this computer/);
			// With data loaded, the settings also keep themselves (one "autosaved" entry, without the data).
			await expect.poll(() => page.getByTestId('recent-autosaved').count(), { timeout: 30_000 }).toBe(1);
			await page.screenshot({ path: path.join(SHOTS, 'offline-en.png') });
			await page.reload();
			// After the reload the header says what waits here: the save and the autosave.
			await expect.poll(() => page.getByTestId('offline-open').textContent()).toMatch(/\(2 saved\)/);
			await page.getByTestId('offline-open').click();
			await expect.poll(() => page.getByTestId('recent-item').count()).toBe(2);
			const saved = page.getByTestId('recent-item').filter({ hasNotText: 'autosaved' });
			const auto = page.getByTestId('recent-item').filter({ hasText: 'autosaved' });
			await expect(saved.textContent()).resolves.toMatch(/sample-transactions-.*\.clientele.*settings and data/);
			await expect(auto.textContent()).resolves.toMatch(/sample-transactions-.*-autosave\.clientele.*settings only/);
			await saved.getByTestId('recent-open').click();
			await expect.poll(() => page.getByTestId('project-notes').textContent(), { timeout: 120_000 }).toMatch(/opened/);
			await page.getByTestId('project-close').click();
			await expect.poll(() => rfm(page).catch(() => null), { timeout: 120_000, interval: 1000 }).toEqual(before);
			// Forget everything: checked by the page, and here, independently.
			await page.getByTestId('offline-open').click();
			await page.getByTestId('forget-all').click();
			await page.getByTestId('forget-confirm').click();
			await expect.poll(() => page.getByTestId('offline-notes').textContent(), { timeout: 30_000 }).toMatch(/nothing of Clientele is left/);
			const left = await leftovers(page);
			expect(left).toEqual({ opfs: [], databases: [], caches: [], keys: [] });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await server.close();
		}
	});

	it('falls back to IndexedDB where the page cannot write OPFS files, and forgets it too', async () => {
		const server = await serveDist();
		const { context, page, errors } = await openPage(browser, server.url, { lang: 'zh-CN' });
		try {
			// As in Safari before 26: OPFS without createWritable on the page.
			await context.addInitScript(() => delete (FileSystemFileHandle.prototype as { createWritable?: unknown }).createWritable);
			await page.reload();
			await page.getByTestId('offline-open').click();
			await page.getByTestId('remember-toggle').check();
			await expect.poll(() => page.getByTestId('remember-where').textContent()).toMatch(/IndexedDB/);
			await page.getByTestId('remember-save').click();
			await expect.poll(() => page.getByTestId('offline-notes').textContent(), { timeout: 30_000 }).toMatch(/已保存到本机：clientele-.*\.clientele/);
			await page.reload();
			await expect.poll(() => page.getByTestId('offline-open').textContent()).toMatch(/已存 1 个/);
			await page.getByTestId('offline-open').click();
			await expect(page.getByTestId('recent-item').textContent()).resolves.toMatch(/仅设置/);
			expect((await leftovers(page)).databases).toEqual(['clientele-local']);
			await page.getByTestId('forget-all').click();
			await page.getByTestId('forget-confirm').click();
			await expect.poll(() => page.getByTestId('offline-notes').textContent(), { timeout: 30_000 }).toMatch(/已完成并核实/);
			const left = await leftovers(page);
			expect(left).toEqual({ opfs: [], databases: [], caches: [], keys: [] });
			await page.screenshot({ path: path.join(SHOTS, 'offline-forgot-zh.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await server.close();
		}
	});

	it('announces a new build and never reloads by itself; the user’s reload brings it', async () => {
		const next = new Map<string, string>();
		const server = await serveDist(next);
		const { context, page, errors } = await openPage(browser, server.url, { lang: 'en', serviceWorkers: 'allow' });
		const version = () => page.evaluate(() => new Promise<string>((ok) => {
			navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ version: string }>) => ok(e.data.version), { once: true });
			navigator.serviceWorker.controller?.postMessage('version');
		}));
		try {
			await offlineReady(page, server.url);
			const first = await version();
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			await page.evaluate(() => ((window as unknown as { midAnalysis: boolean }).midAnalysis = true));
			// A new build: another sw.js (its version changed) is published; the page checks for it.
			next.set('/sw.js', fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').replaceAll(first, 'a-newer-build'));
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			await page.getByTestId('update-bar').waitFor({ timeout: 120_000 });
			await expect(page.getByTestId('update-bar').textContent()).resolves.toMatch(/A new version is available — reload when convenient/);
			// Still the same page, the analysis on screen, the old build in control.
			await expect(page.evaluate(() => (window as unknown as { midAnalysis?: boolean }).midAnalysis)).resolves.toBe(true);
			await expect(page.getByTestId('segment-summary').isVisible()).resolves.toBe(true);
			await expect(version()).resolves.toBe(first);
			await page.getByTestId('update-reload').click();
			await page.waitForFunction(() => !(window as unknown as { midAnalysis?: boolean }).midAnalysis, undefined, { timeout: 60_000 });
			await page.getByTestId('load-sample').waitFor();
			await expect(version()).resolves.toBe('a-newer-build');
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await server.close();
		}
	});

	it('on plain http away from localhost, says why offline use is unavailable (the page itself opens)', async () => {
		const server = await serveDist();
		const url = server.url.replace('127.0.0.1', INTRANET);
		const { context, page, requests, errors } = await openPage(browser, url, { lang: 'en', serviceWorkers: 'allow' });
		try {
			expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);
			await page.getByTestId('offline-open').click();
			const about = page.getByTestId('offline-about');
			await expect(about.getAttribute('data-status')).resolves.toBe('blocked');
			await expect(about.textContent()).resolves.toMatch(new RegExp(`plain http from ${INTRANET}.*https:// or from localhost`));
			expect(foreignRequests(requests, new URL(url).origin)).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
			await server.close();
		}
	});
});
