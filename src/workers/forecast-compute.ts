import { forecastGroups } from '../core/forecast/groups.ts';
import type { ForecastWorker } from './forecast-protocol.ts';
import type { WorkerHandler } from './protocol.ts';

/** The forecast worker's job (forecast.worker.ts serves it; tests run it without a worker). */
export const forecastHandler: WorkerHandler<ForecastWorker> = (input) => forecastGroups(input.set, input);
