import { describe, expect, it } from 'vitest';
import { meanDiffInterval, newcombeInterval } from '../../../../src/core/evaluate/intervals.ts';
import { zFor } from '../../../../src/core/kpi/stats.ts';

const z = zFor(0.95);

/*
 * Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10 (score
 * interval, from Wilson intervals, no continuity correction). The table gives 4 decimals: a bound
 * must match to within half a unit of the 4th decimal (toBeCloseTo(x, 4): |Δ| < 0.00005).
 */
const TABLE_II: [a: number, m: number, b: number, n: number, low: number, high: number][] = [
	[56, 70, 48, 80, 0.0524, 0.3339],
	[9, 10, 3, 10, 0.1705, 0.809],
	[6, 7, 2, 7, 0.0582, 0.8062],
	[5, 56, 0, 29, -0.0381, 0.1926],
	[0, 10, 0, 20, -0.1611, 0.2775],
	[0, 10, 0, 10, -0.2775, 0.2775],
	[10, 10, 0, 20, 0.6791, 1],
	[10, 10, 0, 10, 0.6075, 1]
];

describe('newcombeInterval (method 10)', () => {
	it.each(TABLE_II)('%i/%i − %i/%i: Newcombe (1998) Table II', (a, m, b, n, low, high) => {
		const d = newcombeInterval(a, m, b, n, z);
		expect(d.diff).toBeCloseTo(a / m - b / n, 12);
		expect(d.low).toBeCloseTo(low, 4);
		expect(d.high).toBeCloseTo(high, 4);
	});

	it('56/70 − 48/80: the difference is 0.2', () => {
		expect(newcombeInterval(56, 70, 48, 80, z).diff).toBeCloseTo(0.2, 12);
	});

	it('swapping the samples mirrors the interval', () => {
		const d = newcombeInterval(48, 80, 56, 70, z);
		expect(d.low).toBeCloseTo(-0.3339, 4);
		expect(d.high).toBeCloseTo(-0.0524, 4);
	});

	it('an empty side has no interval', () => {
		const d = newcombeInterval(3, 10, 0, 0, z);
		expect(Number.isNaN(d.low) && Number.isNaN(d.high) && Number.isNaN(d.diff)).toBe(true);
	});
});

describe('meanDiffInterval', () => {
	it('mean₁ − mean₂ ± z·√(se₁² + se₂²): se 3 and 4 give a half-width of 5z', () => {
		const d = meanDiffInterval({ mean: 10, se: 3 }, { mean: 4, se: 4 }, z);
		expect(d.diff).toBe(6);
		expect(d.low).toBeCloseTo(6 - 5 * 1.959964, 5);
		expect(d.high).toBeCloseTo(6 + 5 * 1.959964, 5);
	});

	it('an unknown standard error (one customer on a side) leaves the interval undefined', () => {
		const d = meanDiffInterval({ mean: 10, se: NaN }, { mean: 4, se: 4 }, z);
		expect(d.diff).toBe(6);
		expect(Number.isNaN(d.low)).toBe(true);
	});
});
