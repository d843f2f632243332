/**
 * Long loops on the page's main thread, cut into slices: the caller asks `pause()` between two
 * pieces of work, and once the slice has run `budgetMs` the promise resolves only after the event
 * loop has had a turn (input, paint, other tasks), so no slice blocks the page for longer. Between
 * the turns `pause()` costs one clock reading. Pure: the clock and the wait are injectable (tests);
 * the defaults are `performance.now()` and a macrotask (`scheduler.yield()` where the browser has
 * it, else `setTimeout(0)`).
 */

/** How long one slice may run (ms): well under the 100 ms a task may take, with room for the rest. */
export const SLICE_MS = 30;

export interface TimeSliceOptions {
	budgetMs?: number;
	now?: () => number;
	wait?: () => Promise<void>;
}

/** A promise that resolves in a later task (after the event loop has run input and rendering). */
export function nextTask(): Promise<void> {
	const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof s?.yield === 'function') return s.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A pauser: `await pause()` yields once the current slice has used its budget, else at once. */
export function timeSlicer(o: TimeSliceOptions = {}): () => Promise<void> | void {
	const budget = o.budgetMs ?? SLICE_MS;
	const now = o.now ?? (() => performance.now());
	const wait = o.wait ?? nextTask;
	let start = now();
	return () => {
		if (now() - start < budget) return;
		return wait().then(() => {
			start = now();
		});
	};
}

/**
 * Calls `fn` on each item, in slices of at most `budgetMs` (see timeSlicer); resolves when all are
 * done. The items are visited in order, exactly once, whatever the slicing.
 */
export async function forEachSliced<T>(
	items: readonly T[],
	fn: (item: T, index: number) => void,
	o: TimeSliceOptions = {}
): Promise<void> {
	const pause = timeSlicer(o);
	for (let i = 0; i < items.length; i++) {
		fn(items[i]!, i);
		const p = pause();
		if (p) await p;
	}
}

/** `items.map(fn)` in slices of at most `budgetMs` (see forEachSliced). */
export async function mapSliced<T, U>(items: readonly T[], fn: (item: T, index: number) => U, o: TimeSliceOptions = {}): Promise<U[]> {
	const out: U[] = [];
	await forEachSliced(items, (item, i) => out.push(fn(item, i)), o);
	return out;
}
