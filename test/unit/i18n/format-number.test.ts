import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../../src/i18n/translate.ts';

/** The cached formatters must write exactly what toLocaleString writes (the page's old way). */
const VALUES = [0, -0, 1, -1, 0.005, 1.005, 2 / 3, 1234.5, -98765.4321, 1e21, 123456789.987, NaN, Infinity];

describe('formatNumber / formatPercent (one Intl formatter per language and digits)', () => {
	it('equal toLocaleString with the same options, in both languages, called again and again', () => {
		for (const [lang, locale] of [['en', 'en-US'], ['zh-CN', 'zh-CN']] as const) {
			for (let round = 0; round < 2; round++) {
				for (const v of VALUES) {
					expect(formatNumber(lang, v)).toBe(v.toLocaleString(locale, { maximumFractionDigits: 2 }));
					for (const d of [0, 1, 2, 4]) {
						const o = { minimumFractionDigits: d, maximumFractionDigits: d };
						expect(formatNumber(lang, v, d)).toBe(v.toLocaleString(locale, o));
						expect(formatPercent(lang, v, d)).toBe((v * 100).toLocaleString(locale, o) + '%');
					}
				}
			}
		}
		expect(formatNumber('en', 1234.5)).toBe('1,234.5');
		expect(formatPercent('en', 0.1234)).toBe('12.3%');
	});
});
