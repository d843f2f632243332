import type { Diff } from '../../core/evaluate/intervals.ts';
import { formatNumber, type Lang } from '../../i18n/translate.ts';

/** How the evaluation's figures read in the page: '—' wherever a value is undefined. */

const sign = (s: string, v: number) => (v > 0 ? `+${s}` : s);

export function pct(lang: Lang, v: number): string {
	return Number.isFinite(v) ? `${formatNumber(lang, v * 100, 1)}%` : '—';
}

export function money(lang: Lang, v: number): string {
	return Number.isFinite(v) ? formatNumber(lang, v, 2) : '—';
}

/** A difference and its interval: "+10.6 (0.3 to 15.3)"; proportions in percentage points. */
export function diffText(lang: Lang, d: Diff, kind: 'pp' | 'money'): string {
	if (!Number.isFinite(d.diff)) return '—';
	const f = (v: number) => (kind === 'pp' ? formatNumber(lang, v * 100, 1) : formatNumber(lang, v, 2));
	const head = sign(f(d.diff), d.diff);
	if (!Number.isFinite(d.low) || !Number.isFinite(d.high)) return head;
	return `${head} (${f(d.low)} – ${f(d.high)})`;
}

/** Whether an interval lies wholly above (1) or below (−1) zero, else 0: the cell's colour. */
export function side(d: Diff): -1 | 0 | 1 {
	if (d.low > 0) return 1;
	if (d.high < 0) return -1;
	return 0;
}
