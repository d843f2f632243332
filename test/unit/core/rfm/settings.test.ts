import { describe, expect, it } from 'vitest';
import { CN8, SHOPIFY11 } from '../../../../src/core/segments/presets.ts';
import { R10_DOCS } from '../../../../src/core/segments/rules.ts';
import type { BreakRow } from '../../../../src/core/sql/rfm-score.ts';
import {
	breakText,
	defaultDims,
	dimsForSet,
	levelsMismatch,
	toScoring,
	type DimSettings
} from '../../../../src/core/rfm/settings.ts';

const dims = (over: Partial<DimSettings> = {}): DimSettings => ({ ...defaultDims(), ...over });

describe('settings → scoring options', () => {
	it.each([
		['quintiles', dims(), { r: 'ntile', bins: 5 }],
		[
			'thresholds from text',
			dims({ f: { method: 'thresholds', bins: 5, cuts: '2, 3, 5' } }),
			{ f: 'thresholds', bins: 4, thresholds: [2, 3, 5] }
		],
		[
			'r-rfm without cuts',
			dims({ m: { method: 'r-rfm', bins: 4, cuts: '' } }),
			{ m: 'r-rfm', bins: 4 }
		],
		[
			'r-rfm with cuts',
			dims({ m: { method: 'r-rfm', bins: 4, cuts: '100 500' } }),
			{ m: 'r-rfm', bins: 3, thresholds: [100, 500] }
		],
		[
			'cuts ignored for ntile',
			dims({ r: { method: 'ntile', bins: 3, cuts: '1,2' } }),
			{ r: 'ntile', bins: 3 }
		],
		['mean split', defaultDims('mean'), { r: 'mean', bins: 2 }]
	])('%s', (_n, input, want) => {
		const { resolved } = toScoring(input);
		const [d] = (['r', 'f', 'm'] as const).filter((k) => k in want);
		const x = resolved[d!];
		expect(x.method).toBe((want as Record<string, unknown>)[d!]);
		expect(x.bins).toBe(want.bins);
		expect(x.thresholds).toEqual('thresholds' in want ? want.thresholds : undefined);
	});

	it.each([
		[
			'a cut that is not a number',
			dims({ r: { method: 'thresholds', bins: 5, cuts: '30, x' } }),
			{ dim: 'R', detail: 'x is not a number' }
		],
		[
			'no cuts for thresholds',
			dims({ f: { method: 'thresholds', bins: 5, cuts: ' ' } }),
			{ dim: 'F', detail: 'no cut points given' }
		],
		['11 bins', dims({ m: { method: 'ntile', bins: 11, cuts: '' } }), { dim: 'M', value: '11' }]
	])('throws for %s, naming the dimension', (_n, input, params) => {
		expect(() => toScoring(input)).toThrow(
			expect.objectContaining({ params: expect.objectContaining(params) })
		);
	});
});

describe('methods following the rule set', () => {
	it.each([
		['cn8 from quintiles → mean', defaultDims(), CN8, 'mean'],
		['cn8 keeps a median split', defaultDims('median'), CN8, null],
		['r10 from mean → quintiles', defaultDims('mean'), R10_DOCS, 'ntile'],
		['shopify11 keeps quintiles', defaultDims(), SHOPIFY11, null]
	] as const)('%s', (_n, from, set, want) => {
		const out = dimsForSet(from, set);
		expect(out?.r.method ?? null).toBe(want);
	});

	it('warns when the levels differ from the rule set’s', () => {
		expect(levelsMismatch(toScoring(defaultDims()).resolved, CN8)?.params).toEqual({
			set: 'cn8',
			levels: 2,
			dim: 'R',
			bins: 5
		});
		expect(levelsMismatch(toScoring(defaultDims('mean')).resolved, CN8)).toBeNull();
		expect(levelsMismatch(toScoring(defaultDims()).resolved, R10_DOCS)).toBeNull();
	});
});

describe('breakText', () => {
	const row = (o: Partial<BreakRow>): BreakRow => ({
		dim: 'f',
		method: 'ntile',
		bins: 2,
		bin: 1,
		score: 1,
		lower: 1,
		upper: 9,
		customers: 3,
		...o
	});
	it.each([
		[row({}), 'rfmUi.break.seen'],
		[row({ method: 'thresholds' }), 'rfmUi.break.range'],
		[row({ method: 'r-rfm' }), 'rfmUi.break.range'],
		[row({ method: 'mean', bin: 1 }), 'rfmUi.break.atMost'],
		[row({ method: 'mean', bin: 2 }), 'rfmUi.break.above'],
		[row({ method: 'median', dim: 'r', bin: 1 }), 'rfmUi.break.below'],
		[row({ method: 'median', dim: 'r', bin: 2 }), 'rfmUi.break.atLeast'],
		[row({ lower: null, upper: null }), 'rfmUi.break.empty']
	])('%j → %s', (b, key) => {
		expect(breakText(b).key).toBe(key);
	});
});
