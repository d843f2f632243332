import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** The built site; CLIENTELE_DIST lets parallel work build elsewhere (vite build --outDir …). */
export const DIST = path.resolve(process.env.CLIENTELE_DIST ?? path.join(import.meta.dirname, '../../dist'));
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

export interface ServeOptions {
	/** Maps a path (e.g. '/sw.js') to what is served instead, read on each request (a test can publish a "new build"). */
	replace?: ReadonlyMap<string, string>;
	/** Listen on this port (0: any free one). */
	port?: number;
	/**
	 * Send what a static host sends: an ETag and Last-Modified on every file, "immutable" on /assets/
	 * (Vite gives them content-hashed names), "no-cache" (revalidate every time) on the rest. Only for
	 * browsers with an on-disk profile (harness.ts, warm contexts): a fresh incognito context keeps its
	 * HTTP cache in memory and there a cacheable 34 MB wasm can fail with net::ERR_CACHE_WRITE_FAILURE.
	 */
	cacheable?: boolean;
	/** The folder served (default: DIST). */
	dir?: string;
}

/** Serves the built site (dist/) on 127.0.0.1. */
export async function serveDist(opts: ServeOptions | ReadonlyMap<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
	const { replace, port = 0, cacheable = false, dir = DIST } = opts instanceof Map ? { replace: opts } : (opts as ServeOptions);
	if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first');
	const server = http.createServer((req, res) => {
		const u = new URL(req.url ?? '/', 'http://x');
		const instead = replace?.get(u.pathname);
		if (instead !== undefined) {
			res.writeHead(200, { 'content-type': TYPES[path.extname(u.pathname)] ?? 'application/octet-stream' }).end(instead);
			return;
		}
		let file = path.join(dir, decodeURIComponent(u.pathname));
		if (!file.startsWith(dir)) {
			res.writeHead(403).end();
			return;
		}
		if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!fs.existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
		if (cacheable) {
			const st = fs.statSync(file);
			const etag = `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
			Object.assign(headers, { etag, 'last-modified': st.mtime.toUTCString(), 'cache-control': u.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
			if (req.headers['if-none-match'] === etag) {
				res.writeHead(304, headers).end();
				return;
			}
		}
		res.writeHead(200, headers);
		fs.createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => ok());
	});
	const { port: bound } = server.address() as AddressInfo;
	// closeAllConnections: the browser's kept-alive connections end too (a stopped server is unreachable at once).
	return {
		url: `http://127.0.0.1:${bound}/`,
		close: () =>
			new Promise((r) => {
				server.close(() => r());
				server.closeAllConnections();
			})
	};
}
