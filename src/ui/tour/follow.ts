/**
 * Keeping the tour's popover beside its element: scrolling the element into view with room for the
 * popover, and following it every frame while the step is shown (the page scrolls, resizes, or a
 * view draws results above it). Geometry itself is core/tour/place.ts.
 */

export const GAP = 12;
export const MARGIN = 8;

/** Scrolls so the element and the popover beside it both fit, the element centred when they do. */
export function bringIntoView(el: HTMLElement, popHeight: number): void {
	const r = el.getBoundingClientRect();
	const need = r.height + GAP + popHeight;
	const want = need <= window.innerHeight - 2 * MARGIN ? Math.max(MARGIN, (window.innerHeight - need) / 2) : MARGIN;
	window.scrollBy({ top: r.top - want, behavior: 'instant' });
}

/**
 * Calls `onFrame` every animation frame until the returned stop is called; `onLost` once if the
 * element leaves the page. Until the user scrolls (wheel, touch, a key, a click), a late layout change
 * that moves the element brings it back into view.
 */
export function follow(el: HTMLElement, popHeight: () => number, onFrame: () => void, onLost: () => void): () => void {
	let pinned = true;
	let frame = 0;
	let settledTop = el.getBoundingClientRect().top;
	const unpin = () => (pinned = false);
	const loop = () => {
		if (!el.isConnected) return onLost();
		const top = el.getBoundingClientRect().top;
		if (pinned && Math.abs(top - settledTop) > 2) {
			bringIntoView(el, popHeight());
			settledTop = el.getBoundingClientRect().top;
		}
		onFrame();
		frame = requestAnimationFrame(loop);
	};
	frame = requestAnimationFrame(loop);
	const opts = { capture: true, passive: true } as const;
	const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
	for (const e of events) window.addEventListener(e, unpin, opts);
	return () => {
		cancelAnimationFrame(frame);
		for (const e of events) window.removeEventListener(e, unpin, opts);
	};
}
