/** Pure checks on a chosen file before it is read as CSV (tested in Node). */
import { ClienteleError } from '../../core/errors.ts';

export type FileKind = 'text' | 'xlsx' | 'xls' | 'parquet';

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/**
 * What a file is, from its name and first bytes: Excel workbooks (ZIP 'PK\x03\x04' with .xlsx/.xlsm,
 * or the OLE2 header of .xls) and Parquet ('PAR1') are not CSV and must not be read as text.
 */
export function fileKind(name: string, head: Uint8Array): FileKind {
	const n = name.toLowerCase();
	if (startsWith(head, [0x50, 0x41, 0x52, 0x31]) || n.endsWith('.parquet')) return 'parquet';
	if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) || n.endsWith('.xls')) return 'xls';
	if (/\.(xlsx|xlsm|xlsb|et|ods|numbers)$/.test(n) || (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && !n.endsWith('.gz'))) return 'xlsx';
	return 'text';
}

/** The translated refusal for a file that is not CSV, or null when it can be read. */
export function refusalFor(kind: FileKind, file: string): ClienteleError | null {
	if (kind === 'xlsx' || kind === 'xls') return new ClienteleError('load.xlsx', { file });
	if (kind === 'parquet') return new ClienteleError('load.parquet', { file });
	return null;
}

export type LoadStep = 'engine' | 'reading' | 'checking';

/** DuckDB-WASM reports an exhausted heap as "Out of Memory" (or the wasm runtime as a RangeError). */
export function isOutOfMemory(e: unknown): boolean {
	const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
	return /out of memory|memory access out of bounds|Array buffer allocation failed|could not allocate/i.test(m);
}

/** The translated out-of-memory message: how far the load got and what to try. */
export function outOfMemoryError(o: { step: LoadStep; file: string; size: string; seconds: number }): ClienteleError {
	return new ClienteleError(`load.oom.${o.step}`, { file: o.file, size: o.size, seconds: o.seconds.toFixed(1) });
}

/** Rows per second of a finished load (0 when nothing was measured). */
export function rowsPerSecond(rows: number, ms: number): number {
	return ms > 0 ? Math.round((rows * 1000) / ms) : 0;
}
