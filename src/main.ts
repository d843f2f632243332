import { prestartEngine } from './db/engine-prestart.ts';
import { startEngine } from './state/engine.ts';

// The engine's worker starts first: its wrapper fetches and compiles the wasm while the rest of the
// engine's client (db/browser.ts) and the page's own code load and draw. This entry is small so that
// happens within a few hundred milliseconds of navigation. Failures are shown by the page (App.svelte)
// and again when a file is opened.
prestartEngine();
startEngine().catch(() => undefined);
void import('./boot.ts');
