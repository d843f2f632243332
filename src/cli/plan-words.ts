import { segmentRuleTexts as ruleTexts } from '../core/plan/reasons.ts';
import { OTHERS, type SegmentSet } from '../core/segments/rules.ts';
import { segmentName, translate, type Lang } from '../i18n/translate.ts';
import { segmentNames } from './rfm.ts';

/** Segment names of the action list: the rfm command's in English, the catalogue's in Chinese. */
export function planSegmentNames(set: SegmentSet, lang: Lang): Record<string, string> {
	if (lang === 'en') return segmentNames(set);
	const out: Record<string, string> = { [OTHERS]: segmentName(lang, OTHERS) };
	for (const k of set.rules) out[k.id] = segmentName(lang, k.id, k.label);
	return out;
}

/** Each segment's rule in words, in `lang`. */
export function segmentRuleTexts(set: SegmentSet, lang: Lang): Record<string, string> {
	return ruleTexts(set, {
		rule: (rule) => translate(lang, 'plan.reason.rule', { rule }),
		others: translate(lang, 'plan.reason.others'),
		prospects: translate(lang, 'plan.reason.prospects')
	});
}
