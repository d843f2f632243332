/** The page itself, loaded by main.ts once the engine has started. */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { offline } from './state/offline.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing');
export default mount(App, { target });
// The offline copy (built sites only; see state/offline.svelte.ts).
offline.start();
