import { startEngine } from './state/engine.ts';

// The engine's worker fetches and compiles the wasm (3.4–4 s on a quiet 2-core machine) while the page's own code loads and draws:
// this entry is small so the engine starts within a few hundred milliseconds of navigation. Failures are
// shown by the page (App.svelte) and again when a file is opened.
startEngine().catch(() => undefined);
void import('./boot.ts');
