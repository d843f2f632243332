/** How the pivot names its values and shows keys and numbers, in the page's language. */
import type { FieldKind, PivotValue } from '../../core/sql/pivot.ts';
import { formatNumber, formatPercent, translate, type Lang } from '../../i18n/translate.ts';
import type { PivotColumn, PivotKey, PivotResult } from '../../run/pivot.ts';

/** "Sum of 实付金额" / "求和项：实付金额"; a share says what it is a share of. */
export function valueLabel(lang: Lang, v: PivotValue): string {
	if (v.agg === 'share') return v.field === undefined ? translate(lang, 'pivot.label.shareRows') : translate(lang, 'pivot.label.shareOf', { field: v.field });
	if (v.field === undefined) return translate(lang, 'pivot.label.rows');
	return translate(lang, 'pivot.label.of', { agg: translate(lang, `pivot.agg.${v.agg}`), field: v.field });
}

/** A key as shown: empty (blank or missing) as "(empty)", numbers localised. */
export function keyText(lang: Lang, k: PivotKey): string {
	if (k === null) return translate(lang, 'pivot.empty');
	return typeof k === 'number' ? formatNumber(lang, k) : String(k);
}

/** A value column's key (column keys joined), or "Total". */
export function columnKeyText(lang: Lang, c: PivotColumn): string {
	return c.key === null ? translate(lang, 'pivot.totalColumn') : c.key.map((k) => keyText(lang, k)).join(' · ');
}

/** The kind of the field a value reads (min and max of dates are dates). */
export function valueKind(r: PivotResult, v: PivotValue): FieldKind | null {
	return v.field === undefined ? null : (r.fields.find((f) => f.name === v.field)?.kind ?? null);
}

/**
 * A value as shown: shares as percentages, min/max of dates as days, numbers with `digits` decimals
 * (a column's numbers line up: see columnDigits), else up to 2.
 */
export function valueText(lang: Lang, x: number | null | undefined, v: PivotValue, kind: FieldKind | null, digits?: number): string {
	if (x === null || x === undefined) return '';
	if (v.agg === 'share') return formatPercent(lang, x, 1);
	if (kind === 'date' && (v.agg === 'min' || v.agg === 'max')) return new Date(x).toISOString().slice(0, 10);
	return formatNumber(lang, x, digits);
}

/** Decimals per value: 0 when every number of the value is whole (counts, sums of whole numbers), else 2. */
export function columnDigits(r: PivotResult): number[] {
	return r.spec.values.map((_, j) => {
		const ids = r.columns.filter((c) => c.value === j).map((c) => c.id);
		return r.rows.every((row) => ids.every((id) => { const x = row.values[id]; return x === null || x === undefined || Number.isInteger(x); })) ? 0 : 2;
	});
}
