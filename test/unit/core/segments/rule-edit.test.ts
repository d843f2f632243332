import { describe, expect, it } from 'vitest';
import { CN8, SHOPIFY11 } from '../../../../src/core/segments/presets.ts';
import { R10_DOCS, type SegmentSet } from '../../../../src/core/segments/rules.ts';
import { parseSegmentSetJson, segmentSetToJson } from '../../../../src/core/segments/rules-json.ts';
import {
	addRule,
	CUSTOM_SET_ID,
	maxScore,
	moveRule,
	newRuleId,
	parseCutPoints,
	removeRule,
	renameRule,
	setRange
} from '../../../../src/core/segments/rule-edit.ts';

const ids = (s: SegmentSet) => s.rules.map((k) => k.id);

describe('rule-list editing helpers', () => {
	it.each([
		[
			'add appends a catch-all rule',
			() => addRule(CN8, 'New rule 9'),
			(s: SegmentSet) => {
				expect(s.rules.at(-1)).toEqual({
					id: 'rule_1',
					label: 'New rule 9',
					r: [1, 2],
					f: [1, 2],
					m: [1, 2]
				});
			}
		],
		[
			'add on a 5-level set uses 1–5',
			() => addRule(R10_DOCS, 'x'),
			(s: SegmentSet) => {
				expect(s.rules.at(-1)!.r).toEqual([1, 5]);
			}
		],
		[
			'remove drops the rule and its valuable/atRisk mentions',
			() => removeRule(R10_DOCS, 0),
			(s: SegmentSet) => {
				expect(ids(s)).not.toContain('champions');
				expect(s.valuable).not.toContain('champions');
				expect(s.rules).toHaveLength(9);
			}
		],
		[
			'move down swaps with the next rule',
			() => moveRule(R10_DOCS, 0, 1),
			(s: SegmentSet) => {
				expect(ids(s).slice(0, 2)).toEqual(['potential_loyalist', 'champions']);
			}
		],
		[
			'move up at the top changes nothing',
			() => moveRule(R10_DOCS, 0, -1),
			(s: SegmentSet) => {
				expect(s).toBe(R10_DOCS);
			}
		],
		[
			'rename sets a trimmed label',
			() => renameRule(CN8, 2, '  老客户 '),
			(s: SegmentSet) => {
				expect(s.rules[2]).toMatchObject({ id: 'cn8_important_keep', label: '老客户' });
			}
		],
		[
			'rename to empty drops the label',
			() => renameRule(renameRule(CN8, 0, 'VIP'), 0, ''),
			(s: SegmentSet) => {
				expect(s.rules[0]).not.toHaveProperty('label');
			}
		],
		[
			'lowest above highest raises highest',
			() => setRange(R10_DOCS, 1, 'f', 0, 5),
			(s: SegmentSet) => {
				expect(s.rules[1]!.f).toEqual([5, 5]);
			}
		],
		[
			'highest below lowest lowers lowest',
			() => setRange(R10_DOCS, 1, 'r', 1, 2),
			(s: SegmentSet) => {
				expect(s.rules[1]!.r).toEqual([2, 2]);
			}
		],
		[
			'values are clamped to 1…levels and rounded',
			() => setRange(CN8, 0, 'm', 0, 7.6),
			(s: SegmentSet) => {
				expect(s.rules[0]!.m).toEqual([2, 2]);
			}
		],
		[
			'a value that is not a number changes nothing',
			() => setRange(CN8, 0, 'm', 0, Number.NaN),
			(s: SegmentSet) => {
				expect(s).toBe(CN8);
			}
		]
	])('%s', (_name, make, check) => {
		const s = make();
		check(s);
		expect(CN8.rules[0]!.f).toEqual([2, 2]); // presets never mutated
		if (s !== R10_DOCS && s !== CN8) expect(s.id).toBe(CUSTOM_SET_ID);
		// Every edited set survives the JSON round trip the editor's save/load uses.
		expect(parseSegmentSetJson(segmentSetToJson(s))).toEqual(s);
	});

	it('finds fresh ids and the levels in force', () => {
		const once = addRule(SHOPIFY11, 'a');
		expect(newRuleId(once)).toBe('rule_2');
		expect(maxScore(CN8)).toBe(2);
		expect(maxScore(R10_DOCS, 7)).toBe(7);
		expect(ids(removeRule(R10_DOCS, 99))).toEqual(ids(R10_DOCS));
	});
});

describe('parseCutPoints', () => {
	it.each([
		['30, 90, 180', { ok: true, values: [30, 90, 180] }],
		[' 1 2\t3 ', { ok: true, values: [1, 2, 3] }],
		['1，2；3、4', { ok: true, values: [1, 2, 3, 4] }],
		['', { ok: true, values: [] }],
		['-1.5, 2e3', { ok: true, values: [-1.5, 2000] }],
		['10, abc, 20', { ok: false, item: 'abc' }]
	])('%j', (text, want) => {
		expect(parseCutPoints(text)).toEqual(want);
	});
});
