import type { Attachment } from 'svelte/attachments';

/**
 * `bind:clientWidth` / `bind:clientHeight` without the forced layout: Svelte's binding reads the size
 * in an effect as soon as the element is inserted, so every figure and grid drawn in a task made the
 * browser lay the whole page out there and then (0.1–0.3 s of the RFM view's first draw at 1M rows,
 * LoAF probe 2026-12-06). Here the size is read when a ResizeObserver reports it — after the
 * browser's own layout, in the same frame, before paint — and again on each resize.
 */
export function clientSize(which: 'clientWidth' | 'clientHeight', set: (size: number) => void): Attachment<HTMLElement> {
	return (node) => {
		if (typeof ResizeObserver !== 'function') {
			set(node[which]);
			return;
		}
		const observer = new ResizeObserver(() => set(node[which]));
		observer.observe(node);
		return () => observer.disconnect();
	};
}
