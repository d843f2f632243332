// Starts DuckDB-WASM's worker script (its same-origin URL is this worker's name) so that a broken wasm download is
// heard: DuckDB compiles the wasm in a promise nobody handles, and an unhandled rejection in a worker
// reaches no one; thrown from this listener it becomes the Worker's error event in the page
// (src/db/engine-worker.ts). A file, not a Blob: a Blob worker would take the page's CSP, which DuckDB's
// Emscripten glue (new Function) does not pass.
'use strict';
// Only a failed download or compilation of the wasm: any other unhandled rejection is left as it was (an
// error event makes DuckDB-WASM's AsyncDuckDB forget every pending request).
self.addEventListener('unhandledrejection', function (e) {
	var r = e.reason;
	var text = r && r.message ? String(r.message) : String(r);
	if (r instanceof WebAssembly.RuntimeError || !/WebAssembly|wasm|fetch|network|stream/i.test(text)) return;
	throw new Error('clientele: engine start failed: ' + text);
});
(function () {
	var script = new URL(self.name || '', self.location.href);
	if (script.origin !== self.location.origin) throw new Error('clientele: the engine worker must come from this site');
	importScripts(script.href);
})();
