/// <reference lib="webworker" />
/** The forecast worker: model fitting and backtests off the main thread (see forecast-protocol.ts). */
import { forecastHandler } from './forecast-compute.ts';
import type { ForecastWorker } from './forecast-protocol.ts';
import { serveWorker } from './protocol.ts';

serveWorker<ForecastWorker>(forecastHandler);
