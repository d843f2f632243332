/// <reference lib="webworker" />
/** Sniffs a file's sample off the main thread (see inspect-client.ts). */
import { inspectHandler, type InspectWorker } from './inspect-protocol.ts';
import { serveWorker } from './protocol.ts';

serveWorker<InspectWorker>(inspectHandler);
