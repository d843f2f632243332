import { describe, expect, it } from 'vitest';
import { columnWindow, PAGE_SPAN, pageSpan, WIDE_GRID_COLUMNS } from '../../../../src/core/grid/column-window.ts';

/** What a window draws, from its parts: column 0, then [start, end). */
const drawn = (w: { start: number; end: number }) => [0, ...Array.from({ length: w.end - w.start }, (_, k) => w.start + k)];
/** The columns a viewer sees at scrollLeft over `view` px, found by walking the widths (column 0 always). */
function seen(widths: number[], scrollLeft: number, view: number): number[] {
	const out = [0];
	let x = widths[0]!;
	for (let j = 1; j < widths.length; j++) {
		const from = scrollLeft + widths[0]!;
		if (x + widths[j]! > from && x < scrollLeft + view) out.push(j);
		x += widths[j]!;
	}
	return out;
}

describe('columnWindow', () => {
	it('a narrow grid draws every column', () => {
		expect(columnWindow(Array<number>(WIDE_GRID_COLUMNS).fill(110), 0, 1200)).toBeNull();
	});

	it.each([
		[0, 1200],
		[5_000, 1200],
		[1_099_000 - 1200, 1200],
		[333, 400]
	])('10,000 columns of 110 px at scrollLeft %i: draws what is seen, a few more, and spacers that keep every column at its place', (left, view) => {
		const widths = Array<number>(10_000).fill(110);
		const w = columnWindow(widths, left, view)!;
		const cols = drawn(w);
		for (const j of seen(widths, left, view)) expect(cols).toContain(j);
		expect(cols.length).toBeLessThan(seen(widths, left, view).length + 8);
		// Spacers + drawn widths = the whole row: the scroll width does not change as the window moves.
		expect(w.left + w.right + cols.reduce((s, j) => s + widths[j]!, 0)).toBe(110 * 10_000);
		// The left spacer is exactly the columns between column 0 and start.
		expect(w.left).toBe((w.start - 1) * 110);
	});

	it('uneven widths: the far right shows the last columns', () => {
		const widths = Array.from({ length: 500 }, (_, j) => 60 + (j % 7) * 20);
		const total = widths.reduce((a, b) => a + b, 0);
		const w = columnWindow(widths, total - 900, 900)!;
		expect(w.end).toBe(500);
		expect(w.right).toBe(0);
		for (const j of seen(widths, total - 900, 900)) expect(drawn(w)).toContain(j);
	});
});

describe('pageSpan', () => {
	it('holds the drawn columns, aligned so a small scroll reads nothing new', () => {
		const widths = Array<number>(10_000).fill(110);
		const a = columnWindow(widths, 50 * 110, 1200)!;
		const b = columnWindow(widths, 52 * 110, 1200)!;
		const sa = pageSpan(a, 10_000);
		expect(sa).toEqual(pageSpan(b, 10_000));
		expect(sa.from).toBeLessThanOrEqual(a.start);
		expect(sa.to).toBeGreaterThanOrEqual(a.end);
		expect(sa.from % PAGE_SPAN === 0 || sa.from === 1).toBe(true);
		// The last span ends at the last column.
		const end = columnWindow(widths, 10_000 * 110, 1200)!;
		expect(pageSpan(end, 10_000).to).toBe(10_000);
	});
});
