import { clipboardPayload, MAX_COPY_CELLS } from '../core/export/clipboard.ts';
import type { Cell } from '../core/export/csv.ts';
import { formatCell, isNumericType } from './format.ts';
import type { GridColumn } from './grid-model.svelte.ts';

export interface CellAt {
	row: number;
	col: number;
}

/**
 * The grid's selected range: an anchor cell and the active cell (shift extends from the anchor).
 * Keys: arrows, Page Up/Down, Home/End (with Ctrl/Cmd: first/last row), Shift to extend.
 */
export class GridSelection {
	anchor = $state.raw<CellAt | null>(null);
	active = $state.raw<CellAt | null>(null);

	get range(): { r0: number; r1: number; c0: number; c1: number } | null {
		const a = this.anchor;
		const b = this.active;
		if (!a || !b) return null;
		return {
			r0: Math.min(a.row, b.row),
			r1: Math.max(a.row, b.row),
			c0: Math.min(a.col, b.col),
			c1: Math.max(a.col, b.col)
		};
	}

	has(row: number, col: number): boolean {
		const r = this.range;
		return r !== null && row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
	}

	/** Selects a cell (extending from the anchor), or with null nothing (the rows shown changed). */
	select(at: CellAt | null, extend = false): void {
		this.active = at;
		if (!extend || !this.anchor) this.anchor = at;
	}

	/** Moves the active cell for a key; returns false for keys it does not handle. */
	key(
		e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
		size: { rows: number; cols: number; page: number }
	): boolean {
		const at = this.active ?? { row: 0, col: 0 };
		const mod = e.ctrlKey || e.metaKey;
		const moves: Record<string, CellAt> = {
			ArrowUp: { row: at.row - 1, col: at.col },
			ArrowDown: { row: at.row + 1, col: at.col },
			ArrowLeft: { row: at.row, col: at.col - 1 },
			ArrowRight: { row: at.row, col: at.col + 1 },
			PageUp: { row: at.row - size.page, col: at.col },
			PageDown: { row: at.row + size.page, col: at.col },
			Home: mod ? { row: 0, col: 0 } : { row: at.row, col: 0 },
			End: mod ? { row: size.rows - 1, col: size.cols - 1 } : { row: at.row, col: size.cols - 1 }
		};
		const to = moves[e.key];
		if (!to || size.rows === 0 || size.cols === 0) return false;
		const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
		this.select({ row: clamp(to.row, size.rows), col: clamp(to.col, size.cols) }, e.shiftKey);
		return true;
	}

	/** Cells in the range (for the 100,000-cell limit). */
	get cells(): number {
		const r = this.range;
		return r ? (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) : 0;
	}
}

/** The selected rows (as fetched) → clipboard TSV and HTML; text columns marked as text. */
export function copyPayload(
	columns: readonly GridColumn[],
	rows: readonly Record<string, unknown>[],
	c0: number,
	c1: number
): { tsv: string; html: string } {
	const cols = columns.slice(c0, c1 + 1);
	const cell = (v: unknown, type: string): Cell =>
		v === null || v === undefined
			? null
			: typeof v === 'number' && /^(TIMESTAMP|DATE)/.test(type)
				? formatCell('en', v, type)
				: (v as Cell);
	return clipboardPayload(
		cols.map((c) => ({ name: c.name, text: !isNumericType(c.type) })),
		rows.map((r) => cols.map((c) => cell(r[c.name], c.type)))
	);
}

export { MAX_COPY_CELLS };
