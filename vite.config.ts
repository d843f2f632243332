import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { offlinePlugin } from './scripts/offline-plugin.ts';

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
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		env: { TZ: 'UTC' },
		// Every test must assert something (no hand-written expect.hasAssertions() in each).
		expect: { requireAssertions: true },
		pool: 'forks'
	}
});
