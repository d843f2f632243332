import { describe, expect, it } from 'vitest';
import { rfmRuns } from '../../../src/state/rfm-runs.ts';

/** Settles a promise's state into a flag (checked after the microtasks ran). */
function watch(p: Promise<void>): { done: boolean } {
	const w = { done: false };
	void p.then(() => (w.done = true));
	return w;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the RFM run as a readiness promise (no polling)', () => {
	it('waiting before the run starts: settles when the run of that version ends, ready or failed', async () => {
		const w = watch(rfmRuns.settled(1));
		let end: (ok: boolean) => void = () => undefined;
		rfmRuns.started(1, new Promise((res, rej) => (end = (ok) => (ok ? res(undefined) : rej(new Error('rfm failed'))))));
		await tick();
		expect(w.done).toBe(false);
		end(false);
		await tick();
		expect(w.done).toBe(true);
	});

	it('an older version, or one a newer version replaced before its run started, is over at once', async () => {
		const skipped = watch(rfmRuns.settled(2));
		const w3 = watch(rfmRuns.settled(3));
		const older = watch(rfmRuns.settled(1));
		await tick();
		expect(skipped.done).toBe(true);
		expect(older.done).toBe(true);
		expect(w3.done).toBe(false);
		rfmRuns.started(3, Promise.resolve());
		await tick();
		expect(w3.done).toBe(true);
	});
});
