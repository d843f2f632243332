import { describe, expect, it } from 'vitest';
import { cesDirection, cesDirectionFromName, cesTargetValue, detectScale, scaleBounds, SURVEY_SCALES } from '../../../../src/core/kpi/scales.ts';

describe('survey answer scales', () => {
	it.each([
		[{ min: 1, max: 5 }, '1-5'],
		[{ min: 2, max: 4 }, '1-5'],
		[{ min: 1, max: 7 }, '1-7'],
		[{ min: 3, max: 6 }, '1-7'],
		[{ min: 1, max: 9 }, '1-10'],
		[{ min: 0, max: 4 }, '0-10'],
		[{ min: 1, max: 11 }, null],
		[{ min: -1, max: 5 }, null],
		[{ min: null, max: null }, null]
	])('answers %o → %s (the smallest scale holding them)', (range, want) => {
		expect(detectScale(range)).toBe(want);
	});

	it('bounds of every scale', () => {
		expect(SURVEY_SCALES.map(scaleBounds)).toEqual([
			{ min: 1, max: 5 },
			{ min: 1, max: 7 },
			{ min: 1, max: 10 },
			{ min: 0, max: 10 }
		]);
	});

	it.each([
		['CES', null],
		['CES (ease)', 'ease'],
		['办理容易程度', 'ease'],
		['Customer effort', 'effort'],
		['费力度', 'effort']
	])('CES column %s reads as %s', (name, want) => {
		expect(cesDirectionFromName(name)).toBe(want);
	});

	it('CES direction: the choice, else the name, else the answers’ spread', () => {
		expect(cesDirection({ choice: 'effort', column: 'CES ease', mean: 6, scale: '1-7' })).toBe('effort');
		expect(cesDirection({ choice: 'auto', column: 'effort score', mean: 6, scale: '1-7' })).toBe('effort');
		expect(cesDirection({ choice: 'auto', column: 'CES', mean: 5.2, scale: '1-7' })).toBe('ease');
		expect(cesDirection({ choice: 'auto', column: 'CES', mean: 2.5, scale: '1-7' })).toBe('effort');
	});

	it.each([
		['1-7', 'effort', 3],
		['1-7', 'ease', 5],
		['1-5', 'effort', 2],
		['1-5', 'ease', 4],
		['0-10', 'effort', 3],
		['1-10', 'ease', 7]
	] as const)('default CES target on %s, %s: %i (a third of the way from the good end)', (scale, dir, want) => {
		expect(cesTargetValue(scale, dir)).toBe(want);
	});
});
