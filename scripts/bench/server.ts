/**
 * Serves the built site (dist/) on 127.0.0.1, plus a bare PapaParse page under /__bench/ with
 * papaparse.min.js from our own node_modules (no CDN) and a blank page for the CLV worker bench:
 * everything the bench loads is local.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv; charset=utf-8',
	'.json': 'application/json'
};

export const PAPA_PAGE = `<!doctype html><meta charset="utf-8"><title>PapaParse bench</title>
<script src="/__bench/papaparse.min.js"></script>
<input type="file" id="f" data-testid="papa-input">`;

/** Same origin as the built page, nothing loaded: the CLV fit bench starts the built worker here. */
export const BLANK_PAGE = `<!doctype html><meta charset="utf-8"><title>CLV fit bench</title>`;

export async function serveBench(
	dist: string
): Promise<{ url: string; close: () => Promise<void> }> {
	const papa = path.join(
		path.dirname(createRequire(import.meta.url).resolve('papaparse/package.json')),
		'papaparse.min.js'
	);
	const server = http.createServer((req, res) => {
		const u = new URL(req.url ?? '/', 'http://x');
		if (u.pathname === '/__bench/papa.html') {
			res.writeHead(200, { 'content-type': TYPES['.html']! }).end(PAPA_PAGE);
			return;
		}
		if (u.pathname === '/__bench/blank.html') {
			res.writeHead(200, { 'content-type': TYPES['.html']! }).end(BLANK_PAGE);
			return;
		}
		let file =
			u.pathname === '/__bench/papaparse.min.js'
				? papa
				: path.join(dist, decodeURIComponent(u.pathname));
		if (file !== papa && !file.startsWith(dist)) {
			res.writeHead(403).end();
			return;
		}
		if (fs.existsSync(file) && fs.statSync(file).isDirectory())
			file = path.join(file, 'index.html');
		if (!fs.existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
		fs.createReadStream(file).pipe(res);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () =>
			new Promise((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}
