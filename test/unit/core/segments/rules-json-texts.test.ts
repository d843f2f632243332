import { describe, expect, it } from 'vitest';
import { pickText } from '../../../../src/core/segments/local-text.ts';
import { parseSegmentSetJson, segmentSetToJson } from '../../../../src/core/segments/rules-json.ts';

const base = { id: 'vip', r: [4, 5], f: [4, 5], m: [4, 5] };
const json = (rule: Record<string, unknown>) => JSON.stringify({ id: 'mine', rules: [rule] });

describe('rule-set JSON: meaning and action', () => {
	it('reads one text for all languages, or one per language, and writes them back unchanged', () => {
		const set = parseSegmentSetJson(
			json({ ...base, meaning: 'Our best customers', action: { zh: '专属客户经理', en: 'A dedicated account manager' } })
		);
		expect(set.rules[0]).toEqual({ ...base, meaning: 'Our best customers', action: { zh: '专属客户经理', en: 'A dedicated account manager' } });
		expect(parseSegmentSetJson(segmentSetToJson(set))).toEqual(set);
	});

	it('leaves them out when absent (the presets and older files read as before)', () => {
		expect(parseSegmentSetJson(json(base)).rules[0]).toEqual(base);
	});

	it.each([
		['an empty text', { meaning: '' }, 'rules[0].meaning'],
		['a number', { action: 3 }, 'rules[0].action'],
		['an empty object', { meaning: {} }, 'rules[0].meaning'],
		['an unknown language', { action: { zh: '挽回', fr: 'reconquérir' } }, 'rules[0].action.fr'],
		['an empty language text', { meaning: { en: ' ' } }, 'rules[0].meaning.en']
	])('names the field of %s', (_, extra, field) => {
		expect(() => parseSegmentSetJson(json({ ...base, ...extra }))).toThrowError(
			expect.objectContaining({ code: 'segments.badJson', params: expect.objectContaining({ field }) })
		);
	});

	it('picks the language asked for, else the other one written', () => {
		expect(pickText('same', 'zh')).toBe('same');
		expect(pickText({ zh: '中', en: 'en' }, 'zh')).toBe('中');
		expect(pickText({ zh: '中', en: 'en' }, 'en')).toBe('en');
		expect(pickText({ zh: '只有中文' }, 'en')).toBe('只有中文');
		expect(pickText(undefined, 'en')).toBeUndefined();
	});
});
