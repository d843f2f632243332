import { runClv } from '../core/clv/fit.ts';
import type { ClvWorker } from './clv-protocol.ts';
import type { WorkerHandler } from './protocol.ts';

/** The CLV worker's job (clv.worker.ts serves it; tests run it without a worker). */
export const fitHandler: WorkerHandler<ClvWorker> = (input, progress) =>
	runClv(input, (stage, fraction) => progress({ stage, fraction }));
