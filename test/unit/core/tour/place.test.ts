import { describe, expect, it } from 'vitest';
import { overlaps, placePopover, type Rect, type Size } from '../../../../src/core/tour/place.ts';

const POP: Size = { width: 360, height: 220 };
const inside = (r: Rect, v: Size, margin = 8) => r.left >= margin && r.top >= margin && r.left + r.width <= v.width - margin && r.top + r.height <= v.height - margin;

describe('placing the tour popover beside its target', () => {
	it('goes below a target near the top, aligned with its left edge', () => {
		const p = placePopover({ left: 100, top: 80, width: 300, height: 40 }, POP, { width: 1440, height: 900 });
		expect(p).toEqual({ left: 100, top: 132, side: 'below', clear: true });
	});

	it('goes above a target near the bottom, right of a tall target on the left, left of one on the right', () => {
		expect(placePopover({ left: 100, top: 700, width: 300, height: 40 }, POP, { width: 1024, height: 768 }).side).toBe('above');
		expect(placePopover({ left: 20, top: 100, width: 500, height: 600 }, POP, { width: 1024, height: 768 }).side).toBe('right');
		expect(placePopover({ left: 560, top: 100, width: 440, height: 600 }, POP, { width: 1024, height: 768 }).side).toBe('left');
	});

	// A grid of targets over both viewports the trainer uses: wherever some side has room, the popover is
	// on screen and never covers the target.
	it.each([
		{ width: 1440, height: 900 },
		{ width: 1024, height: 768 }
	])('never covers the target and stays on screen at $width×$height', (v) => {
		let checked = 0;
		for (let left = 0; left < v.width - 40; left += 97)
			for (let top = 0; top < v.height - 30; top += 61)
				for (const [w, h] of [[200, 30], [600, 120], [980, 260], [300, 500]] as const) {
					const target = { left, top, width: Math.min(w, v.width - left), height: Math.min(h, v.height - top) };
					const p = placePopover(target, POP, v);
					if (!p.clear) continue;
					const box = { left: p.left, top: p.top, ...POP };
					expect(overlaps(box, target), JSON.stringify({ target, p })).toBe(false);
					expect(inside(box, v), JSON.stringify({ target, p })).toBe(true);
					checked++;
				}
		expect(checked).toBeGreaterThan(500);
	});

	it('with no room anywhere, still stays on screen (on the side with the most room)', () => {
		const v = { width: 1024, height: 768 };
		const p = placePopover({ left: 0, top: 0, width: 1024, height: 768 }, POP, v);
		expect(p.clear).toBe(false);
		expect(inside({ left: p.left, top: p.top, ...POP }, v)).toBe(true);
	});

	it('a target scrolled out of view still gets a popover on screen', () => {
		const v = { width: 1024, height: 768 };
		const p = placePopover({ left: 400, top: -300, width: 80, height: 36 }, POP, v);
		expect(inside({ left: p.left, top: p.top, ...POP }, v)).toBe(true);
	});

	it('overlap is strict: rectangles that touch do not overlap', () => {
		expect(overlaps({ left: 0, top: 0, width: 10, height: 10 }, { left: 10, top: 0, width: 5, height: 5 })).toBe(false);
		expect(overlaps({ left: 0, top: 0, width: 10, height: 10 }, { left: 9, top: 9, width: 5, height: 5 })).toBe(true);
	});
});
