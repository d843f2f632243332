/**
 * The forecast runner: the demand series from the transaction or touchpoint table (core/sql/forecast.ts),
 * with the partial last period dropped (a warning), then the forecasts of every group (core/forecast —
 * the page runs that step in a Web Worker; the CLI calls forecastGroups directly).
 */
import { ClienteleError } from '../core/errors.ts';
import type { Freq } from '../core/forecast/design.ts';
import type { SeriesSet } from '../core/forecast/groups.ts';
import { fittedSpan } from '../core/forecast/periods.ts';
import { seriesBoundsSql, seriesSql, type ForecastMetric, type SeriesSource } from '../core/sql/forecast.ts';
import { valuesByCountSql } from '../core/sql/journey-filter.ts';
import type { DbClient } from '../db/client.ts';

export interface SeriesLoad {
	set: SeriesSet;
	firstDay: string;
	lastDay: string;
	/** forecast.partialDropped when the last period ends after the last day with data. */
	warnings: ClienteleError[];
}

export async function loadSeries(db: DbClient, o: { source: SeriesSource; metric: ForecastMetric; freq: Freq }): Promise<SeriesLoad> {
	const bounds = (await db.query<{ first_day: string | null; last_day: string | null }>(seriesBoundsSql(o.source, o.metric))).rows[0];
	if (!bounds?.first_day || !bounds.last_day) throw new ClienteleError('forecast.noData', { metric: o.metric });
	const span = fittedSpan(bounds.first_day, bounds.last_day, o.freq);
	const warnings: ClienteleError[] = [];
	if (span.partial) warnings.push(new ClienteleError('forecast.partialDropped', { period: span.partial, lastDay: bounds.last_day }));
	if (span.last < span.first) throw new ClienteleError('forecast.noFullPeriod', { lastDay: bounds.last_day });
	const rows = (await db.query<{ g: string; period: string; value: number }>(seriesSql(o.source, o.metric, o.freq, span.first, span.last))).rows;
	const groups = new Map<string, number[]>();
	for (const r of rows) {
		const v = groups.get(r.g) ?? [];
		groups.set(r.g, v);
		v.push(Number(r.value));
	}
	return {
		set: { freq: o.freq, first: span.first, groups: [...groups].map(([group, values]) => ({ group, values })) },
		firstDay: bounds.first_day,
		lastDay: bounds.last_day,
		warnings
	};
}

/** The touchpoints of the touchpoint table, most events first (the page's touchpoint picker). */
export async function touchpointNames(db: DbClient, table: string): Promise<string[]> {
	return (await db.query<{ value: string }>(valuesByCountSql({ table, column: 'touchpoint' }))).rows.map((r) => String(r.value));
}
