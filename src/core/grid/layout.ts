/**
 * A data grid's column layout: widths the user dragged and columns the user hid, by column name. Plain JSON
 * (kept per grid key in state/grid-views with the grid's filters, so project files and links carry it: column
 * names may go in a link, values never do). Replaced, never mutated.
 */
export interface GridLayout {
	/** Widths in CSS pixels, only for the columns the user resized. */
	readonly widths: Readonly<Record<string, number>>;
	/** Hidden columns, in the order they were hidden. */
	readonly hidden: readonly string[];
}

export const EMPTY_LAYOUT: GridLayout = { widths: {}, hidden: [] };
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 800;

/** A width within the grid's bounds, in whole pixels. */
export function clampWidth(px: number): number {
	if (!Number.isFinite(px)) return MIN_COLUMN_WIDTH;
	return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
}

/** The width to draw: the user's, else the grid's default for the column's type. */
export function columnWidth(layout: GridLayout, name: string, fallback: number): number {
	const w = layout.widths[name];
	return w === undefined ? fallback : w;
}

/** The layout with one column's width set (clamped); `null` goes back to the default. */
export function withWidth(layout: GridLayout, name: string, px: number | null): GridLayout {
	const widths = { ...layout.widths };
	if (px === null) delete widths[name];
	else widths[name] = clampWidth(px);
	return { ...layout, widths };
}

/** The columns shown, in the source's order. */
export function visibleColumns<T extends { name: string }>(columns: readonly T[], layout: GridLayout): T[] {
	if (layout.hidden.length === 0) return [...columns];
	const hidden = new Set(layout.hidden);
	return columns.filter((c) => !hidden.has(c.name));
}

/** Whether a column may be hidden: never the last one shown (a grid with no column cannot be read or undone). */
export function canHide(columns: readonly { name: string }[], layout: GridLayout, name: string): boolean {
	const shown = visibleColumns(columns, layout);
	return shown.some((c) => c.name === name) && shown.length > 1;
}

/** The layout with a column hidden or shown again (hiding the last shown column is refused: unchanged). */
export function withHidden(layout: GridLayout, columns: readonly { name: string }[], name: string, hide: boolean): GridLayout {
	if (hide) return canHide(columns, layout, name) ? { ...layout, hidden: [...layout.hidden, name] } : layout;
	return layout.hidden.includes(name) ? { ...layout, hidden: layout.hidden.filter((h) => h !== name) } : layout;
}

/** Every column shown again (widths kept). */
export function showAll(layout: GridLayout): GridLayout {
	return layout.hidden.length === 0 ? layout : { ...layout, hidden: [] };
}

/** Hidden columns the source no longer has (a computed column removed, another file): not counted as hidden. */
export function hiddenCount(columns: readonly { name: string }[], layout: GridLayout): number {
	const names = new Set(columns.map((c) => c.name));
	return layout.hidden.filter((h) => names.has(h)).length;
}

/** A layout from a project file or a link (untrusted JSON): numbers clamped, anything else dropped. */
export function readLayout(v: unknown): GridLayout {
	if (typeof v !== 'object' || v === null) return EMPTY_LAYOUT;
	const o = v as { widths?: unknown; hidden?: unknown };
	const widths: Record<string, number> = {};
	if (typeof o.widths === 'object' && o.widths !== null)
		for (const [k, w] of Object.entries(o.widths)) if (typeof w === 'number' && Number.isFinite(w)) widths[k] = clampWidth(w);
	const hidden = Array.isArray(o.hidden) ? [...new Set(o.hidden.filter((h): h is string => typeof h === 'string'))] : [];
	return { widths, hidden };
}
