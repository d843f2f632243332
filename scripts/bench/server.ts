/**
 * Serves the built site (dist/) on 127.0.0.1 (the e2e server), plus a bare PapaParse page under
 * /__bench/ with papaparse.min.js from our own node_modules (no CDN) and a blank page for the CLV
 * worker bench: everything the bench loads is local.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveDist } from '../../test/e2e/serve.ts';

export const PAPA_PAGE = `<!doctype html><meta charset="utf-8"><title>PapaParse bench</title>
<script src="/__bench/papaparse.min.js"></script>
<input type="file" id="f" data-testid="papa-input">`;

/** Same origin as the built page, nothing loaded: the CLV fit bench starts the built worker here. */
export const BLANK_PAGE = `<!doctype html><meta charset="utf-8"><title>CLV fit bench</title>`;

export function serveBench(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
	const papa = path.join(path.dirname(createRequire(import.meta.url).resolve('papaparse/package.json')), 'papaparse.min.js');
	const replace = new Map([
		['/__bench/papa.html', PAPA_PAGE],
		['/__bench/blank.html', BLANK_PAGE],
		['/__bench/papaparse.min.js', fs.readFileSync(papa, 'utf8')]
	]);
	return serveDist({ dir: path.resolve(dist), replace });
}
