/**
 * Page side of the xlsx worker: one workbook per worker; cancel() terminates it (parsing is
 * synchronous inside the worker, so terminating is the only way to stop it at once). Without Web
 * Workers (Node tests) the same code runs in place.
 */
import { ClienteleError } from '../core/errors.ts';
import { errorFromData, xlsxError } from '../core/xlsx/xlsx-errors.ts';
import type { XlsxReadInput, XlsxReadResult, XlsxResponse } from './xlsx-protocol.ts';

export class XlsxCancelled extends Error {
	constructor() {
		super('Excel conversion cancelled');
		this.name = 'XlsxCancelled';
	}
}

export interface XlsxJob {
	result: Promise<XlsxReadResult>;
	cancel: () => void;
}

let nextId = 1;

export function startXlsxRead(input: XlsxReadInput): XlsxJob {
	if (typeof Worker === 'undefined') return inPlace(input);
	const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'clientele-xlsx' });
	const id = nextId++;
	let reject: (e: Error) => void = () => undefined;
	const result = new Promise<XlsxReadResult>((resolve, rej) => {
		reject = rej;
		worker.onmessage = (e: MessageEvent<XlsxResponse>) => {
			const m = e.data;
			if (m.id !== id) return;
			worker.terminate();
			if (m.type === 'result') resolve(m.result);
			else rej(errorFromData(m.error));
		};
		worker.onerror = (e) => {
			worker.terminate();
			rej(new ClienteleError('xlsx.readFailed', { file: input.file, sheet: input.sheet ?? '', detail: e.message || 'worker failed' }));
		};
	});
	worker.postMessage({ type: 'read', id, input });
	return {
		result,
		cancel: () => {
			worker.terminate();
			reject(new XlsxCancelled());
		}
	};
}

function inPlace(input: XlsxReadInput): XlsxJob {
	let cancelled = false;
	const result = import('./xlsx-compute.ts')
		.then((m) => m.readWorkbook(input))
		.catch((e: unknown) => {
			throw xlsxError(e, { file: input.file, sheet: input.sheet });
		})
		.then((r) => {
			if (cancelled) throw new XlsxCancelled();
			return r;
		});
	return { result, cancel: () => (cancelled = true) };
}
