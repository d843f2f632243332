/**
 * What the page and the forecast worker (forecast.worker.ts) exchange: a series set and the options in,
 * the forecasts of every group out (plain data; see protocol.ts).
 */
import type { ModelChoice } from '../core/forecast/auto.ts';
import type { HolidayRow } from '../core/forecast/calendar.ts';
import type { GroupForecast, SeriesSet } from '../core/forecast/groups.ts';
import type { WorkerSpec } from './protocol.ts';

export interface ForecastInput {
	set: SeriesSet;
	model: ModelChoice;
	horizon: number;
	holidays: HolidayRow[];
}

export type ForecastWorker = WorkerSpec<ForecastInput, GroupForecast[], never>;
