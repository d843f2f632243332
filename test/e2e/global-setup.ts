import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './serve.ts';

/**
 * Once per e2e run: serve dist/ with a static host's cache headers, and make a folder for the run's
 * browser profiles, so each case after the first opens the page from Chromium's HTTP and wasm code
 * caches, like a returning visitor, instead of fetching and compiling the 34 MB engine again (≈ 1–1.5 s
 * a case on a quiet machine). Storage is cleared before every case (harness.ts); the profiles go away
 * after the run. test/e2e/offline.test.ts keeps its own server and fresh contexts: a real first visit.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const site = await serveDist({ cacheable: true });
	const profiles = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-e2e-profiles-'));
	project.provide('siteUrl', site.url);
	project.provide('profiles', profiles);
	return async () => {
		await site.close();
		fs.rmSync(profiles, { recursive: true, force: true });
	};
}
