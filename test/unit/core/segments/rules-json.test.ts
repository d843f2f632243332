import { describe, expect, it } from 'vitest';
import { parseSegmentSetJson, segmentSetToJson } from '../../../../src/core/segments/rules-json.ts';
import { PRESETS, SHOPIFY11 } from '../../../../src/core/segments/presets.ts';
import { matchSegment, OTHERS } from '../../../../src/core/segments/rules.ts';
import { en } from '../../../../src/i18n/en.ts';


const rule = { id: 'vip', r: [4, 5], f: [4, 5], m: [4, 5] };

describe('rule sets as JSON', () => {
	it.each(Object.values(PRESETS))('preset $id survives a round trip', (set) => {
		expect(parseSegmentSetJson(segmentSetToJson(set))).toEqual(set);
	});

	it.each([
		['not JSON', '{', '(JSON)'],
		['not an object', '[]', '(top level)'],
		['unknown top-level field', JSON.stringify({ id: 'x', rules: [rule], colour: 1 }), 'colour'],
		['missing id', JSON.stringify({ rules: [rule] }), 'id'],
		['no rules', JSON.stringify({ id: 'x', rules: [] }), 'rules'],
		['range not a pair', JSON.stringify({ id: 'x', rules: [{ ...rule, r: [4] }] }), 'rules[0].r'],
		[
			'score out of range',
			JSON.stringify({ id: 'x', rules: [{ ...rule, f: [0, 5] }] }),
			'rules[0].f[0]'
		],
		['not whole', JSON.stringify({ id: 'x', rules: [{ ...rule, m: [1, 4.5] }] }), 'rules[0].m[1]'],
		[
			'lowest above highest',
			JSON.stringify({ id: 'x', rules: [{ ...rule, m: [5, 4] }] }),
			'rules[0].m'
		],
		['duplicate id', JSON.stringify({ id: 'x', rules: [rule, rule] }), 'rules[1].id'],
		['reserved id', JSON.stringify({ id: 'x', rules: [{ ...rule, id: 'others' }] }), 'rules[0].id'],
		[
			'unknown rule field',
			JSON.stringify({ id: 'x', rules: [{ ...rule, score: 3 }] }),
			'rules[0].score'
		],
		['above levels', JSON.stringify({ id: 'x', levels: 4, rules: [rule] }), 'rules[0].r'],
		[
			'valuable names no rule',
			JSON.stringify({ id: 'x', rules: [rule], valuable: ['gold'] }),
			'valuable[0]'
		]
	])('%s → error names %s', (_name, text, field) => {
		expect(() => parseSegmentSetJson(text)).toThrow(
			expect.objectContaining({
				code: 'segments.badJson',
				params: expect.objectContaining({ field })
			})
		);
	});
});

describe('presets', () => {
	it('shopify11: every 1–5 score triple lands in a group; Prospects only for prospects', () => {
		for (let r = 1; r <= 5; r++)
			for (let f = 1; f <= 5; f++)
				for (let m = 1; m <= 5; m++) {
					const s = matchSegment(SHOPIFY11, r, f, m);
					expect(s === OTHERS || s === 'shp_prospects').toBe(false);
				}
		expect(matchSegment(SHOPIFY11, 1, 1, 1, true)).toBe('shp_prospects');
		expect(SHOPIFY11.rules).toHaveLength(11);
	});
	it('every preset segment has an English name; cn8 has meaning and action', () => {
		const cat = en as Record<string, string>;
		for (const set of Object.values(PRESETS))
			for (const k of set.rules) expect(cat[`segment.${k.id}`]).toBeTruthy();
		for (const k of PRESETS.cn8.rules) {
			expect(cat[`segment.${k.id}.meaning`]).toBeTruthy();
			expect(cat[`segment.${k.id}.action`]).toBeTruthy();
		}
	});
});
