import { describe, expect, it } from 'vitest';
import { R_SEGMENT_NAMES } from '../../../src/core/segments/rules.ts';
import { en } from '../../../src/i18n/en.ts';
import { ERROR_CODES } from '../../../src/core/errors.ts';
import { CATALOGUES, isMessageKey, translate } from '../../../src/i18n/translate.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';


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
		const key = `segment.${id}`;
		expect(isMessageKey(key) && CATALOGUES.en[key]).toBe(R_SEGMENT_NAMES[id]);
		expect(isMessageKey(key) && CATALOGUES['zh-CN'][key]).toBeTruthy();
	});

	// core declares the codes without importing i18n; here each one proves it has both messages.
	it.each(ERROR_CODES)('error code %s has a message in en and zh-CN', (code) => {
		expect(en[code].trim()).not.toBe('');
		expect(zh[code]?.trim()).toBeTruthy();
	});
});

describe('translate()', () => {
	it.each([
		['en', 'mapping.missing', { file: 'a.csv', role: 'customer' }, 'a.csv: choose a column for “Customer ID”.'],
		['zh-CN', 'mapping.missing', { file: 'a.csv', role: 'customer' }, 'a.csv：请为“客户编号”选择一列。'],
		['en', 'grid.rows', { rows: 1234567 }, '1,234,567 rows'],
		['en', 'cli.missingOption', {}, 'missing option --{option}'],
		['en', 'cli.badOption', { detail: "$& and $1 stay as written" }, '$& and $1 stay as written']
	] as const)('%s %s', (lang, key, params, out) => {
		expect(translate(lang, key, params)).toBe(out);
	});

	it('shows a key it does not know as itself (one that reached it past the compiler)', () => {
		// @ts-expect-error -- not a MessageKey: the compiler refuses it, the page still shows something
		expect(translate('en', 'no.such.key', {})).toBe('no.such.key');
	});
});
