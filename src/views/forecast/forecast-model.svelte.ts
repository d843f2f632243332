/**
 * The forecast view's model: the series settings in $state, the series from run/forecast.ts (SQL in
 * DuckDB's worker), the fits in the forecast Web Worker (never on the UI thread), the editable holiday
 * table and the staffing rate. One model per database (forecastFor).
 */
import type { ModelChoice } from '../../core/forecast/auto.ts';
import type { HolidayRow } from '../../core/forecast/calendar.ts';
import type { Freq } from '../../core/forecast/design.ts';
import { DEFAULT_FORECAST, DEFAULT_HORIZON, defaultHolidays, type GroupForecast } from '../../core/forecast/groups.ts';
import { shiftPeriod } from '../../core/forecast/periods.ts';
import { DEFAULT_CONTACTS_PER_AGENT_DAY } from '../../core/forecast/peaks.ts';
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import type { ForecastMetric, SeriesSource } from '../../core/sql/forecast.ts';
import { channelExpr, DEFAULT_CHANNELS } from '../../core/sql/journey.ts';
import type { DbClient } from '../../db/client.ts';
import { loadSeries, touchpointNames, type SeriesLoad } from '../../run/forecast.ts';
import { RFM_TABLE, TOUCHPOINT_TABLE, TX_TABLE } from '../../run/tables.ts';
import { basisGroups, columnSource, groupChoices, type GroupChoices } from './groups.ts';
import { startForecast } from '../../workers/forecast-client.ts';
import { analysisWindow } from '../../state/window.svelte.ts';
import type { WorkerJob } from '../../workers/protocol.ts';
import { attachSettings } from '../../state/project-settings.ts';
import { FORECAST_SETTINGS } from './settings.ts';

export type GroupBy = 'all' | 'segment' | 'quadrant' | 'tier' | 'stage' | 'column' | 'channel' | 'touchpoint';
export type Calendars = 'cn' | 'western' | 'cn,western' | 'none';

export class ForecastModel {
	metric = $state<ForecastMetric>('orders');
	freq = $state<Freq>(DEFAULT_FORECAST.freq);
	horizon = $state(DEFAULT_HORIZON[DEFAULT_FORECAST.freq]);
	model = $state<ModelChoice>(DEFAULT_FORECAST.model);
	groupBy = $state<GroupBy>('all');
	/** The transactions column of the 'column' grouping (a channel column guessed at first). */
	groupColumn = $state('');
	/** What the data offers to group by (bases that do not exist are not offered) and the transactions' columns. */
	choices = $state.raw<GroupChoices>({ bases: [], columns: [], channel: '' });
	/** Group id → name of a basis' group in the page's language. */
	names = $state.raw<Record<string, string>>({});
	/** Events: '' = every touchpoint, else one. */
	touchpoint = $state('');
	calendars = $state<Calendars>('cn');
	holidays = $state<HolidayRow[]>([]);
	/** True once the user edited the table (a new calendar choice or span then asks before replacing it). */
	holidaysEdited = $state(false);
	perAgentDay = $state(DEFAULT_CONTACTS_PER_AGENT_DAY);
	selected = $state('');
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	error = $state.raw<ClienteleError | null>(null);
	load = $state.raw<SeriesLoad | null>(null);
	results = $state.raw<GroupForecast[]>([]);
	touchpoints = $state.raw<string[]>([]);
	/** Milliseconds the worker took (the figure the page shows under the table). */
	fitMs = $state(0);
	/** The analysis window of the last run ('' before one): the page re-runs when the window changes. */
	ranWindow = '';
	private job: WorkerJob<GroupForecast[]> | null = null;

	constructor(
		private readonly db: DbClient,
		readonly hasTx: boolean,
		readonly hasEvents: boolean,
		readonly hasSegments: boolean
	) {
		if (!hasTx && hasEvents) this.metric = 'events';
	}

	setFreq(f: Freq): void {
		this.freq = f;
		this.horizon = DEFAULT_HORIZON[f];
	}

	setCalendars(c: Calendars): void {
		this.calendars = c;
		this.holidaysEdited = false;
		this.resetHolidays();
	}

	/** The default table for the calendar choice over the data's span and the horizon. */
	resetHolidays(): void {
		const l = this.load;
		if (!l) return;
		const n = l.set.groups[0]?.values.length ?? 0;
		this.holidays = defaultHolidays(this.calendars, 'day', l.firstDay, shiftPeriod(l.set.first, l.set.freq, n + this.horizon));
	}

