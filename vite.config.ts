import os from 'node:os';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { offlinePlugin } from './scripts/offline-plugin.ts';

/** Unit test folders of the pure layers (core, charts, i18n, ui, the bench scripts' helpers). */
const PURE = ['test/unit/{core,charts,i18n,ui,scripts}/**/*.test.ts'];

// The built site must work offline: every wasm/worker file is emitted as a same-origin asset.
export default defineConfig({
	plugins: [svelte(), offlinePlugin()],
	base: './',
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 2000,
		assetsInlineLimit: 0
	},
	worker: { format: 'es' },
	preview: { host: '127.0.0.1' },
	server: { host: '127.0.0.1' },
	test: {
		environment: 'node',
		// Two workers share two cores (maxWorkers below): on a busy machine a heavy engine test can take
		// several times its quiet 5–10 s, so the limit is generous; a hung test still fails.
		testTimeout: 150_000,
		hookTimeout: 150_000,
		env: { TZ: 'UTC' },
		// Every test must assert something (no hand-written expect.hasAssertions() in each).
		expect: { requireAssertions: true },
		pool: 'forks',
		// One worker per core. Vitest's default leaves a core to its main process (cores − 1), which on a
		// 2-core CI machine runs the whole suite in ONE worker: 221 files one after another, ≈ 665 s, while
		// each file is single-threaded (DuckDB-WASM's Node bundle, parsing, the CLI) and the main process
		// only collects results.
		maxWorkers: os.availableParallelism(),
		// The pure layers' files share their worker processes (no fresh module graph per file): measured on
		// test/unit/core, 204 s → 50 s of CPU for the same 1,224 tests. Their modules keep no state between calls.
		// The files that open an engine, spawn the CLI, mock modules or touch process state stay isolated.
		projects: [
			{ extends: true, test: { name: 'pure', include: PURE, isolate: false } },
			{ extends: true, test: { name: 'engine', include: ['test/unit/**/*.test.ts'], exclude: PURE } }
		]
	}
});
