/// <reference lib="webworker" />
/** The xlsx worker: unzips and parses a workbook and writes one sheet as CSV, off the main thread. */
import { xlsxError, errorData } from '../core/xlsx/xlsx-errors.ts';
import { readWorkbook } from './xlsx-compute.ts';
import type { XlsxRequest, XlsxResponse } from './xlsx-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(msg: XlsxResponse): void {
	scope.postMessage(msg);
}

scope.onmessage = async (e: MessageEvent<XlsxRequest>) => {
	const req = e.data;
	if (req.type !== 'read') return;
	try {
		post({ type: 'result', id: req.id, result: await readWorkbook(req.input) });
	} catch (err) {
		post({ type: 'error', id: req.id, error: errorData(xlsxError(err, { file: req.input.file, sheet: req.input.sheet })) });
	}
};
