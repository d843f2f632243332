import { describe, expect, it } from 'vitest';
import { isSmallCell, MIN_K, normaliseK, suppressRow, withoutSmallCells } from '../../../../src/core/report/suppress.ts';

const under = (k: number) => `<${k}`;

describe('small-cell suppression (k ≥ 5)', () => {
	it.each([
		[0, 5, false],
		[1, 5, true],
		[4, 5, true],
		[5, 5, false],
		[9, 10, true],
		[10, 10, false]
	])('%i people with k = %i: small %s', (n, k, small) => {
		expect(isSmallCell(n, k)).toBe(small);
	});

	it('k is a whole number of at least 5 (anything else is 5)', () => {
		expect(MIN_K).toBe(5);
		expect(normaliseK(7)).toBe(7);
		for (const bad of [4, 0, -3, 5.5, Number.NaN, '8', null, undefined]) expect(normaliseK(bad)).toBe(5);
	});

	it('a small group shows "<k" and hides its money and every other figure', () => {
		const r = suppressRow(3, { count: '3', others: ['0.1%', '8,644.65', '0.1%'] }, { k: 5, under });
		expect(r).toEqual({ small: true, count: '<5', others: [{ hidden: true }, { hidden: true }, { hidden: true }] });
	});

	it('a group of k or more, and any group without suppression, is printed as it is', () => {
		const cells = { count: '5', others: ['1.0%', '1,000.00'] };
		expect(suppressRow(5, cells, { k: 5, under })).toEqual({ small: false, count: '5', others: [{ text: '1.0%' }, { text: '1,000.00' }] });
		expect(suppressRow(2, { count: '2', others: ['x'] }, { k: null, under })).toEqual({ small: false, count: '2', others: [{ text: 'x' }] });
	});

	it('charts drop the small groups only when suppressing', () => {
		const rows = [{ id: 'a', n: 3 }, { id: 'b', n: 50 }, { id: 'c', n: 0 }];
		expect(withoutSmallCells(rows, (r) => r.n, 5).map((r) => r.id)).toEqual(['b', 'c']);
		expect(withoutSmallCells(rows, (r) => r.n, null).map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});
});
