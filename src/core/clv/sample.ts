/**
 * Deterministic subsampling, used to explore several starting points cheaply on large data before
 * polishing the best one on all of it. Same input → same sample (fixed-seed generator, no clock).
 */

/** mulberry32: a small 32-bit generator; returns uniforms in [0, 1). */
function generator(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Up to `size` items drawn without replacement (all items, in order, when there are no more). */
export function subsample<T>(items: readonly T[], size: number, seed = 20050101): T[] {
	if (!Number.isInteger(size) || size < 1)
		throw new RangeError(`subsample size must be a whole number ≥ 1, got ${size}`);
	if (items.length <= size) return items.slice();
	const random = generator(seed);
	const index = Int32Array.from(items, (_, i) => i);
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(random() * (items.length - i));
		const tmp = index[i] as number;
		index[i] = index[j] as number;
		index[j] = tmp;
	}
	return Array.from(index.subarray(0, size).sort(), (i) => items[i] as T);
}
