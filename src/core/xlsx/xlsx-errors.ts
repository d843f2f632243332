/**
 * read-excel-file's errors → translated ClienteleErrors naming the file and the sheet (pure).
 * Errors cross the worker boundary as { code, params } and are rebuilt on the page side.
 */
import { ClienteleError, isClienteleError } from '../errors.ts';

export interface XlsxErrorContext {
	file: string;
	/** The sheet asked for, when one was. */
	sheet?: string;
}

interface LibraryError {
	name?: unknown;
	code?: unknown;
	sheets?: unknown;
	message?: unknown;
}

export function xlsxError(e: unknown, ctx: XlsxErrorContext): ClienteleError {
	if (isClienteleError(e)) return e;
	const x = (typeof e === 'object' && e !== null ? e : {}) as LibraryError;
	const detail = typeof x.message === 'string' && x.message !== '' ? x.message : String(e);
	const { file } = ctx;
	if (x.name === 'InvalidInputError') {
		if (x.code === 'XLS_FILE_NOT_SUPPORTED')
			return new ClienteleError(/\.xls[xm]$/i.test(file) ? 'xlsx.encrypted' : 'xlsx.legacy', {
				file
			});
		return new ClienteleError('xlsx.corrupt', { file });
	}
	if (x.name === 'SheetNotFoundError') {
		const list = Array.isArray(x.sheets) ? x.sheets.map(String).join(', ') : '';
		return new ClienteleError('xlsx.noSheet', { file, sheet: ctx.sheet ?? '', list });
	}
	if (x.name === 'InvalidSpreadsheetError')
		return new ClienteleError('xlsx.invalid', { file, detail });
	return ctx.sheet === undefined
		? new ClienteleError('import.readFailed', { file, detail })
		: new ClienteleError('xlsx.readFailed', { file, sheet: ctx.sheet, detail });
}

export { errorData, errorFromData } from '../errors.ts';
