/**
 * The pivot as a CSV (core/export: formula-safe, UTF-8 with a BOM): one column per row field, a
 * subtotal row says "Subtotal" after its keys, the grand total row "Grand total"; then one column per
 * value column ("<column key> · <value>"). Numbers unformatted (shares as fractions), dates as days.
 */
import { toCsv, type Cell } from '../../core/export/csv.ts';
import { translate, type Lang } from '../../i18n/translate.ts';
import type { PivotResult } from '../../run/pivot.ts';
import { columnKeyText, keyText, valueKind, valueLabel } from './labels.ts';

export function pivotCsv(lang: Lang, r: PivotResult): string {
	const { spec } = r;
	const names: string[] = [];
	const unique = (s: string) => {
		let name = s;
		for (let i = 2; names.includes(name); i++) name = `${s} (${i})`;
		names.push(name);
		return name;
	};
	const rowCols = spec.rows.map(unique);
	const valCols = r.columns.map((c) => {
		const label = valueLabel(lang, spec.values[c.value]!);
		return unique(spec.columns.length ? `${columnKeyText(lang, c)} · ${label}` : label);
	});
	const rows = r.rows.map((row) => {
		const out: Record<string, Cell> = {};
		rowCols.forEach((col, i) => {
			if (row.depth === 0) out[col] = i === 0 ? translate(lang, 'pivot.total') : null;
			else if (i < row.depth) out[col] = keyText(lang, row.keys[i] ?? null);
			else out[col] = i === row.depth ? translate(lang, 'pivot.subtotal') : null;
		});
		r.columns.forEach((c, j) => {
			const v = spec.values[c.value]!;
			const x = row.values[c.id] ?? null;
			out[valCols[j]!] = x !== null && valueKind(r, v) === 'date' && (v.agg === 'min' || v.agg === 'max') ? new Date(x).toISOString().slice(0, 10) : x;
		});
		return out;
	});
	return toCsv(names, rows);
}
