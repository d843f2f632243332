/**
 * What the page and the xlsx worker (src/workers/xlsx.worker.ts) exchange, in the messages of
 * protocol.ts: the page sends one read (the File itself: structured clone shares it, nothing is
 * copied); the worker answers with one result (the CSV as a Blob) or the error as data — always a
 * ClienteleError naming the file and sheet (xlsxError). Cancelling = terminating the worker.
 */
import { xlsxError } from '../core/xlsx/xlsx-errors.ts';
import type { SheetInfo } from '../core/xlsx/xlsx-csv.ts';
import type { ServeOptions, WorkerSpec } from './protocol.ts';

export interface XlsxReadInput {
	workbook: Blob;
	/** The workbook's file name (for messages). */
	file: string;
	/** The sheet to read; default: the first that is not empty. */
	sheet?: string;
}

export interface XlsxReadResult {
	sheets: SheetInfo[] | null;
	sheet: string;
	csv: Blob;
	rows: number;
	columns: number;
}

export type XlsxWorker = WorkerSpec<XlsxReadInput, XlsxReadResult>;

/** A library error becomes a translated one naming the workbook (and the sheet asked for). */
export const XLSX_SERVE: ServeOptions<XlsxWorker> = {
	mapError: (e, input) => xlsxError(e, { file: input.file, sheet: input.sheet })
};
