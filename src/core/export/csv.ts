import Papa from 'papaparse';
import { roundMoney } from './money.ts';

export type Cell = string | number | boolean | null;

/**
 * Neutralises spreadsheet formula injection: a text cell starting with = + - @ tab or CR gets a
 * leading apostrophe, except a plain number such as -12.5 (which spreadsheets read as a number).
 */
export function neutralizeCell(v: Cell): Cell {
	if (typeof v !== 'string' || v === '') return v;
	if (!/^[=+\-@\t\r]/.test(v)) return v;
	if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return v;
	return "'" + v;
}

export interface CsvOptions {
	/** UTF-8 byte-order mark, so Excel on Chinese Windows reads UTF-8 (default true). */
	bom?: boolean;
	/** Money columns: rounded half away from zero to 2 decimals, shortest form (core/export/money.ts). */
	money?: readonly string[];
}

/** Rows → CSV text (CRLF, quoted where needed), formula-safe; ids stay the text they were. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[], o: CsvOptions = {}): string {
	const money = new Set(o.money ?? []);
	const data = rows.map((r) => columns.map((c) => neutralizeCell(money.has(c) ? roundMoney(r[c] ?? null) : (r[c] ?? null))));
	const body = Papa.unparse(
		{ fields: columns.map((c) => String(neutralizeCell(c))), data },
		{ newline: '\r\n', quotes: false, escapeFormulae: false }
	);
	// Papa ends the header with a newline itself when there are no data rows: one line end, not two.
	return (o.bom ?? true ? '\ufeff' : '') + (body.endsWith('\r\n') ? body : body + '\r\n');
}
