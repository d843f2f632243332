/**
 * What the page and the sample-inspection worker (inspect.worker.ts) exchange, in the messages of
 * protocol.ts: a text sample and its file name in, the inspection (or the error as data) out.
 */
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import type { WorkerHandler, WorkerSpec } from './protocol.ts';

export interface InspectInput {
	sample: string;
	fileName: string;
}

export type InspectWorker = WorkerSpec<InspectInput, SampleInspection>;

/** The worker's job (served by inspect.worker.ts; run in place where there are no workers). */
export const inspectHandler: WorkerHandler<InspectWorker> = ({ sample, fileName }) => inspectSample(sample, fileName);
