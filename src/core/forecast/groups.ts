/**
 * Forecasts for every group of a series set (plain data in, plain data out: the page runs this in a Web
 * Worker, the CLI in-process). A series that never goes below 0 (counts, revenue without net returns) has
 * its forecast and intervals cut at 0.
 */
import { forecastSeries, type ModelChoice, type SeriesForecast } from './auto.ts';
import { calendarRows, type CalendarName, type HolidayRow } from './calendar.ts';
import type { Freq } from './design.ts';
import type { Interval } from './model.ts';
import { periodRange } from './periods.ts';

export const DEFAULT_HORIZON: Record<Freq, number> = { day: 90, week: 13, month: 12 };

export interface ForecastDefaults {
	model: ModelChoice;
	freq: Freq;
}
export const DEFAULT_FORECAST: ForecastDefaults = { model: 'auto', freq: 'week' };

export interface GroupSeries {
	group: string;
	values: number[];
}

export interface SeriesSet {
	freq: Freq;
	/** The first period's first day (every group has the same periods). */
	first: string;
	groups: GroupSeries[];
}

export interface GroupForecast {
	group: string;
	/** History then horizon periods (first days). */
	periods: string[];
	history: number[];
	result: SeriesForecast;
}

/** The default holiday table for a span: cn for day and week series (none for months), years padded by one. */
export function defaultHolidays(choice: string, freq: Freq, firstDay: string, lastDay: string): HolidayRow[] {
	if (choice === 'none' || freq === 'month') return [];
	const from = Number(firstDay.slice(0, 4)) - 1;
	const to = Number(lastDay.slice(0, 4)) + 1;
	return choice
		.split(',')
		.flatMap((c) => calendarRows(c.trim() as CalendarName, from, to))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function clip(f: Interval): Interval {
	const c = (a: number[]) => a.map((v) => Math.max(0, v));
	return { mean: c(f.mean), lower80: c(f.lower80), upper80: c(f.upper80), lower95: c(f.lower95), upper95: c(f.upper95) };
}

export function forecastGroups(set: SeriesSet, o: { model: ModelChoice; horizon: number; holidays: readonly HolidayRow[] }): GroupForecast[] {
	// One periods array per length: the design and the regression's factor are cached on it, so groups share them.
	const byLength = new Map<number, string[]>();
	return set.groups.map((g) => {
		const len = g.values.length + o.horizon;
		let periods = byLength.get(len);
		if (!periods) byLength.set(len, (periods = periodRange(set.first, set.freq, len)));
		const result = forecastSeries(g.values, { freq: set.freq, dates: periods, holidays: o.holidays }, o.model, o.horizon);
		if (g.values.every((v) => v >= 0)) {
			result.forecast = clip(result.forecast);
			result.baseline = clip(result.baseline);
		}
		return { group: g.group, periods, history: g.values, result };
	});
}
