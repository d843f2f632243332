import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Lang = 'en' | 'zh-CN';
/** Every message key of the catalogues (en.ts and zh-CN.ts have the same keys). */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
/** What follows a prefix in the keys that have it: KeyTail<'role.'> = 'customer' | 'date' | … */
export type KeyTail<P extends string> = MessageKey extends infer K
	? K extends `${P}${infer R}`
		? R
		: never
	: never;
/** A column role with a name in the catalogue (role.<id>). */
export type RoleId = KeyTail<'role.'>;
/**
 * Values for a message's {placeholders}. `role` and `other` are translated (role.<id>), so where
 * they are written out they must be roles; errors built in core pass their params as they are.
 */
export type MessageParams = { role?: RoleId; other?: RoleId } & Record<string, string | number>;
/** What views, charts and summaries receive to turn keys into text. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const CATALOGUES: Record<Lang, Catalogue> = { en, 'zh-CN': zhCN };

/** Whether a key built at run time (from a user's segment id, say) is in the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en, key);
}

/**
 * Looks a key up and fills {placeholders}. A parameter named `role` or `other` is itself
 * translated (role.<x>) when the catalogue has it. An unknown key shows as itself, so nothing is
 * ever blank.
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const cat = CATALOGUES[lang];
	// A key the compiler did not see (an error code that came through a worker) shows as itself.
	const template: string | undefined = cat[key];
	return (template ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined) return `{${name}}`;
		if (name === 'role' || name === 'other') return roleName(lang, String(v));
		if (typeof v === 'number') return formatNumber(lang, v);
		return v;
	});
}

/**
 * One Intl.NumberFormat per language and digits, made once: `toLocaleString(locale, options)` builds
 * a new formatter on every call (V8), which made a table of a few hundred numbers cost tens of ms of
 * the main thread. Same output (toLocaleString is specified as this formatter's format).
 */
const FORMATTERS = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, digits: number | undefined): Intl.NumberFormat {
	const key = `${lang}|${digits ?? ''}`;
	let f = FORMATTERS.get(key);
	if (!f) {
		f = new Intl.NumberFormat(
			lang === 'zh-CN' ? 'zh-CN' : 'en-US',
			digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits }
		);
		FORMATTERS.set(key, f);
	}
	return f;
}

export function formatNumber(lang: Lang, v: number, digits?: number): string {
	return formatter(lang, digits).format(v);
}

export function formatPercent(lang: Lang, v: number, digits = 1): string {
	return formatter(lang, digits).format(v * 100) + '%';
}

/** The display name of a column role: the catalogue's (role.<id>), the id itself when it has none. */
export function roleName(lang: Lang, id: string): string {
	const key = `role.${id}`;
	return isMessageKey(key) ? CATALOGUES[lang][key] : id;
}

/** The display name of a segment id: catalogue for presets, the id itself for user rules. */
export function segmentName(lang: Lang, id: string, label?: string): string {
	const key = `segment.${id}`;
	return label ?? (isMessageKey(key) ? CATALOGUES[lang][key] : id);
}
