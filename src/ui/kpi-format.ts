/** Display helpers of the KPI view (pure). Values arrive as shares (0–1) or NPS on −1..1. */
import type { Lang } from '../i18n/translate.ts';

const loc = (lang: Lang) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/** A number with fixed decimals, '—' when missing. */
export function fixed(lang: Lang, v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	return v.toLocaleString(loc(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** NPS points with a sign: +27.3. */
export function points(lang: Lang, v: number | null | undefined): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	return (v > 0 ? '+' : '') + fixed(lang, v * 100, 1);
}

export function percent(lang: Lang, v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	return fixed(lang, v * 100, digits) + '%';
}

/** An interval [low, high] with a formatter. */
export function interval(low: number, high: number, f: (v: number) => string): string {
	return Number.isFinite(low) && Number.isFinite(high) ? `[${f(low)}, ${f(high)}]` : '—';
}

/** NPS on −1..1 → points rounded to 4 decimals (what the CLI writes), as an attribute for tests. */
export function pointsAttr(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? '' : String(Math.round(v * 100 * 1e4) / 1e4);
}

export function percentAttr(v: number | null | undefined): string {
	return v === null || v === undefined || !Number.isFinite(v) ? '' : String(Math.round(v * 100 * 1e4) / 1e4);
}
