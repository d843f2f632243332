/**
 * Page side of the xlsx worker: one workbook per worker; cancel() terminates it (parsing is
 * synchronous inside the worker, so terminating is the only way to stop it at once). Without Web
 * Workers (Node tests) the same job runs in place, through the same protocol.
 */
import { ClienteleError } from '../core/errors.ts';
import { localPort, startJob, type WorkerJob } from './protocol.ts';
import { XLSX_SERVE, type XlsxReadInput, type XlsxReadResult, type XlsxWorker } from './xlsx-protocol.ts';

export class XlsxCancelled extends Error {
	constructor() {
		super('Excel conversion cancelled');
		this.name = 'XlsxCancelled';
	}
}

export type XlsxJob = WorkerJob<XlsxReadResult>;

export function startXlsxRead(input: XlsxReadInput): XlsxJob {
	const port =
		typeof Worker === 'undefined'
			? localPort<XlsxWorker>(async (i) => (await import('./xlsx-compute.ts')).readWorkbook(i), XLSX_SERVE)
			: new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'clientele-xlsx' });
	return startJob<XlsxWorker>(port, input, {
		crashed: (message) =>
			new ClienteleError('xlsx.readFailed', { file: input.file, sheet: input.sheet ?? '', detail: message || 'worker failed' }),
		cancelled: () => new XlsxCancelled()
	});
}
