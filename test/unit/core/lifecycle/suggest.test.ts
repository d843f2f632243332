import { describe, expect, it } from 'vitest';
import { checkLifecycleDays } from '../../../../src/core/lifecycle/defaults.ts';
import { nearestRank, suggestDays } from '../../../../src/core/lifecycle/suggest.ts';

describe('nearest-rank percentiles of purchase gaps (by hand)', () => {
	// Ten gaps: 1 1 1 5 5 5 5 10 10 30.
	const hist = [
		{ gap: 10, n: 2 },
		{ gap: 1, n: 3 },
		{ gap: 30, n: 1 },
		{ gap: 5, n: 4 }
	];
	it('80th: rank ⌈8⌉ = 8 → 10; 95th: rank ⌈9.5⌉ = 10 → 30; 50th: rank 5 → 5; 0th: the smallest', () => {
		expect(nearestRank(hist, 80)).toBe(10);
		expect(nearestRank(hist, 95)).toBe(30);
		expect(nearestRank(hist, 50)).toBe(5);
		expect(nearestRank(hist, 0)).toBe(1);
		expect(nearestRank(hist, 100)).toBe(30);
	});
	it('seven gaps 2 4 6 8 10 12 14: 80th rank ⌈5.6⌉ = 6 → 12, 95th rank ⌈6.65⌉ = 7 → 14', () => {
		const seven = [2, 4, 6, 8, 10, 12, 14].map((gap) => ({ gap, n: 1 }));
		expect(suggestDays(seven, 3)).toEqual({ activeDays: 12, churnDays: 14, gaps: 7, customers: 3 });
	});
	it('no gaps: nothing to suggest; equal percentiles keep churn above active', () => {
		expect(suggestDays([], 0)).toBeNull();
		expect(suggestDays([{ gap: 7, n: 20 }], 4)).toEqual({ activeDays: 7, churnDays: 8, gaps: 20, customers: 4 });
	});
});

describe('lifecycle day settings', () => {
	it('0 ≤ new, 0 < active < churn, whole days', () => {
		expect(checkLifecycleDays({ newDays: 0, activeDays: 1, churnDays: 2 })).toEqual({ newDays: 0, activeDays: 1, churnDays: 2 });
		expect(() => checkLifecycleDays({ newDays: 90, activeDays: 90, churnDays: 90 })).toThrow(expect.objectContaining({ code: 'lifecycle.badOrder' }));
		expect(() => checkLifecycleDays({ newDays: -1, activeDays: 90, churnDays: 180 })).toThrow(expect.objectContaining({ code: 'lifecycle.badDays', params: { option: 'new-days', value: '-1' } }));
	});
});
