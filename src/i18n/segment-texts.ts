import { pickText } from '../core/segments/local-text.ts';
import { OTHERS, type SegmentRule, type SegmentSet } from '../core/segments/rules.ts';
import { CATALOGUES, isMessageKey, type Lang } from './translate.ts';

/** What a segment means and the action recommended, in one language ('' when nobody wrote one). */
export interface SegmentExplanation {
	meaning: string;
	action: string;
}

function catalogueText(lang: Lang, id: string, what: 'meaning' | 'action'): string {
	const key = `segment.${id}.${what}`;
	return isMessageKey(key) ? CATALOGUES[lang][key] : '';
}

/**
 * One rule's meaning and action: the rule's own (a rule set's JSON may carry them, one text or one
 * per language), else the catalogue's for a preset id (segment.<id>.meaning / .action), else ''.
 */
export function explainRule(rule: Pick<SegmentRule, 'id' | 'meaning' | 'action'>, lang: Lang): SegmentExplanation {
	const l = lang === 'zh-CN' ? 'zh' : 'en';
	return {
		meaning: pickText(rule.meaning, l) ?? catalogueText(lang, rule.id, 'meaning'),
		action: pickText(rule.action, l) ?? catalogueText(lang, rule.id, 'action')
	};
}

/** Segment id → meaning and action for every rule of a set and for "Others". */
export function segmentExplanations(set: SegmentSet, lang: Lang): Record<string, SegmentExplanation> {
	const out: Record<string, SegmentExplanation> = Object.fromEntries(set.rules.map((k) => [k.id, explainRule(k, lang)]));
	out[OTHERS] = explainRule({ id: OTHERS }, lang);
	return out;
}
