/**
 * The harness's warm profiles (warm.ts): a case opens the page with the engine from the browser's
 * caches, and with nothing else of an earlier case — no storage of the site, no granted permission,
 * no page, and no context-wide script or route (refused); a case open beside another is untouched.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { duckdbWorker } from './duckdb-worker.ts';
import { openPage, useSite } from './harness.ts';

const site = useSite();

/** What the site keeps in this browser: localStorage keys, IndexedDB databases, OPFS entries, caches. */
function stored(page: Page) {
	return page.evaluate(async () => {
		const opfs: string[] = [];
		const root = (await navigator.storage.getDirectory()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
		for await (const k of root.keys()) opfs.push(k);
		return { keys: Object.keys(localStorage), session: Object.keys(sessionStorage), databases: (await indexedDB.databases()).map((d) => d.name), opfs, caches: await caches.keys() };
	});
}

/** Bytes the engine's worker fetched for the wasm (0: from the HTTP cache). */
async function wasmTransfer(page: Page): Promise<number[]> {
	await page.locator('[data-testid="engine-status"][data-state="ready"]').waitFor({ timeout: 120_000 });
	const worker = await duckdbWorker(page);
	return worker.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.wasm')).map((e) => e.transferSize));
}

describe('warm browser profiles (test harness)', () => {
	it('a case gets the cached engine and none of the previous case’s storage or permissions', async () => {
		const first = await openPage(site.browser, site.url, { lang: 'en' });
		await wasmTransfer(first.page);
		await first.context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await first.page.evaluate(async () => {
			localStorage.setItem('clientele-warm-test', '1');
			sessionStorage.setItem('clientele-warm-test', '1');
			await new Promise((ok, fail) => {
				const r = indexedDB.open('clientele-warm-test', 1);
				r.onupgradeneeded = () => r.result.createObjectStore('s');
				r.onsuccess = () => ok(r.result.close());
				r.onerror = () => fail(r.error);
			});
			await (await navigator.storage.getDirectory()).getFileHandle('clientele-warm-test', { create: true });
			await (await caches.open('clientele-warm-test')).put('/warm-test', new Response('x'));
		});
		expect(await stored(first.page)).toEqual({ keys: ['clientele-warm-test'], session: ['clientele-warm-test'], databases: ['clientele-warm-test'], opfs: ['clientele-warm-test'], caches: ['clientele-warm-test'] });
		expect(() => first.context.addInitScript(() => undefined)).toThrow(/warm profile/);
		await first.context.close();
		expect(first.page.isClosed()).toBe(true);

		const second = await openPage(site.browser, site.url, { lang: 'en' });
		// The same profile, and the wasm came from its HTTP cache.
		expect(await wasmTransfer(second.page)).toEqual([0]);
		expect(await stored(second.page)).toEqual({ keys: [], session: [], databases: [], opfs: [], caches: [] });
		expect(await second.page.evaluate(async () => (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName })).state)).not.toBe('granted');
		expect(second.context.pages()).toEqual([second.page]);

		// A case opened while this one is open gets a profile of its own: neither clears the other's storage.
		await second.page.evaluate(() => localStorage.setItem('clientele-warm-test', '2'));
		const third = await openPage(site.browser, site.url, { lang: 'en' });
		expect(third.page.context()).not.toBe(second.page.context());
		expect((await stored(third.page)).keys).toEqual([]);
		expect((await stored(second.page)).keys).toEqual(['clientele-warm-test']);
		expect([...first.errors, ...second.errors, ...third.errors]).toEqual([]);
		await third.context.close();
		await second.context.close();
	});
});
