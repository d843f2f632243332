import { describe, expect, it } from 'vitest';
import { normaliseWeights, setWeight, shiftWeights } from '../../../../src/core/grade/weights.ts';

describe('weights', () => {
	it.each([
		['+5 on the first, the others absorb it 30:50', [20, 30, 50], 0, 5, [25, 28.125, 46.875]],
		['−5 on the last', [20, 30, 50], 2, -5, [22, 33, 45]],
		['kept at 0', [3, 47, 50], 0, -5, [0, 48.453608, 51.546392]],
		['others at 0 share equally', [100, 0, 0], 0, -5, [95, 2.5, 2.5]]
	] as const)('shift: %s', (_n, w, i, d, expected) => {
		const got = shiftWeights(w, i, d);
		expect(got).toEqual(expected);
		expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
	});

	it('sets a weight as the editor does and normalises to 100', () => {
		expect(setWeight([20, 30, 50], 0, 60)).toEqual([60, 15, 25]);
		expect(setWeight([0, 0], 1, 40)).toEqual([60, 40]);
		expect(normaliseWeights([1, 1, 2])).toEqual([25, 25, 50]);
		expect(normaliseWeights([0, 0])).toEqual([50, 50]);
	});
});
