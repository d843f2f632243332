/** The page itself, loaded by main.ts once the engine has started. */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { offline } from './state/offline.svelte.ts';
import { startEngine, warmedUp } from './state/engine.ts';

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing');
export default mount(App, { target });
// The offline copy (built sites only; see state/offline.svelte.ts). On a first visit it downloads the whole
// site (≈ 80 MB: both wasm builds), so it starts once the engine has started and rehearsed: before, it
// competed with the engine's own download and compile for the network and the cores.
void startEngine()
	.catch(() => undefined)
	.then(() => warmedUp())
	.then(() => offline.start());
// The charts' rehearsal (charts/warm-up.ts), once the page is idle: the first RFM figures then draw
// in optimised code. A failure costs nothing but its time.
const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
const warmCharts = () => void import('./charts/warm-up.ts').then((m) => m.warmUpCharts()).catch(() => undefined);
if (idle) idle(warmCharts, { timeout: 3000 });
else setTimeout(warmCharts, 1000);
