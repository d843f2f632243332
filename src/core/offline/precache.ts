/**
 * What the service worker keeps for offline use (pure; used by the build plugin and the worker).
 * The build lists every file of dist/ (hashed assets, the app shell, the sample data); the list and
 * its version are baked into sw.js, so a new build is a new sw.js, which the browser sees as an update.
 */

/** Every cache of ours starts with this; the version follows. */
export const CACHE_PREFIX = 'clientele-offline-';

export interface PrecacheManifest {
	/** A digest of every file's name and content: changes with any change to the build. */
	version: string;
	/** Paths relative to the service worker's folder (no leading ./ or /), sorted. */
	files: string[];
}

/** Files of the build never precached: the worker itself, source maps, the sample's notes. */
const SKIP = [/^sw\.js$/, /\.map$/, /(^|\/)README\.md$/, /(^|\/)\.[^/]+$/];

/** The files the worker precaches, in a stable order (the build's files, minus those above). */
export function precacheFiles(files: readonly string[]): string[] {
	const norm = files.map((f) => f.replace(/\\/g, '/').replace(/^\.?\//, ''));
	return [...new Set(norm)].filter((f) => !SKIP.some((re) => re.test(f))).sort();
}

export const cacheName = (version: string): string => CACHE_PREFIX + version;

/**
 * Caches to delete when a version takes over: ours, except the current one and the one created just
 * before it (a tab still running the previous build may load a lazy chunk of it). `keys` is in
 * creation order, as CacheStorage.keys() returns them.
 */
export function staleCaches(keys: readonly string[], current: string): string[] {
	const ours = keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== current);
	return ours.slice(0, Math.max(0, ours.length - 1));
}

/**
 * DuckDB ships two engines (eh: WebAssembly exceptions, mvp: without); a browser uses one. The
 * other one (~35 MB) is not precached: it is cached when fetched, should the browser ever ask for it.
 */
export function engineFilesToSkip(files: readonly string[], hasExceptions: boolean): string[] {
	const other = hasExceptions ? /(^|\/)duckdb-(browser-)?mvp[.-]/ : /(^|\/)duckdb-(browser-)?eh[.-]/;
	return files.filter((f) => other.test(f));
}

/** The files to fetch at install: the list minus the engine this browser will not use. */
export function installFiles(m: PrecacheManifest, hasExceptions: boolean): string[] {
	const skip = new Set(engineFilesToSkip(m.files, hasExceptions));
	return m.files.filter((f) => !skip.has(f));
}

/** Why a page cannot work offline: null when it can (a secure context — https:, or http: on localhost — with service workers). */
export type OfflineBlock = 'file' | 'insecure' | 'unsupported' | null;

export function offlineBlock(o: { protocol: string; secureContext: boolean; hasServiceWorker: boolean }): OfflineBlock {
	if (o.protocol === 'file:') return 'file';
	if (!o.secureContext) return 'insecure';
	if (!o.hasServiceWorker) return 'unsupported';
	return null;
}

/** The module DuckDB-WASM validates to choose its eh engine (wasm-feature-detect's exceptions probe). */
export const WASM_EXCEPTIONS_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);
