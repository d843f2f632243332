import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDist } from './serve.ts';
import { contextOptions, WarmBrowsers, type PageOptions } from './warm.ts';

export { serveDist } from './serve.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The built site, served once for the whole run (global-setup.ts): the same origin in every file. */
		siteUrl: string;
		/** Where this run's Chromium profiles live (warm.ts). */
		profiles: string;
	}
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The switches every Chromium of the tests gets. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Chromium as the tests use it; `extraArgs` add switches (e.g. a host name mapped to 127.0.0.1). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [...extraArgs, ...ARGS]
	});
}

/**
 * A page whose every request is recorded, including those of workers. The offline copy's service
 * worker is blocked unless asked for (test/e2e/offline.test.ts): each context would otherwise
 * download and cache the whole site (~55 MB) beside the test it runs. On a Browser (launch()) the
 * case gets a fresh incognito context: a first visit, nothing cached. On useSite()'s browsers it
 * gets a fresh page of a warm profile with cleared storage (warm.ts): a returning visitor's caches.
 */
export async function openPage(browser: Browser | WarmBrowsers, url: string, opts: PageOptions = {}): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
	const requests: string[] = [];
	const errors: string[] = [];
	const onRequest = (r: Request) => void requests.push(r.url());
	const listen = (context: BrowserContext, page: Page) => {
		context.on('request', onRequest);
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		return () => void context.off('request', onRequest);
	};
	let context: BrowserContext;
	let page: Page;
	if (browser instanceof WarmBrowsers) ({ context, page } = await browser.open(url, opts, listen));
	else {
		context = await browser.newContext(contextOptions(opts));
		page = await context.newPage();
		listen(context, page);
	}
	await page.goto(url + (opts.lang ? `?lang=${opts.lang}` : ''));
	return { context, page, requests, errors };
}

/** Requests that left the page's origin (data:/blob: are local). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
	return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE = path.join(ROOT, 'public/sample/transactions.csv');
export const SHOTS = path.join(ROOT, 'test-results/screenshots');

/**
 * The built site and Chromium for the calling test file: the run's server (global-setup.ts; a server
 * of the file's own when run without it) and warm profiles (warm.ts), closed after the file;
 * screenshots go to SHOTS. `browser` is for openPage(); page.context().browser() is the Browser.
 */
export function useSite(): { readonly url: string; readonly browser: WarmBrowsers } {
	let url: string | undefined;
	let browsers: WarmBrowsers | undefined;
	let own: { server?: Awaited<ReturnType<typeof serveDist>>; profiles?: string } = {};
	beforeAll(async () => {
		url = inject('siteUrl');
		let profiles = inject('profiles');
		if (!url) url = (own.server = await serveDist({ cacheable: true })).url;
		if (!profiles) profiles = own.profiles = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-profiles-'));
		// Files run two at a time (vitest.e2e.config.ts): each worker keeps its own warm profiles.
		browsers = new WarmBrowsers(path.join(profiles, `worker-${process.env.VITEST_POOL_ID ?? '0'}`), CHROMIUM, ARGS);
		fs.mkdirSync(SHOTS, { recursive: true });
	});
	afterAll(async () => {
		await browsers?.close();
		await own.server?.close();
		if (own.profiles) fs.rmSync(own.profiles, { recursive: true, force: true });
		own = {};
	});
	return {
		get url() {
			if (!url) throw new Error('useSite(): the site is not served yet');
			return url;
		},
		get browser() {
			if (!browsers) throw new Error('useSite(): the browser is not launched yet');
			return browsers;
		}
	};
}
