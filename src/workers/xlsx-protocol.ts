/**
 * Typed messages between the page and the xlsx worker (src/workers/xlsx.worker.ts): the page
 * posts one `read` request (the File itself: structured clone shares it, nothing is copied); the
 * worker answers with one `result` (the CSV as a Blob) or one `error` (a ClienteleError as data).
 * Cancelling = terminating the worker.
 */
import type { ErrorData } from '../core/errors.ts';
import type { SheetInfo } from '../core/xlsx/xlsx-csv.ts';

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

export type XlsxRequest = { type: 'read'; id: number; input: XlsxReadInput };

export type XlsxResponse =
	| { type: 'result'; id: number; result: XlsxReadResult }
	| { type: 'error'; id: number; error: ErrorData };
