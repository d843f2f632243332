/**
 * Page side of the sample-inspection worker: one small worker, started when the page opens (or on
 * first use) and kept. Where
 * there are no Web Workers (Node tests) the inspection runs in place.
 */
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import { errorFromData } from '../core/errors.ts';
import type { InspectRequest, InspectResponse } from './inspect-protocol.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
	number,
	{ resolve: (r: SampleInspection) => void; reject: (e: Error) => void }
>();

function start(): Worker {
	const w = new Worker(new URL('./inspect.worker.ts', import.meta.url), {
		type: 'module',
		name: 'clientele-inspect'
	});
	w.onmessage = (e: MessageEvent<InspectResponse>) => {
		const p = pending.get(e.data.id);
		if (!p) return;
		pending.delete(e.data.id);
		if (e.data.type === 'result') p.resolve(e.data.result);
		else p.reject(e.data.error ? errorFromData(e.data.error) : new Error(e.data.message));
	};
	w.onerror = (e) => {
		// A worker that failed to start or crashed: fail what waits, start afresh next time.
		for (const p of pending.values()) p.reject(new Error(e.message || 'sample inspection failed'));
		pending.clear();
		w.terminate();
		worker = null;
	};
	return w;
}

/** Starts the worker ahead of the first file (module load and start-up: tens of ms saved then). */
export function warmInspector(): void {
	if (typeof Worker !== 'undefined') worker ??= start();
}

export function inspectOffThread(sample: string, fileName: string): Promise<SampleInspection> {
	if (typeof Worker === 'undefined') return Promise.resolve(inspectSample(sample, fileName));
	worker ??= start();
	const id = nextId++;
	const req: InspectRequest = { id, sample, fileName };
	const w = worker;
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		w.postMessage(req);
	});
}
