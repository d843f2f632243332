import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's /usr/bin/chromium) against the built site in dist/.
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		// One server and one folder of browser profiles for the run: cases open the page warm (harness.ts).
		globalSetup: ['test/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 180_000,
		hookTimeout: 180_000,
		fileParallelism: false,
		env: { TZ: 'UTC' },
		// A busy CI machine (2 cores, other jobs) can take seconds where a quiet one takes 50 ms: polls wait up to 20 s.
		expect: { requireAssertions: true, poll: { timeout: 20_000 } }
	}
});
