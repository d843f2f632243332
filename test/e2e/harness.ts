import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The built site; CLIENTELE_DIST lets parallel work build elsewhere (vite build --outDir …). */
const DIST = path.resolve(process.env.CLIENTELE_DIST ?? path.join(import.meta.dirname, '../../dist'));
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv; charset=utf-8',
	'.json': 'application/json',
	'.md': 'text/markdown; charset=utf-8',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};

/**
 * Serves the built site (dist/) on 127.0.0.1 with an ephemeral port. `replace` maps a path (e.g.
 * '/sw.js') to what is served instead, read on each request (a test can publish a "new build").
 */
export async function serveDist(replace?: ReadonlyMap<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
	if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first');
	const server = http.createServer((req, res) => {
		const u = new URL(req.url ?? '/', 'http://x');
		const instead = replace?.get(u.pathname);
		if (instead !== undefined) {
			res.writeHead(200, { 'content-type': TYPES[path.extname(u.pathname)] ?? 'application/octet-stream' }).end(instead);
			return;
		}
		let file = path.join(DIST, decodeURIComponent(u.pathname));
		if (!file.startsWith(DIST)) {
			res.writeHead(403).end();
			return;
		}
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!fs.existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
		fs.createReadStream(file).pipe(res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	// closeAllConnections: the browser's kept-alive connections end too (a stopped server is unreachable at once).
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () =>
			new Promise((r) => {
				server.close(() => r());
				server.closeAllConnections();
			})
	};
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as the tests use it; `extraArgs` add switches (e.g. a host name mapped to 127.0.0.1). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			...extraArgs,
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		]
	});
}

/**
 * A page whose every request is recorded, including those of workers. The offline copy's service
 * worker is blocked unless asked for (test/e2e/offline.test.ts): each context would otherwise
 * download and cache the whole site (~55 MB) beside the test it runs.
 */
export async function openPage(browser: Browser, url: string, opts: { lang?: string; width?: number; height?: number; timezoneId?: string; serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
	const context = await browser.newContext({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 1000 }, acceptDownloads: true, locale: opts.lang === 'en' ? 'en-US' : 'zh-CN', timezoneId: opts.timezoneId, serviceWorkers: opts.serviceWorkers ?? 'block' });
	const requests: string[] = [];
	const errors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
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
 * Serves the built site and launches Chromium once for the calling test file, closing both after
 * it; screenshots go to SHOTS.
 */
export function useSite(): { readonly url: string; readonly browser: Browser } {
	let server: Awaited<ReturnType<typeof serveDist>> | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		server = await serveDist();
		browser = await launch();
		fs.mkdirSync(SHOTS, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	return {
		get url() {
			if (!server) throw new Error('useSite(): the site is not served yet');
			return server.url;
		},
		get browser() {
			if (!browser) throw new Error('useSite(): the browser is not launched yet');
			return browser;
		}
	};
}
