/** What a chosen file is, from its name and first bytes, and the refusal for what cannot be read (pure). */
import { ClienteleError } from '../errors.ts';

/**
 * text: CSV/TSV (maybe .gz; also a '.xls' that is text) · xlsx: an Excel 2007+ workbook (.xlsx, .xlsm, or any ZIP that is not
 * .gz) · xls: a legacy binary workbook (OLE2) · encrypted: an OLE2 file named .xlsx/.xlsm — how
 * Excel stores a password-protected workbook · other-sheet: .xlsb, WPS .et, .ods, Numbers ·
 * parquet: 'PAR1'.
 */
export type FileKind = 'text' | 'xlsx' | 'xls' | 'encrypted' | 'other-sheet' | 'parquet';

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const PARQUET = [0x50, 0x41, 0x52, 0x31] as const;
const OTHER_SHEET = /\.(xlsb|et|ett|ods|numbers)$/;

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

export function fileKind(name: string, head: Uint8Array): FileKind {
	const n = name.toLowerCase();
	if (startsWith(head, PARQUET) || n.endsWith('.parquet')) return 'parquet';
	if (OTHER_SHEET.test(n)) return 'other-sheet';
	if (startsWith(head, OLE2)) return /\.xls[xm]$/.test(n) ? 'encrypted' : 'xls';
	// A '.xls' that is not OLE2 is often tab-separated text from an "export to Excel" button: read as text.
	if (/\.xls[xm]$/.test(n) || (startsWith(head, ZIP) && !n.endsWith('.gz'))) return 'xlsx';
	return 'text';
}

/** The file's extension as written (for the message), e.g. '.ods'. */
function extension(name: string): string {
	const m = /\.[^./\\]+$/.exec(name);
	return m ? m[0] : '';
}

/** The translated refusal for a file that cannot be read, or null when it can (text or .xlsx). */
export function refusalFor(kind: FileKind, file: string): ClienteleError | null {
	switch (kind) {
		case 'xls':
			return new ClienteleError('xlsx.legacy', { file });
		case 'encrypted':
			return new ClienteleError('xlsx.encrypted', { file });
		case 'other-sheet':
			return new ClienteleError('xlsx.otherFormat', { file, format: extension(file) });
		case 'parquet':
			return new ClienteleError('load.parquet', { file });
		default:
			return null;
	}
}