	editHoliday(i: number, patch: Partial<HolidayRow>): void {
		this.holidays = this.holidays.map((r, j) => (j === i ? { ...r, ...patch } : r));
		this.holidaysEdited = true;
	}

	addHoliday(row: HolidayRow): void {
		this.holidays = [...this.holidays, row].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
		this.holidaysEdited = true;
	}

	removeHoliday(i: number): void {
		this.holidays = this.holidays.filter((_, j) => j !== i);
		this.holidaysEdited = true;
	}

	private async source(): Promise<SeriesSource> {
		const g = this.groupBy;
		const basis = g === 'quadrant' || g === 'tier' || g === 'stage' ? await basisGroups(this.db, g) : null;
		this.names = basis?.names ?? {};
		const groups = basis?.select;
		if (this.metric === 'events')
			return { kind: 'tp', table: TOUCHPOINT_TABLE, by: g === 'touchpoint' ? 'touchpoint' : undefined, expr: g === 'channel' ? channelExpr(DEFAULT_CHANNELS) : undefined, touchpoint: this.touchpoint || undefined, groups, customers: g === 'segment' ? { table: RFM_TABLE, column: 'segment' } : undefined };
		const w = analysisWindow.current;
		const range = w ? { from: w.start, to: w.asOf } : undefined;
		const text = g === 'column' && this.groupColumn ? await columnSource(this.db) : null;
		const column = text ? { raw: text, by: this.groupColumn } : {};
		return { kind: 'tx', table: TX_TABLE, range, ...column, groups, customers: g === 'segment' ? { table: RFM_TABLE, column: 'segment' } : undefined };
	}

	/** The groupings offered for the metric: those whose basis exists (tiers once graded, quadrants once the value matrix ran). */
	get groupings(): GroupBy[] {
		const c = this.choices;
		const bases = this.hasSegments ? c.bases : [];
		if (this.metric === 'events') return ['all', 'touchpoint', 'channel', ...bases];
		return ['all', ...bases, ...(c.columns.length ? (['column'] as const) : [])];
	}

	async run(): Promise<void> {
		this.job?.cancel();
		this.status = 'running';
		this.error = null;
		this.ranWindow = windowKey();
		try {
			if (this.hasEvents && this.touchpoints.length === 0) this.touchpoints = await touchpointNames(this.db, TOUCHPOINT_TABLE);
			this.choices = await groupChoices(this.db, this.hasTx);
			if (!this.groupColumn || !this.choices.columns.includes(this.groupColumn)) this.groupColumn = this.choices.channel || (this.choices.columns[0] ?? '');
			if (!this.groupings.includes(this.groupBy)) this.groupBy = 'all';
			const t0 = performance.now();
			const load = await loadSeries(this.db, { source: await this.source(), metric: this.metric, freq: this.freq });
			performance.measure('clientele:forecast-series', { start: t0 });
			this.load = load;
			if (!this.holidaysEdited) this.resetHolidays();
			const started = performance.now();
			const job = startForecast({ set: $state.snapshot(load.set), model: this.model, horizon: this.horizon, holidays: $state.snapshot(this.holidays) });
			this.job = job;
			const results = await job.result;
			if (this.job !== job) return;
			this.fitMs = Math.round(performance.now() - started);
			this.results = results;
			if (!results.some((r) => r.group === this.selected)) this.selected = results[0]?.group ?? '';
			this.status = 'ready';
		} catch (e) {
			this.status = 'error';
			this.error = isClienteleError(e) ? e : new ClienteleError('forecast.failed', { detail: e instanceof Error ? e.message : String(e) });
		}
	}

	get current(): GroupForecast | null {
		return this.results.find((r) => r.group === this.selected) ?? null;
	}
}

const models = new WeakMap<DbClient, Record<string, ForecastModel>>();

/** The model for this database and the data it has (a new one when transactions or events come or go). */
export function forecastFor(db: DbClient, has: { tx: boolean; events: boolean; segments: boolean; version: string }): ForecastModel {
	let byKey = models.get(db);
	if (!byKey) models.set(db, (byKey = {}));
	const key = `${has.tx}|${has.events}|${has.segments}|${has.version}`;
	return (byKey[key] ??= attachSettings(FORECAST_SETTINGS, new ForecastModel(db, has.tx, has.events, has.segments)));
}

/** The analysis window as a key (transactions are forecast within it). */
export function windowKey(): string {
	const w = analysisWindow.current;
	return w ? `${w.start}|${w.asOf}` : '';
}
