import type { SampleInspection } from '../core/csv/inspect.ts';
import type { ErrorData } from '../core/errors.ts';

export interface InspectRequest {
	id: number;
	sample: string;
	fileName: string;
}

export type InspectResponse =
	| { id: number; type: 'result'; result: SampleInspection }
	| { id: number; type: 'error'; message: string; error?: ErrorData };
