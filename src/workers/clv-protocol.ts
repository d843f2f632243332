/**
 * What the page and the CLV worker (src/workers/clv.worker.ts) exchange, in the messages of
 * protocol.ts: one fit input in, progress per stage, one result (or the error as data) out.
 * Cancelling = terminating the worker (fits are synchronous inside it).
 */
import type { ClvFitInput, ClvFitResult, ClvProgress } from '../core/clv/fit-types.ts';
import type { WorkerSpec } from './protocol.ts';

export type ClvWorker = WorkerSpec<ClvFitInput, ClvFitResult, ClvProgress>;
