import { describe, expect, it } from 'vitest';
import { columnSpans, columnWindow, OVERSCAN, PAGE_SPAN, pageSpan, revealColumn } from '../../../../src/core/grid/column-window.ts';

const RH = 64;

/** Columns a pixel of which shows: right of the frozen column and the row numbers, left of the viewport's edge. */
function onScreen(widths: number[], scrollLeft: number, viewport: number): number[] {
	const out: number[] = [];
	let x = RH; // the row's own coordinates
	widths.forEach((w, j) => {
		const lo = Math.max(x, scrollLeft + RH + widths[0]!);
		const hi = Math.min(x + w, scrollLeft + viewport);
		if (j > 0 && hi > lo) out.push(j);
		x += w;
	});
	return out;
}

describe('column window (only the columns in view are drawn)', () => {
	it('spans: left edges add up the widths', () => {
		const s = columnSpans([150, 110, 170]);
		expect(s.left).toEqual([0, 150, 260]);
		expect(s.total).toBe(430);
	});

	it('50 columns of 100 px in a 1,000 px viewport: about ten drawn, plus two each side, the gap kept', () => {
		const s = columnSpans(Array<number>(50).fill(100));
		// At the start: columns 1–9 meet [64 + 100, 1000) → 1..9 (column 9 spans 964–1064), then two more.
		expect(columnWindow(s, 0, 1000, RH)).toEqual({ from: 1, to: 12, skip: 0 });
		// 2,000 px along: the frozen column covers 2064–2164, so column 21 (2164–2264) is the first seen, 29 the last.
		expect(columnWindow(s, 2000, 1000, RH)).toEqual({ from: 19, to: 32, skip: 1800 });
		// At the far end (scrollWidth 64 + 5000 − 1000): the last column drawn, nothing past it.
		expect(columnWindow(s, 4064, 1000, RH).to).toBe(50);
	});

	it('never misses a column a pixel of which shows, and draws at most the overscan more (random widths and positions)', () => {
		let seed = 7;
		const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let t = 0; t < 500; t++) {
			const widths = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => 48 + Math.floor(rnd() * 400));
			const s = columnSpans(widths);
			const viewport = 300 + Math.floor(rnd() * 1500);
			const scrollLeft = Math.floor(rnd() * Math.max(1, s.total + RH - viewport));
			const w = columnWindow(s, scrollLeft, viewport, RH);
			const seen = onScreen(widths, scrollLeft, viewport);
			for (const j of seen) expect(j >= w.from && j < w.to, `column ${j} of ${widths.length}`).toBe(true);
			expect(w.to - w.from).toBeLessThanOrEqual(seen.length + 2 * OVERSCAN + 1);
			expect(w.skip).toBe(widths.slice(1, Math.max(1, w.from)).reduce((a, b) => a + b, 0));
		}
	});

	it('one column or none: nothing beside the frozen one', () => {
		expect(columnWindow(columnSpans([150]), 0, 800, RH)).toEqual({ from: 1, to: 1, skip: 0 });
		expect(columnWindow(columnSpans([]), 0, 800, RH)).toEqual({ from: 0, to: 0, skip: 0 });
	});

	it('reveal: a column off to the right ends at the viewport edge, one hidden under the frozen column starts beside it', () => {
		const s = columnSpans(Array<number>(50).fill(100));
		// Column 30 spans 3064–3164 in the row: scrollLeft 3164 − 1000 puts its right edge at the edge.
		expect(revealColumn(s, 30, 0, 1000, RH)).toBe(2164);
		// From there, column 10 (1064–1164) sits left of the frozen area (2164 + 164): it goes right beside it.
		expect(revealColumn(s, 10, 2164, 1000, RH)).toBe(900);
		// In view already: no scroll; the frozen first column (Home): back to the start.
		expect(revealColumn(s, 5, 10, 1000, RH)).toBe(10);
		expect(revealColumn(s, 0, 777, 1000, RH)).toBe(0);
		// Wider than the room beside the frozen column: its left edge shown.
		const wide = columnSpans([100, 100, 2000]);
		expect(revealColumn(wide, 2, 0, 1000, RH)).toBe(100);
	});
});

describe('pageSpan (what a wide grid reads)', () => {
	it('holds the drawn columns, aligned so a small scroll reads nothing new; the last span ends at the last column', () => {
		const s = columnSpans(Array<number>(10_000).fill(110));
		const a = columnWindow(s, 50 * 110, 1200, RH);
		const b = columnWindow(s, 52 * 110, 1200, RH);
		const sa = pageSpan(a, 10_000);
		expect(sa).toEqual(pageSpan(b, 10_000));
		expect(sa.from).toBeLessThanOrEqual(a.from);
		expect(sa.to).toBeGreaterThanOrEqual(a.to);
		expect(sa.from % PAGE_SPAN === 0 || sa.from === 1).toBe(true);
		// Scrolled 50 columns: the drawn ones (≈ 50–62) lie in the span [40, 80).
		expect(sa).toEqual({ from: 40, to: 80 });
		expect(pageSpan(columnWindow(s, 0, 1200, RH), 10_000)).toEqual({ from: 1, to: 41 });
		const end = columnWindow(s, 10_000 * 110, 1200, RH);
		expect(pageSpan(end, 10_000).to).toBe(10_000);
	});
});
