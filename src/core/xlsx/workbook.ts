/**
 * Reads a workbook with read-excel-file and converts one sheet to CSV (see xlsx-csv.ts). Runs in
 * our xlsx worker on the page (src/workers/xlsx.worker.ts) and directly in the CLI.
 *
 * Why read-excel-file (MIT, actively maintained, small: fflate + a SAX parser): SheetJS `xlsx`
 * on npm is frozen at 0.18.5 with unfixed prototype-pollution (CVE-2023-30533) and ReDoS
 * (CVE-2024-22363) advisories — fixed builds are only on the vendor's own CDN; exceljs has had no
 * release since 4.4.0 (2023). We use the `universal` entry: no nested workers of its own (it
 * already runs in ours) and the same code in Node. It reads .xlsx/.xlsm only; .xls (OLE2),
 * encrypted workbooks, .xlsb, .ods, .et and Numbers are refused before reading (file-kind.ts, run/open-file.ts).
 */
import readXlsxFile, { readSheet, type SheetData } from 'read-excel-file/universal';
import { ClienteleError } from '../errors.ts';
import { countRows, defaultSheet, sheetToCsv, type SheetInfo, type XlsxRow } from './xlsx-csv.ts';
import { xlsxError } from './xlsx-errors.ts';
import { workbookRefusal } from './zip-directory.ts';

export interface WorkbookCsvOptions {
	/** The workbook's file name (for messages). */
	file: string;
	/** The sheet to read; default: the first sheet that is not empty. */
	sheet?: string;
}

export interface WorkbookCsv {
	/** Every sheet with its row count — only when the whole workbook was read (no sheet asked for). */
	sheets: SheetInfo[] | null;
	/** The sheet converted. */
	sheet: string;
	/** CSV text (UTF-8 once encoded), in pieces. */
	parts: string[];
	rows: number;
	columns: number;
}

/** read-excel-file types a date cell as `typeof Date` (the constructor); at run time it is a Date. */
function cells(d: SheetData): XlsxRow[] {
	return d as unknown as XlsxRow[];
}

// Text as stored: leading/trailing spaces are data (Excel's own CSV export keeps them).
const OPTIONS = { trim: false } as const;

export async function workbookToCsv(input: Blob | ArrayBuffer, o: WorkbookCsvOptions): Promise<WorkbookCsv> {
	let sheets: SheetInfo[] | null = null;
	let name: string;
	let data: SheetData;
	// Not a workbook, or a sheet too large to inflate: one sentence now, not an engine failure later.
	const bytes = new Uint8Array(input instanceof ArrayBuffer ? input : await input.arrayBuffer());
	const refusal = await workbookRefusal(bytes, o.file, o.sheet);
	if (refusal) throw refusal;
	input = bytes.buffer as ArrayBuffer;
	try {
		if (o.sheet !== undefined) {
			name = o.sheet;
			data = await readSheet(input, o.sheet, OPTIONS);
		} else {
			const all = await readXlsxFile(input, OPTIONS);
			sheets = all.map((s) => ({ name: s.sheet, rows: countRows(cells(s.data)) }));
			const first = defaultSheet(sheets);
			if (first === null) throw new ClienteleError('xlsx.noData', { file: o.file });
			name = first;
			data = all.find((s) => s.sheet === first)!.data;
		}
	} catch (e) {
		throw xlsxError(e, { file: o.file, sheet: o.sheet });
	}
	const csv = sheetToCsv(cells(data));
	if (csv.rows === 0) throw new ClienteleError('xlsx.emptySheet', { file: o.file, sheet: name });
	return { sheets, sheet: name, ...csv };
}
