import { describe, expect, it } from 'vitest';
import { skewOf } from '../../../src/core/skew.ts';

describe('skewOf(): a log axis for long tails', () => {
	it('calls a long tail skewed (p99 / median ≥ 20)', () => {
		// 99 customers at 10 and one at 100,000: median 10; p99 = 10 + (100000 − 10) × 0.01 = 1009.9.
		const values = [...Array.from({ length: 99 }, () => 10), 100_000];
		const s = skewOf(values);
		expect(s.ratio).toBeCloseTo(1009.9 / 10, 6);
		expect(s.skewed).toBe(true);
	});

	it('keeps an even spread linear', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1); // median 50.5, p99 99.01
		const s = skewOf(values);
		expect(s.ratio).toBeCloseTo(99.01 / 50.5, 6);
		expect(s.skewed).toBe(false);
	});

	it('says nothing about fewer than 20 values, or no positive tail', () => {
		expect(skewOf([1, 1000, 1e6]).skewed).toBe(false);
		expect(skewOf(Array.from({ length: 30 }, () => 0)).skewed).toBe(false);
	});

	it('counts a zero median with a positive tail as skewed', () => {
		const values = [...Array.from({ length: 60 }, () => 0), ...Array.from({ length: 40 }, () => 500)];
		expect(skewOf(values)).toEqual({ skewed: true, ratio: Infinity });
	});
});
