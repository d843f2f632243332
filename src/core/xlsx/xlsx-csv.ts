/**
 * Excel cells → CSV text (pure; tested in Node). What read-excel-file gives for a sheet — rows of
 * string | number | boolean | Date | null — becomes what Excel's "CSV UTF-8" would have written, so
 * a workbook goes through the same sniffing and typing as a CSV file:
 *   text     as is (ids keep their leading zeros; an 18-digit id typed as text stays exact)
 *   number   shortest round-trip decimal, never exponent notation (1e-7 → 0.0000001)
 *   date     YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS when any date of the column has a time of day;
 *            the wall time Excel shows (read-excel-file builds Dates on UTC fields: no zone shift)
 *   boolean  TRUE / FALSE
 *   empty    '' (short rows are padded to the widest row)
 * Fields are quoted per RFC 4180 (comma, quote, CR or LF inside, or a leading/trailing space).
 */

export type XlsxCell = string | number | boolean | Date | null | undefined;
export type XlsxRow = readonly XlsxCell[];

/** The name a converted sheet goes by in the pipeline and its messages: "book.xlsx [Sheet]" (page and CLI). */
export function sheetInputName(book: string, sheet: string): string {
	return `${book} [${sheet}]`;
}

/** A sheet of a workbook and how many non-blank rows it has (0: empty). */
export interface SheetInfo {
	name: string;
	rows: number;
}

/** The decimal text of a finite number without exponent: the shortest digits that read back the same. */
export function plainNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	const s = String(n);
	const e = s.indexOf('e');
	if (e < 0) return s;
	const sign = s.startsWith('-') ? '-' : '';
	const mantissa = s.slice(sign.length, e);
	const exp = Number(s.slice(e + 1));
	const dot = mantissa.indexOf('.');
	const digits = mantissa.replace('.', '');
	// Position of the decimal point within `digits` after shifting by the exponent.
	const point = (dot < 0 ? mantissa.length : dot) + exp;
	if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
	if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
	return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Milliseconds rounded to the second: Excel stores times as fractions of a day (11:20:11 may come back as 11:20:10.999). */
function roundedMs(d: Date): number {
	return Math.round(d.getTime() / 1000) * 1000;
}

/** True when the date (rounded to the second) is not at midnight. */
export function hasTimeOfDay(d: Date): boolean {
	const ms = roundedMs(d);
	return ((ms % 86_400_000) + 86_400_000) % 86_400_000 !== 0;
}

/** The wall date (and time) Excel shows for a cell read as a UTC-based Date. */
export function excelDateText(d: Date, withTime: boolean): string {
	const t = new Date(roundedMs(d));
	const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
	if (!withTime) return day;
	return `${day} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** One CSV field, quoted when it must be. */
export function csvField(s: string): string {
	return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function isBlankCell(c: XlsxCell): boolean {
	return c === null || c === undefined || c === '';
}

export function isBlankRow(row: XlsxRow): boolean {
	return row.every(isBlankCell);
}

/** Non-blank rows of a sheet (0 = an empty sheet). */
export function countRows(rows: readonly XlsxRow[]): number {
	let n = 0;
	for (const r of rows) if (!isBlankRow(r)) n++;
	return n;
}

/** The sheet to read when the user has not chosen one: the first that is not empty. */
export function defaultSheet(sheets: readonly SheetInfo[]): string | null {
	return sheets.find((s) => s.rows > 0)?.name ?? null;
}

function cellText(c: XlsxCell, withTime: boolean): string {
	if (c === null || c === undefined) return '';
	if (typeof c === 'string') return c;
	if (typeof c === 'number') return plainNumber(c);
	if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
	return Number.isNaN(c.getTime()) ? '' : excelDateText(c, withTime);
}

export interface SheetCsv {
	/** The CSV text in pieces (join them, or hand them to a Blob / a file stream). */
	parts: string[];
	/** Rows written, header included. */
	rows: number;
	columns: number;
}

/**
 * The sheet as CSV (CRLF line ends, like Excel). Blank rows before the header and after the last
 * row are left out (blank rows in between stay: the pipeline reports them). `chunkRows` rows per part.
 */
export function sheetToCsv(data: readonly XlsxRow[], o: { chunkRows?: number } = {}): SheetCsv {
	let first = 0;
	let last = data.length - 1;
	while (first <= last && isBlankRow(data[first]!)) first++;
	while (last >= first && isBlankRow(data[last]!)) last--;
	let columns = 0;
	for (let i = first; i <= last; i++) {
		const r = data[i]!;
		let w = r.length;
		while (w > 0 && isBlankCell(r[w - 1])) w--;
		columns = Math.max(columns, w);
	}
	// A column is written with times when any of its dates has one (one format per column for the sniffer).
	const withTime: boolean[] = new Array<boolean>(columns).fill(false);
	for (let i = first + 1; i <= last; i++) {
		const r = data[i]!;
		for (let j = 0; j < columns; j++) {
			const c = r[j];
			if (!withTime[j] && c instanceof Date && hasTimeOfDay(c)) withTime[j] = true;
		}
	}
	const chunk = Math.max(1, o.chunkRows ?? 5000);
	const parts: string[] = [];
	let lines: string[] = [];
	for (let i = first; i <= last; i++) {
		const r = data[i]!;
		const fields = new Array<string>(columns);
		for (let j = 0; j < columns; j++) fields[j] = csvField(cellText(r[j], withTime[j]!));
		lines.push(fields.join(','));
		if (lines.length >= chunk) {
			parts.push(lines.join('\r\n') + '\r\n');
			lines = [];
		}
	}
	if (lines.length > 0) parts.push(lines.join('\r\n') + '\r\n');
	return { parts, rows: Math.max(0, last - first + 1), columns };
}
