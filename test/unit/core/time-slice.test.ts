import { describe, expect, it } from 'vitest';
import { forEachSliced, nextTask, timeSlicer } from '../../../src/core/time-slice.ts';

/** A hand-driven clock: each piece of work advances it by a known number of ms. */
function clock() {
	let t = 0;
	return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('timeSlicer', () => {
	it('yields only once the slice has used its budget, then starts a new slice', async () => {
		const c = clock();
		let waits = 0;
		const pause = timeSlicer({ budgetMs: 30, now: c.now, wait: async () => void waits++ });
		// 10 pieces of 7 ms: slices end after 35 ms (5 pieces) and again 35 ms later.
		const yielded: number[] = [];
		for (let i = 0; i < 10; i++) {
			c.advance(7);
			const p = pause();
			if (p) {
				yielded.push(i);
				await p;
			}
		}
		expect(yielded).toEqual([4, 9]);
		expect(waits).toBe(2);
	});

	it('under budget, pause() returns nothing to await', () => {
		const c = clock();
		const pause = timeSlicer({ budgetMs: 30, now: c.now, wait: () => Promise.resolve() });
		c.advance(29);
		expect(pause()).toBeUndefined();
	});
});

describe('forEachSliced', () => {
	it('visits every item once, in order, whatever the slicing', async () => {
		const items = [...Array(100).keys()];
		for (const cost of [0, 1, 13, 50]) {
			const c = clock();
			const seen: [number, number][] = [];
			let waits = 0;
			await forEachSliced(
				items,
				(v, i) => {
					c.advance(cost);
					seen.push([v, i]);
				},
				{ budgetMs: 30, now: c.now, wait: async () => void waits++ }
			);
			expect(seen).toEqual(items.map((v) => [v, v]));
			// A wait after each slice of ⌈30 / cost⌉ items (none when the work costs nothing).
			expect(waits).toBe(cost === 0 ? 0 : Math.floor(100 / Math.ceil(30 / cost)));
		}
	});
});

describe('nextTask', () => {
	it('resolves after the tasks already queued (a real turn of the event loop)', async () => {
		const order: string[] = [];
		setTimeout(() => order.push('timer'), 0);
		await new Promise((r) => setTimeout(r, 0));
		await nextTask();
		order.push('after');
		expect(order).toEqual(['timer', 'after']);
	});
});
