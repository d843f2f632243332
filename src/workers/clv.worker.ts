/// <reference lib="webworker" />
/** The CLV worker: fits and scores off the main thread (see clv-protocol.ts). */
import { fitHandler } from './clv-compute.ts';
import type { ClvWorker } from './clv-protocol.ts';
import { serveWorker } from './protocol.ts';

serveWorker<ClvWorker>(fitHandler);
