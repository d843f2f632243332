/**
 * Page side of the CLV worker: one fit per worker; cancel() terminates it (the fit is a
 * synchronous loop inside the worker, so terminating is the only way to stop it at once).
 */
import type { ClvFitInput, ClvFitResult, ClvResponse, ClvStage } from './clv-protocol.ts';

export class ClvCancelled extends Error {
	constructor() {
		super('CLV fit cancelled');
		this.name = 'ClvCancelled';
	}
}

export interface ClvJob {
	result: Promise<ClvFitResult>;
	cancel: () => void;
}

let nextId = 1;

/** Starts a fit in a new worker; progress arrives through the callback. */
export function startClvFit(input: ClvFitInput, onProgress: (stage: ClvStage, fraction: number) => void): ClvJob {
	const worker = new Worker(new URL('./clv.worker.ts', import.meta.url), { type: 'module', name: 'clientele-clv' });
	const id = nextId++;
	let reject: (e: Error) => void = () => undefined;
	const result = new Promise<ClvFitResult>((resolve, rej) => {
		reject = rej;
		worker.onmessage = (e: MessageEvent<ClvResponse>) => {
			const m = e.data;
			if (m.id !== id) return;
			if (m.type === 'progress') onProgress(m.stage, m.fraction);
			else {
				worker.terminate();
				if (m.type === 'result') resolve(m.result);
				else rej(new Error(m.message));
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			rej(new Error(e.message || 'CLV worker failed'));
		};
	});
	const c = input.calibration;
	const transfer = [c.x.buffer, c.tx.buffer, c.T.buffer, c.zbar.buffer, c.holdout.buffer] as ArrayBuffer[];
	if (input.scoring) {
		const s = input.scoring;
		transfer.push(...([s.x.buffer, s.tx.buffer, s.T.buffer, s.zbar.buffer, s.holdout.buffer] as ArrayBuffer[]));
	}
	worker.postMessage({ type: 'fit', id, input }, transfer);
	return {
		result,
		cancel: () => {
			worker.terminate();
			reject(new ClvCancelled());
		}
	};
}
