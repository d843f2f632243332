/**
 * A range of grid cells as the clipboard holds it: TSV (text/plain) and an HTML table (text/html)
 * whose text columns are marked as text (mso-number-format:"\@"), so Excel and WPS keep ids such as
 * 000123 and 18-digit numbers as they are and Chinese text pastes cleanly. The exports' formula
 * guard applies to both.
 */
import { neutralizeCell, type Cell } from './csv.ts';

/** Most cells one copy takes (the grid says so beyond). */
export const MAX_COPY_CELLS = 100_000;

export interface CopyColumn {
	name: string;
	/** Paste as text (ids, codes, words), not as a number or date the spreadsheet may reformat. */
	text: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** TSV has no quoting that every spreadsheet reads: tabs and line breaks inside a cell become spaces. */
const tsvCell = (v: Cell) => (v === null ? '' : String(neutralizeCell(v)).replace(/[\t\r\n]+/g, ' '));

export function clipboardPayload(columns: readonly CopyColumn[], rows: readonly (readonly Cell[])[], o: { header?: boolean } = {}): { tsv: string; html: string } {
	const header = o.header ?? false;
	const lines = rows.map((r) => r.map(tsvCell).join('\t'));
	if (header) lines.unshift(columns.map((c) => tsvCell(c.name)).join('\t'));
	const td = (v: Cell, c: CopyColumn | undefined) => {
		const s = v === null ? '' : String(neutralizeCell(v));
		return c?.text ? `<td style="mso-number-format:'\\@'">${escapeHtml(s)}</td>` : `<td>${escapeHtml(s)}</td>`;
	};
	const body = rows.map((r) => `<tr>${r.map((v, i) => td(v, columns[i])).join('')}</tr>`);
	if (header) body.unshift(`<tr>${columns.map((c) => `<th>${escapeHtml(String(neutralizeCell(c.name)))}</th>`).join('')}</tr>`);
	const html = `<html><head><meta charset="utf-8"></head><body><table>${body.join('')}</table></body></html>`;
	return { tsv: lines.join('\r\n'), html };
}
