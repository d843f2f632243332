import { beforeEach, describe, expect, it } from 'vitest';
import { R_SEGMENT_NAMES } from '../../../src/core/segments/rules.ts';
import { en } from '../../../src/i18n/en.ts';
import { CATALOGUES, translate } from '../../../src/i18n/translate.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';

beforeEach(() => {
	expect.hasAssertions();
});

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const zh: Record<string, string> = zhCN;

describe('message catalogues', () => {
	it('zh-CN has exactly the keys of en', () => {
		expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(Object.entries(en))('%s: same {placeholders} in zh-CN, nothing empty', (key, text) => {
		expect(text.trim()).not.toBe('');
		expect(zh[key]?.trim()).not.toBe('');
		expect(placeholders(zh[key] ?? '')).toEqual(placeholders(text));
	});

	it.each(Object.keys(R_SEGMENT_NAMES))('segment %s has a name in both languages', (id) => {
		expect(CATALOGUES.en[`segment.${id}`]).toBe(R_SEGMENT_NAMES[id]);
		expect(CATALOGUES['zh-CN'][`segment.${id}`]).toBeTruthy();
	});
});

describe('translate()', () => {
	it.each([
		['en', 'mapping.missing', { file: 'a.csv', role: 'customer' }, 'a.csv: choose a column for “Customer ID”.'],
		['zh-CN', 'mapping.missing', { file: 'a.csv', role: 'customer' }, 'a.csv：请为“客户编号”选择一列。'],
		['en', 'grid.rows', { rows: 1234567 }, '1,234,567 rows'],
		['en', 'no.such.key', {}, 'no.such.key'],
		['en', 'cli.missingOption', {}, 'missing option --{option}'],
		['en', 'cli.badOption', { detail: "$& and $1 stay as written" }, '$& and $1 stay as written']
	] as const)('%s %s', (lang, key, params, out) => {
		expect(translate(lang, key, params)).toBe(out);
	});
});
