/// <reference lib="webworker" />
/** The CLV worker: fits and scores off the main thread (see clv-protocol.ts). */
import { runClv } from './clv-compute.ts';
import type { ClvRequest, ClvResponse } from './clv-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(msg: ClvResponse): void {
	scope.postMessage(msg);
}

scope.onmessage = (e: MessageEvent<ClvRequest>) => {
	const req = e.data;
	if (req.type !== 'fit') return;
	try {
		const result = runClv(req.input, (stage, fraction) => post({ type: 'progress', id: req.id, stage, fraction }));
		post({ type: 'result', id: req.id, result });
	} catch (err) {
		post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
	}
};
