/**
 * Values a result grid shows translated (RFM segment names, value-matrix quadrants) while its filters keep
 * the stable id: a value filter set on 冠军客户 in zh-CN stores `champions`, so it still holds after a
 * switch to English (where the source's column reads "Champions") and in a saved project. The grid's SQL
 * runs over the translated column, so filters are turned into the current language's labels for it
 * (asShown) and back to ids when set (asStored). Filters a project file saved by translated names (before
 * ids) are mapped back when the name is a label in either language; others are dropped and listed, for
 * the grid to say so (adoptFilters). Pure; languages are plain keys ('en', 'zh-CN').
 */
import type { GridFilter } from '../sql/grid-filter.ts';

/** Per column, per language: id → label. A column not listed shows its values as they are. */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;

export interface DroppedValue {
	column: string;
	value: string;
}

/** Several columns showing the same values (a segment before and after), one id → label list per language. */
export function labelsFor(columns: readonly string[], byLang: Readonly<Record<string, Readonly<Record<string, string>>>>): ValueLabels {
	return Object.fromEntries(columns.map((c) => [c, byLang]));
}

/** The label of `id` in `lang` (a value the dictionary lacks: itself). */
export function labelOf(labels: ValueLabels, column: string, lang: string, id: string): string {
	return labels[column]?.[lang]?.[id] ?? id;
}

/** Whether `v` is one of the column's ids (in any language's list). */
function isId(byLang: Readonly<Record<string, Readonly<Record<string, string>>>>, v: string): boolean {
	return Object.values(byLang).some((m) => Object.hasOwn(m, v));
}

/** The id whose label in `lang` (first; then any language) is `label`, or null. */
function idOfLabel(byLang: Readonly<Record<string, Readonly<Record<string, string>>>>, lang: string, label: string): string | null {
	const order = [lang, ...Object.keys(byLang).filter((l) => l !== lang)];
	for (const l of order) {
		const m = byLang[l];
		if (!m) continue;
		const hit = Object.entries(m).find(([, name]) => name === label);
		if (hit) return hit[0];
	}
	return null;
}

const mapValues = (f: GridFilter, fn: (v: string) => string): GridFilter =>
	f.kind === 'values' ? { ...f, values: f.values.map((v) => (v === null ? null : fn(v))) } : f;

/** The filters as the grid's SQL and chips need them: ids of labelled columns as `lang`'s labels. */
export function asShown(filters: readonly GridFilter[], labels: ValueLabels, lang: string): GridFilter[] {
	return filters.map((f) => (labels[f.column] ? mapValues(f, (v) => labelOf(labels, f.column, lang, v)) : f));
}

/**
 * A filter set from what the grid shows (labels in `lang`) as it is kept: labels of a labelled column as
 * their ids (a value no label names — one the dictionary lacks — stays as it is).
 */
export function asStored(f: GridFilter, labels: ValueLabels, lang: string): GridFilter {
	const byLang = labels[f.column];
	if (!byLang) return f;
	return mapValues(f, (v) => idOfLabel(byLang, lang, v) ?? v);
}

/**
 * Filters as stored (possibly by an older project file, by translated names) → the same filters by id:
 * an id kept; a label in any language mapped to its id; anything else dropped and listed. A value
 * filter left without values is removed (its rows would otherwise be none). The same array when
 * nothing changed.
 */
export function adoptFilters(
	filters: readonly GridFilter[],
	labels: ValueLabels
): { filters: readonly GridFilter[]; dropped: DroppedValue[] } {
	const dropped: DroppedValue[] = [];
	let changed = false;
	const out: GridFilter[] = [];
	for (const f of filters) {
		const byLang = labels[f.column];
		if (!byLang || f.kind !== 'values') {
			out.push(f);
			continue;
		}
		const values: (string | null)[] = [];
		for (const v of f.values) {
			if (v === null || isId(byLang, v)) {
				if (values.includes(v)) changed = true;
				else values.push(v);
				continue;
			}
			changed = true;
			const id = idOfLabel(byLang, '', v);
			if (id === null) dropped.push({ column: f.column, value: v });
			else if (!values.includes(id)) values.push(id);
		}
		if (values.length > 0) out.push({ ...f, values });
	}
	return changed ? { filters: out, dropped } : { filters, dropped };
}
