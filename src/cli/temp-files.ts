/**
 * Temporary files of a CLI run (transcoded inputs, converted sheets, outputs being written): each is
 * removed when the run ends, and also when the run is interrupted (SIGINT, SIGTERM) — then the
 * signal is raised again, so the process ends as it would have (exit 130 / 143 from a shell).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const live = new Set<string>();
let installed = false;

function removeAll(): void {
	for (const p of live) fs.rmSync(p, { recursive: true, force: true });
	live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
	removeAll();
	process.off('SIGINT', onSignal);
	process.off('SIGTERM', onSignal);
	process.kill(process.pid, signal);
}

/** Tracks a temporary path; the returned function removes it (safe to call twice). */
export function trackTemp(p: string): () => void {
	if (!installed) {
		installed = true;
		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
	}
	live.add(p);
	return () => {
		fs.rmSync(p, { recursive: true, force: true });
		live.delete(p);
	};
}

/** A new temporary folder, tracked: the function removes it. */
export function tempDir(): { dir: string; remove: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-'));
	return { dir, remove: trackTemp(dir) };
}
