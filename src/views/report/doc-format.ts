/**
 * The report document's text in its own language (independent of the page's) and its suppressed
 * cells. Pure helpers over the catalogues and core/report/suppress.ts.
 */
import { suppressRow, type Cell } from '../../core/report/suppress.ts';
import { formatNumber, formatPercent, translate, type Lang, type MessageKey, type MessageParams } from '../../i18n/translate.ts';
import { formatMoney } from '../../ui/format.ts';

/** Text, numbers, percents and money in one language. */
export interface DocText {
	lang: Lang;
	t: (key: MessageKey, params?: MessageParams) => string;
	n: (v: number | null | undefined, digits?: number) => string;
	pct: (v: number | null | undefined, digits?: number) => string;
	money: (v: number | null | undefined) => string;
}

export function docText(lang: Lang): DocText {
	const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
	return {
		lang,
		t: (key, params) => translate(lang, key, params),
		n: (v, digits) => (ok(v) ? formatNumber(lang, v, digits) : '—'),
		pct: (v, digits) => (ok(v) ? formatPercent(lang, v, digits) : '—'),
		money: (v) => formatMoney(lang, v)
	};
}

/** A printed row: the group's count (or "<k") and its other cells (hidden in a small group). */
export function docRow(count: number, others: readonly string[], k: number | null, d: DocText): { small: boolean; count: string; others: Cell[] } {
	return suppressRow(count, { count: d.n(count), others }, { k, under: (x) => `<${x}` });
}

/** A cell as printed: its text, or an em dash when hidden. */
export function cellText(c: Cell): string {
	return 'hidden' in c ? '—' : c.text;
}
