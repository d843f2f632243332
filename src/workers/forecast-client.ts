/** Page side of the forecast worker: one run per worker; cancel() terminates it (the fits are synchronous). */
import type { GroupForecast } from '../core/forecast/groups.ts';
import type { ForecastInput, ForecastWorker } from './forecast-protocol.ts';
import { startJob, type WorkerJob } from './protocol.ts';

export function startForecast(input: ForecastInput): WorkerJob<GroupForecast[]> {
	const worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'clientele-forecast' });
	return startJob<ForecastWorker>(worker, input, {
		crashed: (message) => new Error(message || 'forecast worker failed'),
		cancelled: () => new Error('forecast cancelled')
	});
}
