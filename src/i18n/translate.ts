import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Lang = 'en' | 'zh-CN';
export type Catalogue = Record<string, string>;
export type MessageKey = keyof typeof en;

export const CATALOGUES: Record<Lang, Catalogue> = { en, 'zh-CN': zhCN };

/**
 * Looks a key up and fills {placeholders}. A parameter named `role` or `segment` is itself
 * translated (role.<x>, segment.<x>) when the catalogue has it. Missing keys fall back to English,
 * then to the key itself, so nothing is ever blank.
 */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
	const cat = CATALOGUES[lang];
	const template = cat[key] ?? en[key as MessageKey] ?? key;
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined) return `{${name}}`;
		if (name === 'role' || name === 'other') return cat[`role.${v}`] ?? String(v);
		if (typeof v === 'number') return formatNumber(lang, v);
		return v;
	});
}

export function formatNumber(lang: Lang, v: number, digits?: number): string {
	return v.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US', digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(lang: Lang, v: number, digits = 1): string {
	return (v * 100).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) + '%';
}

/** The display name of a segment id: catalogue for presets, the id itself for user rules. */
export function segmentName(lang: Lang, id: string, label?: string): string {
	return label ?? CATALOGUES[lang][`segment.${id}`] ?? id;
}
