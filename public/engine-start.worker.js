// Starts DuckDB-WASM's worker script so that a broken wasm download is heard, and compiles the wasm early.
// The worker's name (src/db/engine-prestart.ts) is JSON: { script: DuckDB's worker script, wasm: its wasm },
// both same-origin (or blob:) URLs. A file, not a Blob: a Blob worker would take the page's CSP, which
// DuckDB's Emscripten glue (new Function) does not pass.
'use strict';
// DuckDB compiles the wasm in a promise nobody handles, and an unhandled rejection in a worker reaches no
// one; thrown from this listener it becomes the Worker's error event in the page (src/db/engine-worker.ts).
// Only a failed download or compilation of the wasm: any other unhandled rejection is left as it was (an
// error event makes DuckDB-WASM's AsyncDuckDB forget every pending request).
self.addEventListener('unhandledrejection', function (e) {
	var r = e.reason;
	var text = r && r.message ? String(r.message) : String(r);
	if (r instanceof WebAssembly.RuntimeError || !/WebAssembly|wasm|fetch|network|stream/i.test(text)) return;
	throw new Error('clientele: engine start failed: ' + text);
});
(function () {
	var cfg = JSON.parse(self.name || '{}');
	var script = new URL(cfg.script || '', self.location.href);
	var wasm = cfg.wasm ? new URL(cfg.wasm, self.location.href) : null;
	// A blob: URL's origin is the page's that made it.
	if (script.origin !== self.location.origin || script.protocol === 'blob:' || (wasm && wasm.origin !== self.location.origin)) throw new Error('clientele: the engine worker must come from this site');
	if (wasm && typeof WebAssembly.compileStreaming === 'function' && typeof WebAssembly.instantiateStreaming === 'function') early(wasm.href);
	importScripts(script.href);
})();

// The wasm's download and (streaming) compilation start now, while DuckDB's worker script is read and
// before the page's first message can reach this worker. DuckDB's own instantiateStreaming of that URL
// (its worker fetches it with a progress stream) is then given this compilation, once; its own fetch of
// the URL gets an empty answer instead of a second download.
function early(url) {
	var compiled = WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' }));
	var fetched = false;
	var instantiated = false;
	var fetch0 = self.fetch;
	var instantiate0 = WebAssembly.instantiateStreaming;
	self.fetch = function (input) {
		var u = typeof input === 'string' ? input : input && input.url;
		if (!fetched && u === url) {
			fetched = true;
			return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'content-type': 'application/wasm' } }));
		}
		return fetch0.apply(this, arguments);
	};
	WebAssembly.instantiateStreaming = function (source, imports) {
		if (instantiated || !fetched) return instantiate0.apply(this, arguments);
		instantiated = true;
		Promise.resolve(source).catch(function () {});
		return compiled.then(function (module) {
			return WebAssembly.instantiate(module, imports).then(function (instance) {
				return { module: module, instance: instance };
			});
		});
	};
}
