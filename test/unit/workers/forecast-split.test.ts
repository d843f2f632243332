import { describe, expect, it } from 'vitest';
import { forecastGroups, type SeriesSet } from '../../../src/core/forecast/groups.ts';
import { forecastWorkers, MAX_FORECAST_WORKERS } from '../../../src/workers/forecast-client.ts';

/* The page deals the groups round-robin to several workers: every group's forecast must not depend on the others. */
describe('forecast split over workers', () => {
	it('one worker per core, at most MAX_FORECAST_WORKERS, never more than the groups, at least one', () => {
		expect([forecastWorkers(50, 2), forecastWorkers(50, 16), forecastWorkers(1, 8), forecastWorkers(3, 0)]).toEqual([2, MAX_FORECAST_WORKERS, 1, 1]);
	});

	it('a group’s forecast is the same fitted alone, in the whole set, or after other groups (shared caches)', () => {
		const values = (k: number) => Array.from({ length: 120 }, (_, t) => 20 + k + ((t * 7 + k) % 5) + (t % 52 === 10 ? 9 : 0));
		const set: SeriesSet = { freq: 'week', first: '2022-01-03', groups: [0, 1, 2].map((k) => ({ group: `g${k}`, values: values(k) })) };
		const o = { model: 'auto' as const, horizon: 8, holidays: [{ date: '2022-10-01', name: '国庆', daysBefore: 0, daysAfter: 6 }] };
		const all = forecastGroups(set, o);
		const alone = forecastGroups({ ...set, groups: [set.groups[2]!] }, o);
		expect(alone[0]).toEqual(all[2]);
		expect(forecastGroups({ ...set, groups: [set.groups[1]!, set.groups[0]!] }, o)).toEqual([all[1], all[0]]);
	});
});
