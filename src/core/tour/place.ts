/**
 * Where the tour's popover goes beside its target: on the first side (below, above, right, left) where
 * it fits inside the viewport without covering the target, aligned with the target's start and kept
 * on screen. Pure geometry (viewport pixels), so it is tested without a browser.
 */

export interface Rect {
	readonly left: number;
	readonly top: number;
	readonly width: number;
	readonly height: number;
}
export interface Size {
	readonly width: number;
	readonly height: number;
}
export type Side = 'below' | 'above' | 'right' | 'left';
export interface Placement {
	readonly left: number;
	readonly top: number;
	readonly side: Side;
	/** False only when no side has room: the popover then sits on the side with the most room. */
	readonly clear: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/** `gap`: space between target and popover; `margin`: space kept from the viewport's edges. */
export function placePopover(target: Rect, pop: Size, viewport: Size, gap = 12, margin = 8): Placement {
	const right = target.left + target.width;
	const bottom = target.top + target.height;
	const room: Record<Side, number> = {
		below: viewport.height - margin - (bottom + gap),
		above: target.top - gap - margin,
		right: viewport.width - margin - (right + gap),
		left: target.left - gap - margin
	};
	const need: Record<Side, number> = { below: pop.height, above: pop.height, right: pop.width, left: pop.width };
	const x = clamp(target.left, margin, viewport.width - margin - pop.width);
	const y = clamp(target.top, margin, viewport.height - margin - pop.height);
	const at: Record<Side, { left: number; top: number }> = {
		below: { left: x, top: bottom + gap },
		above: { left: x, top: target.top - gap - pop.height },
		right: { left: right + gap, top: y },
		left: { left: target.left - gap - pop.width, top: y }
	};
	const sides: Side[] = ['below', 'above', 'right', 'left'];
	const fits = sides.find((s) => room[s] >= need[s]);
	// Kept on screen even when the target is scrolled out of view (then nothing of it can be covered).
	const onScreen = (p: { left: number; top: number }) => ({
		left: clamp(p.left, margin, viewport.width - margin - pop.width),
		top: clamp(p.top, margin, viewport.height - margin - pop.height)
	});
	if (fits) return { ...onScreen(at[fits]), side: fits, clear: true };
	const best = sides.reduce((a, b) => (room[b] - need[b] > room[a] - need[a] ? b : a));
	return { ...onScreen(at[best]), side: best, clear: false };
}

/** Whether two rectangles overlap (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
	return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
