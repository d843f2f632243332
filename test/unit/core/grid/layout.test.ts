import { describe, expect, it } from 'vitest';
import {
	canHide,
	clampWidth,
	columnWidth,
	EMPTY_LAYOUT,
	hiddenCount,
	MAX_COLUMN_WIDTH,
	MIN_COLUMN_WIDTH,
	readLayout,
	showAll,
	visibleColumns,
	withHidden,
	withWidth
} from '../../../../src/core/grid/layout.ts';

const COLS = [{ name: 'id' }, { name: 'amount' }, { name: 'city' }];

describe('grid column layout', () => {
	it('widths: clamped to [48, 800] in whole pixels; the default until resized; null resets', () => {
		expect([clampWidth(10), clampWidth(123.6), clampWidth(5000), clampWidth(Number.NaN)]).toEqual([48, 124, 800, 48]);
		expect([MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH]).toEqual([48, 800]);
		const l = withWidth(EMPTY_LAYOUT, 'amount', 260.2);
		expect(columnWidth(l, 'amount', 110)).toBe(260);
		expect(columnWidth(l, 'id', 150)).toBe(150);
		expect(columnWidth(withWidth(l, 'amount', null), 'amount', 110)).toBe(110);
		expect(EMPTY_LAYOUT.widths).toEqual({}); // never mutated
	});

	it('hiding keeps the source order, never hides the last shown column, and shows again', () => {
		let l = withHidden(EMPTY_LAYOUT, COLS, 'amount', true);
		expect(visibleColumns(COLS, l).map((c) => c.name)).toEqual(['id', 'city']);
		l = withHidden(l, COLS, 'id', true);
		expect(visibleColumns(COLS, l).map((c) => c.name)).toEqual(['city']);
		expect(canHide(COLS, l, 'city')).toBe(false);
		expect(withHidden(l, COLS, 'city', true)).toBe(l);
		expect(hiddenCount(COLS, l)).toBe(2);
		l = withHidden(l, COLS, 'amount', false);
		expect(visibleColumns(COLS, l).map((c) => c.name)).toEqual(['amount', 'city']);
		expect(visibleColumns(COLS, showAll(l)).map((c) => c.name)).toEqual(['id', 'amount', 'city']);
	});

	it('a hidden column the source no longer has is not counted', () => {
		const l = { widths: {}, hidden: ['gone', 'city'] };
		expect(hiddenCount(COLS, l)).toBe(1);
		expect(visibleColumns(COLS, l).map((c) => c.name)).toEqual(['id', 'amount']);
	});

	it('a layout from a file is checked: bad widths dropped or clamped, non-strings and repeats dropped', () => {
		expect(readLayout(null)).toEqual(EMPTY_LAYOUT);
		expect(readLayout('x')).toEqual(EMPTY_LAYOUT);
		expect(
			readLayout({ widths: { a: 9999, b: '1px; background: url(//x)', c: Number.POSITIVE_INFINITY, d: 90 }, hidden: ['a', 3, 'a', { x: 1 }] })
		).toEqual({ widths: { a: 800, d: 90 }, hidden: ['a'] });
	});
});
