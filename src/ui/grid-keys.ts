/** The data grid's keyboard: moving the selection, and Ctrl/Cmd+C copying it (TSV + HTML). */
import { translate } from '../i18n/translate.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { ROW_HEIGHT, type GridColumn, type GridModel } from './grid-model.svelte.ts';
import { revealColumn, type ColumnSpans } from '../core/grid/column-window.ts';
import { copyPayload, MAX_COPY_CELLS, type GridSelection } from './grid-selection.svelte.ts';

interface KeyContext {
	model: GridModel;
	/** The columns shown, in order (hidden ones are neither moved through nor copied). */
	columns: readonly GridColumn[];
	sel: GridSelection;
	scroller: HTMLElement | undefined;
	/** Says what a copy did. */
	note: (text: string) => void;
	/** Height of the sticky header row (px). */
	header: number;
	/** Where the shown columns lie (only those in view are drawn: the scroll position decides). */
	spans: ColumnSpans;
	/** Width of the sticky row numbers (px). */
	rowHeader: number;
}

/**
 * Scrolls the active cell into view: its row below the sticky header, its column beside the frozen ones
 * (rows and columns are virtual: the scroller's position decides which are drawn).
 */
function reveal(c: KeyContext): void {
	const at = c.sel.active;
	const s = c.scroller;
	if (!at || !s) return;
	const top = at.row * ROW_HEIGHT;
	if (top < s.scrollTop) s.scrollTop = top;
	else if (top + ROW_HEIGHT > s.scrollTop + s.clientHeight - c.header)
		s.scrollTop = top + ROW_HEIGHT - s.clientHeight + c.header;
	const left = revealColumn(c.spans, at.col, s.scrollLeft, s.clientWidth, c.rowHeader);
	if (left !== s.scrollLeft) s.scrollLeft = left;
}

async function copy(c: KeyContext): Promise<void> {
	const r = c.sel.range;
	if (!r) return;
	const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
		translate(i18n.lang, k, p);
	if (c.sel.cells > MAX_COPY_CELLS) {
		c.note(
			t('gt.copyTooMany', {
				cells: c.sel.cells.toLocaleString(i18n.lang),
				max: MAX_COPY_CELLS.toLocaleString(i18n.lang)
			})
		);
		return;
	}
	// Only the selected columns are read (a wide file's rows hold thousands).
	const rows = await c.model.rows(r.r0, r.r1 - r.r0 + 1, c.columns.slice(r.c0, r.c1 + 1).map((x) => x.name));
	const p = copyPayload(c.columns, rows, r.c0, r.c1);
	try {
		await navigator.clipboard.write([
			new ClipboardItem({
				'text/plain': new Blob([p.tsv], { type: 'text/plain' }),
				'text/html': new Blob([p.html], { type: 'text/html' })
			})
		]);
	} catch {
		await navigator.clipboard.writeText(p.tsv);
	}
	c.note(t('gt.copied', { cells: c.sel.cells.toLocaleString(i18n.lang) }));
}

export function gridKey(e: KeyboardEvent, c: KeyContext): void {
	// Without a selected range, Ctrl+C is the browser's own (copying selected text).
	if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && c.sel.range) {
		e.preventDefault();
		copy(c).catch((err: unknown) => c.note(err instanceof Error ? err.message : String(err)));
		return;
	}
	const page = Math.max(
		1,
		Math.floor(((c.scroller?.clientHeight ?? 480) - c.header) / ROW_HEIGHT) - 1
	);
	if (c.sel.key(e, { rows: c.model.total, cols: c.columns.length, page })) {
		e.preventDefault();
		reveal(c);
	}
}
