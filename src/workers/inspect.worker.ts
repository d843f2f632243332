/// <reference lib="webworker" />
/** Sniffs a file's sample off the main thread (see inspect-client.ts). */
import { inspectSample } from '../core/csv/inspect.ts';
import type { InspectRequest, InspectResponse } from './inspect-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<InspectRequest>) => {
	const { id, sample, fileName } = e.data;
	let msg: InspectResponse;
	try {
		msg = { id, type: 'result', result: inspectSample(sample, fileName) };
	} catch (err) {
		msg = { id, type: 'error', message: err instanceof Error ? err.message : String(err) };
	}
	scope.postMessage(msg);
};
