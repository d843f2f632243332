/// <reference lib="webworker" />
/** Sniffs a file's sample off the main thread (see inspect-client.ts). */
import { inspectSample } from '../core/csv/inspect.ts';
import { errorData, isClienteleError } from '../core/errors.ts';
import type { InspectRequest, InspectResponse } from './inspect-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<InspectRequest>) => {
	const { id, sample, fileName } = e.data;
	let msg: InspectResponse;
	try {
		msg = { id, type: 'result', result: inspectSample(sample, fileName) };
	} catch (err) {
		// A translated error (an empty file …) crosses as data and is rebuilt on the other side.
		msg = {
			id,
			type: 'error',
			message: err instanceof Error ? err.message : String(err),
			...(isClienteleError(err) ? { error: errorData(err) } : {})
		};
	}
	scope.postMessage(msg);
};
