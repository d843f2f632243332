/**
 * The engine starts when its wasm download breaks (db/engine-worker.ts): Chromium's incognito cache can
 * refuse the 34 MB entry (net::ERR_CACHE_WRITE_FAILURE) and DuckDB-WASM's worker then waited for ever.
 * Here the server itself breaks the first wasm response half-way (the same broken stream, every time);
 * the page must read the wasm again, start, and analyse a file.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './harness.ts';
import { DIST } from './serve.ts';
import { BASE, steps, totals } from './hostile-page.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };
let browser: Browser;
let server: http.Server;
let url = '';
const wasmRequests: string[] = [];

beforeAll(async () => {
	browser = await launch();
	server = http.createServer((req, res) => {
		let file = path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		if (!file.startsWith(DIST)) return void res.writeHead(403).end();
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!fs.existsSync(file)) return void res.writeHead(404).end();
		const body = fs.readFileSync(file);
		res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
		if (file.endsWith('.wasm')) {
			wasmRequests.push(req.headers['cache-control'] ?? '');
			// The first download stops after half the bytes: the connection is cut.
			if (wasmRequests.length === 1) return void res.write(body.subarray(0, body.length >> 1), () => res.destroy());
		}
		res.end(body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
	await browser?.close();
	server?.closeAllConnections();
	await new Promise((r) => server?.close(r));
});

describe('engine start', () => {
	it('reads the wasm again when its download breaks, starts, and analyses a file', { timeout: 120_000 }, async () => {
		const { page, context } = await openPage(browser, url, { lang: 'en' });
		try {
			await page.locator('[data-testid="engine-status"][data-state="ready"]').waitFor({ timeout: 90_000 });
			// Two downloads: the broken one, then the page's own read past the cache.
			expect(wasmRequests.length).toBe(2);
			expect(wasmRequests[1]).toMatch(/no-cache|no-store/);
			expect(await steps(() => page).analysed(BASE)).toBe(totals(2, '35.00'));
		} finally {
			await context.close();
		}
	});
});
