import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_PREFIX, cacheName, engineFilesToSkip, installFiles, offlineBlock, precacheFiles, staleCaches, WASM_EXCEPTIONS_PROBE } from '../../../../src/core/offline/precache.ts';

// File names as Vite writes them (hashed assets; public/ copied as is).
const BUILD = [
	'assets/index-Be6cO0_E.js',
	'assets/duckdb-eh-9ubY-jlA.wasm',
	'assets/duckdb-mvp-BP0pRkMH.wasm',
	'assets/duckdb-browser-eh.worker-hQa-dcAV.js',
	'assets/duckdb-browser-mvp.worker-C9hF7LGh.js',
	'index.html',
	'sw.js',
	'assets/index-Be6cO0_E.js.map',
	'sample/README.md',
	'sample/transactions.csv',
	'./favicon.svg',
	'icons\\icon-192.png',
	'.DS_Store'
];

describe('precacheFiles', () => {
	it('keeps every file of the build but the worker, maps, the sample notes and dot-files; sorted, relative, no duplicates', () => {
		expect(precacheFiles([...BUILD, 'index.html'])).toEqual([
			'assets/duckdb-browser-eh.worker-hQa-dcAV.js',
			'assets/duckdb-browser-mvp.worker-C9hF7LGh.js',
			'assets/duckdb-eh-9ubY-jlA.wasm',
			'assets/duckdb-mvp-BP0pRkMH.wasm',
			'assets/index-Be6cO0_E.js',
			'favicon.svg',
			'icons/icon-192.png',
			'index.html',
			'sample/transactions.csv'
		]);
	});
});

describe('the engine a browser will not use', () => {
	const files = precacheFiles(BUILD);
	it.each([
		[true, ['assets/duckdb-browser-mvp.worker-C9hF7LGh.js', 'assets/duckdb-mvp-BP0pRkMH.wasm']],
		[false, ['assets/duckdb-browser-eh.worker-hQa-dcAV.js', 'assets/duckdb-eh-9ubY-jlA.wasm']]
	])('with WebAssembly exceptions %s, skips %j', (eh, skipped) => {
		expect(engineFilesToSkip(files, eh)).toEqual(skipped);
		const install = installFiles({ version: 'v', files }, eh);
		expect(install).toHaveLength(files.length - 2);
		expect(install.filter((f) => skipped.includes(f))).toEqual([]);
	});

	it('probes WebAssembly exceptions with the very module DuckDB-WASM validates to choose its eh engine', () => {
		const bundle = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'), 'utf8');
		expect(bundle).toContain(`validate(new Uint8Array([${[...WASM_EXCEPTIONS_PROBE].join(',')}]))`);
		// Node's V8 has the exceptions proposal, as current browsers do.
		expect(WebAssembly.validate(WASM_EXCEPTIONS_PROBE)).toBe(true);
	});
});

describe('staleCaches', () => {
	const v = (s: string) => cacheName(s);
	it.each([
		['the first version: nothing to delete', [v('a')], v('a'), []],
		['keeps the previous version (a tab may still run it)', [v('a'), v('b')], v('b'), []],
		['deletes older ones, in creation order', [v('a'), v('b'), v('c'), v('d')], v('d'), [v('a'), v('b')]],
		['never touches caches of others', ['other-cache', v('a'), v('b'), v('c')], v('c'), [v('a')]]
	])('%s', (_name, keys, current, want) => {
		expect(staleCaches(keys, current)).toEqual(want);
	});
	it('names caches with the prefix', () => {
		expect(cacheName('1234')).toBe(`${CACHE_PREFIX}1234`);
	});
});

describe('offlineBlock', () => {
	it.each([
		[{ protocol: 'file:', secureContext: false, hasServiceWorker: false }, 'file'],
		[{ protocol: 'http:', secureContext: false, hasServiceWorker: false }, 'insecure'],
		[{ protocol: 'http:', secureContext: true, hasServiceWorker: true }, null],
		[{ protocol: 'https:', secureContext: true, hasServiceWorker: false }, 'unsupported'],
		[{ protocol: 'https:', secureContext: true, hasServiceWorker: true }, null]
	] as const)('%j → %s', (where, want) => {
		expect(offlineBlock(where)).toBe(want);
	});
});
