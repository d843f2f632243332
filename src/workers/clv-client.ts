/**
 * Page side of the CLV worker: one fit per worker; cancel() terminates it (the fit is a
 * synchronous loop inside the worker, so terminating is the only way to stop it at once).
 */
import type { ClvFitInput, ClvFitResult, ClvStage } from '../core/clv/fit-types.ts';
import type { ClvWorker } from './clv-protocol.ts';
import { startJob, type WorkerJob } from './protocol.ts';

export class ClvCancelled extends Error {
	constructor() {
		super('CLV fit cancelled');
		this.name = 'ClvCancelled';
	}
}

export type ClvJob = WorkerJob<ClvFitResult>;

/** Starts a fit in a new worker; progress arrives through the callback. */
export function startClvFit(input: ClvFitInput, onProgress: (stage: ClvStage, fraction: number) => void): ClvJob {
	const worker = new Worker(new URL('./clv.worker.ts', import.meta.url), { type: 'module', name: 'clientele-clv' });
	const c = input.calibration;
	const transfer = [c.x.buffer, c.tx.buffer, c.T.buffer, c.zbar.buffer, c.holdout.buffer] as ArrayBuffer[];
	if (input.scoring) {
		const s = input.scoring;
		transfer.push(...([s.x.buffer, s.tx.buffer, s.T.buffer, s.zbar.buffer, s.holdout.buffer] as ArrayBuffer[]));
	}
	return startJob<ClvWorker>(worker, input, {
		onProgress: (p) => onProgress(p.stage, p.fraction),
		transfer,
		crashed: (message) => new Error(message || 'CLV worker failed'),
		cancelled: () => new ClvCancelled()
	});
}
