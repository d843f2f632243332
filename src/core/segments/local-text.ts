import type { LocalText } from './rules.ts';

/** The languages a rule set's texts may carry ({"zh": …, "en": …}). */
export const TEXT_LANGS = ['zh', 'en'] as const;
export type TextLang = (typeof TEXT_LANGS)[number];

/**
 * A rule set's text in one language: the text itself when it is one for all, else the
 * language's own, else the other language's (a rule written in one language still explains
 * itself); undefined when there is none.
 */
export function pickText(t: LocalText | undefined, lang: TextLang): string | undefined {
	if (t === undefined) return undefined;
	if (typeof t === 'string') return t;
	const other: TextLang = lang === 'zh' ? 'en' : 'zh';
	return t[lang] ?? t[other];
}
