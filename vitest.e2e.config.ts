import { defineConfig } from 'vitest/config';

/**
 * Cases that measure the page (main-thread CPU per task, seconds to load, a first visit's engine start,
 * the 1M-row grid's memory) and the two longest (evaluate runs the CLI three times beside the page; project
 * reloads the page four times): they run alone, after the others, so a second Chromium on the same two
 * cores does not decide their figures or push them to the time limit (measured at load 17 with both
 * running two at a time: evaluate 180 s, timed out; project 172 s). (The tour runs with
 * the others: its ring follows its element every frame, and the test reads both in one frame.)
 */
const ALONE = ['test/e2e/wide.test.ts', 'test/e2e/wide-grid.test.ts', 'test/e2e/million-grid.test.ts', 'test/e2e/perf.test.ts', 'test/e2e/offline.test.ts', 'test/e2e/engine-start.test.ts', 'test/e2e/progress.test.ts', 'test/e2e/evaluate.test.ts', 'test/e2e/project.test.ts'];

// End-to-end tests: real Chromium (Debian's /usr/bin/chromium) against the built site in dist/.
export default defineConfig({
	test: {
		// One server and one folder of browser profiles for the run: cases open the page warm (harness.ts);
		// each worker keeps its own profiles (VITEST_POOL_ID), as Chromium locks a profile to one browser.
		globalSetup: ['test/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 180_000,
		hookTimeout: 180_000,
		// Two files at once: a case spends much of its time waiting on the page's engine worker, so two
		// browsers share the machine's two cores better than one (the run's time, measured in README).
		maxWorkers: 2,
		env: { TZ: 'UTC' },
		// A busy CI machine (2 cores, other jobs) can take seconds where a quiet one takes 50 ms: polls wait up to 20 s.
		expect: { requireAssertions: true, poll: { timeout: 20_000 } },
		// `include` lives in each project: a root one would be added to the second project's.
		projects: [
			{ extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
			{ extends: true, test: { name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } } }
		]
	}
});
