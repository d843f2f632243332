/**
 * Page side of the forecast worker: the groups are dealt round-robin to up to MAX_FORECAST_WORKERS workers
 * (one per core the browser reports: the page and DuckDB wait idle meanwhile), each fits its share, and the
 * results come back in the groups' order. Every group's fit is independent, so the result is the same as
 * one worker's. cancel() terminates them all (the fits are synchronous).
 */
import type { GroupForecast } from '../core/forecast/groups.ts';
import type { ForecastInput, ForecastWorker } from './forecast-protocol.ts';
import { startJob, type WorkerJob } from './protocol.ts';

export const MAX_FORECAST_WORKERS = 4;

/** How many workers share a run of `groups` groups. */
export function forecastWorkers(groups: number, cores: number): number {
	return Math.max(1, Math.min(MAX_FORECAST_WORKERS, groups, cores));
}

function startOne(input: ForecastInput): WorkerJob<GroupForecast[]> {
	const worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'clientele-forecast' });
	return startJob<ForecastWorker>(worker, input, {
		crashed: (message) => new Error(message || 'forecast worker failed'),
		cancelled: () => new Error('forecast cancelled')
	});
}

export function startForecast(input: ForecastInput): WorkerJob<GroupForecast[]> {
	const groups = input.set.groups;
	const k = forecastWorkers(groups.length, globalThis.navigator?.hardwareConcurrency ?? 1);
	if (k === 1) return startOne(input);
	const shares = Array.from({ length: k }, (_, w) => groups.filter((_, i) => i % k === w));
	const jobs = shares.map((g) => startOne({ ...input, set: { ...input.set, groups: g } }));
	const result = Promise.all(jobs.map((j) => j.result)).then((parts) => groups.map((_, i) => parts[i % k]![Math.floor(i / k)]!));
	result.catch(() => jobs.forEach((j) => j.cancel()));
	return { result, cancel: () => jobs.forEach((j) => j.cancel()) };
}
