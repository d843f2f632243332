/**
 * Clientele's service worker (built into dist/sw.js by scripts/offline-plugin.ts, which defines
 * __PRECACHE__: the build's version and files). It makes the site work offline after the first visit:
 * - install: fetch every file of the build (minus the DuckDB engine this browser will not use) into
 *   one cache named by the build's version;
 * - fetch: same-origin GETs are answered from the caches, else from the network (and kept);
 *   navigations get the cached index.html;
 * - update: a new build's worker waits; the page announces it and sends 'activate' only when the
 *   user chooses to reload (never skipWaiting behind their back).
 * No network request ever leaves the site's origin.
 */
import { cacheName, installFiles, staleCaches, WASM_EXCEPTIONS_PROBE, type PrecacheManifest } from '../core/offline/precache.ts';

declare const __PRECACHE__: PrecacheManifest;

const sw = self as unknown as ServiceWorkerGlobalScope;
const MANIFEST = __PRECACHE__;
const CACHE = cacheName(MANIFEST.version);
const scope = () => new URL(sw.registration.scope);

function hasExceptions(): boolean {
	try {
		return WebAssembly.validate(WASM_EXCEPTIONS_PROBE);
	} catch {
		return false;
	}
}

async function install(): Promise<void> {
	const cache = await caches.open(CACHE);
	const base = scope();
	const files = installFiles(MANIFEST, hasExceptions());
	// cache: 'no-cache' revalidates with the server, so a stale HTTP cache never mixes builds.
	await cache.addAll(files.map((f) => new Request(new URL(f, base), { cache: 'no-cache' })));
}

async function activate(): Promise<void> {
	const keys = await caches.keys();
	await Promise.all(staleCaches(keys, CACHE).map((k) => caches.delete(k)));
	await sw.clients.claim();
}

/** A same-origin GET inside our scope: answered from a cache (ours, this version first), else the network. */
async function respond(request: Request): Promise<Response> {
	// After "forget everything" (caches deleted, this worker unregistered but still serving the open
	// page) nothing is cached again: caches.open would create the cache anew.
	const cache = (await caches.has(CACHE)) ? await caches.open(CACHE) : null;
	const navigate = request.mode === 'navigate';
	const url = new URL(request.url);
	const shell = navigate && url.href.startsWith(scope().href) && /(^|\/)(index\.html)?$/.test(url.pathname);
	const key = shell ? new URL('index.html', scope()).href : request;
	const hit = (await cache?.match(key, { ignoreSearch: navigate })) ?? (await caches.match(key, { ignoreSearch: navigate }));
	if (hit) return hit;
	const res = await fetch(request);
	if (cache && res.status === 200 && res.type === 'basic') await cache.put(request, res.clone());
	return res;
}

sw.addEventListener('install', (e) => e.waitUntil(install()));
sw.addEventListener('activate', (e) => e.waitUntil(activate()));
sw.addEventListener('fetch', (e) => {
	const r = e.request;
	// Only GETs of the site itself (the scope is same-origin by definition); ranges go to the network.
	if (r.method !== 'GET' || !r.url.startsWith(scope().href) || r.headers.has('range')) return;
	e.respondWith(respond(r));
});
sw.addEventListener('message', (e) => {
	const data: unknown = e.data;
	if (data === 'activate') void sw.skipWaiting();
	else if (data === 'version') e.source?.postMessage({ version: MANIFEST.version });
});
