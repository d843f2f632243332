/**
 * Page side of the sample-inspection worker: one small worker, started when the page opens (or on
 * first use) and kept; a worker that crashed is replaced on the next call. Where there are no Web
 * Workers (Node tests) the inspection runs in place, through the same protocol.
 */
import type { SampleInspection } from '../core/csv/inspect.ts';
import { inspectHandler, type InspectWorker } from './inspect-protocol.ts';
import { localPort, WorkerChannel } from './protocol.ts';

let channel: WorkerChannel<InspectWorker> | null = null;

function start(): WorkerChannel<InspectWorker> {
	const port =
		typeof Worker === 'undefined'
			? localPort<InspectWorker>(inspectHandler)
			: new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module', name: 'clientele-inspect' });
	return new WorkerChannel<InspectWorker>(port, (message) => new Error(message || 'sample inspection failed'));
}

function open(): WorkerChannel<InspectWorker> {
	if (!channel || channel.closed) channel = start();
	return channel;
}

/** Starts the worker ahead of the first file (module load and start-up: tens of ms saved then). */
export function warmInspector(): void {
	if (typeof Worker !== 'undefined') open();
}

export function inspectOffThread(sample: string, fileName: string): Promise<SampleInspection> {
	return open().request({ sample, fileName });
}
