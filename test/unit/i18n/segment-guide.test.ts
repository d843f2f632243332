import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/core/segments/presets.ts';
import { OTHERS } from '../../../src/core/segments/rules.ts';
import { parseSegmentSetJson } from '../../../src/core/segments/rules-json.ts';
import { en } from '../../../src/i18n/en.ts';
import { explainRule, segmentExplanations } from '../../../src/i18n/segment-texts.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('every preset explains itself', () => {
	// R 10 (both rule sets), Shopify 11, cn8 and "Others": each id has a meaning and an action in both languages.
	const ids = [...new Set([...Object.values(PRESETS).flatMap((s) => s.rules.map((k) => k.id)), OTHERS])];

	it.each(ids)('%s has a meaning and an action in en and zh-CN', (id) => {
		for (const what of ['meaning', 'action']) {
			const key = `segment.${id}.${what}` as keyof typeof en;
			expect(en[key], `${key} (en)`).toMatch(/\w{3,}/);
			expect(CJK.test(en[key]), `${key} (en) is English`).toBe(false);
			expect(zhCN[key], `${key} (zh)`).toMatch(CJK);
		}
	});

	it.each(Object.values(PRESETS))('preset $id: segmentExplanations covers every rule and Others', (set) => {
		for (const lang of ['en', 'zh-CN'] as const) {
			const x = segmentExplanations(set, lang);
			expect(Object.keys(x).sort()).toEqual([...set.rules.map((k) => k.id), OTHERS].sort());
			for (const [id, t] of Object.entries(x)) {
				expect(t.meaning, `${set.id} ${id} ${lang}`).not.toBe('');
				expect(t.action, `${set.id} ${id} ${lang}`).not.toBe('');
			}
		}
	});

	it('a rule set file’s own texts win over the catalogue; a rule without any explains nothing', () => {
		const set = parseSegmentSetJson(
			JSON.stringify({
				id: 'mine',
				rules: [
					{ id: 'champions', r: [5, 5], f: [5, 5], m: [5, 5], meaning: { zh: '顶级客户', en: 'Top customers' }, action: 'Call them' },
					{ id: 'lost', r: [1, 1], f: [1, 5], m: [1, 5], meaning: { zh: '只写了中文' } },
					{ id: 'rule_1', r: [1, 5], f: [1, 5], m: [1, 5] }
				]
			})
		);
		const [champions, lost, own] = set.rules as [never, never, never];
		expect(explainRule(champions, 'zh-CN')).toEqual({ meaning: '顶级客户', action: 'Call them' });
		expect(explainRule(champions, 'en')).toEqual({ meaning: 'Top customers', action: 'Call them' });
		// Meaning written in Chinese only: shown in English too; the action falls back to the catalogue.
		expect(explainRule(lost, 'en')).toEqual({ meaning: '只写了中文', action: en['segment.lost.action'] });
		expect(explainRule(own, 'en')).toEqual({ meaning: '', action: '' });
	});
});
