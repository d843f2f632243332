import { OTHERS, type ScoreRange, type SegmentSet } from '../segments/rules.ts';

/** Words of the reasons, in the caller's language (the page's or --lang's catalogue). */
export interface RuleWords {
	/** "rule {rule}" with the rule's ranges filled in. */
	rule: (ranges: string) => string;
	others: string;
	prospects: string;
}

const range = ([a, b]: ScoreRange) => (a === b ? `${a}` : `${a}–${b}`);

/** Each segment's rule in words, appended to a customer's reason: " (rule R 4–5, F 4–5, M 4–5)". */
export function segmentRuleTexts(set: SegmentSet, words: RuleWords): Record<string, string> {
	const out: Record<string, string> = { [OTHERS]: ` (${words.others})` };
	for (const k of set.rules) out[k.id] = ` (${k.prospects ? words.prospects : words.rule(`R ${range(k.r)}, F ${range(k.f)}, M ${range(k.m)}`)})`;
	return out;
}
