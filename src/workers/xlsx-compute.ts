/** The worker's job, callable without a worker too (Node tests have no Web Worker). */
import { workbookToCsv } from '../core/xlsx/workbook.ts';
import type { XlsxReadInput, XlsxReadResult } from './xlsx-protocol.ts';

// A UTF-8 byte-order mark, as Excel's "CSV UTF-8" writes: the encoding detection is then certain.
const BOM = '\uFEFF';

export async function readWorkbook(input: XlsxReadInput): Promise<XlsxReadResult> {
	const r = await workbookToCsv(input.workbook, { file: input.file, sheet: input.sheet });
	return { sheets: r.sheets, sheet: r.sheet, csv: new Blob([BOM, ...r.parts], { type: 'text/csv' }), rows: r.rows, columns: r.columns };
}
