/**
 * `clientele forecast`: transactions (or touchpoint events with --events) → the demand series
 * (run/forecast.ts) → forecasts per group (core/forecast) → the forecast or backtest CSV.
 */
import { createDb } from './engine.ts';
import type { DbClient } from '../db/client.ts';
import { toCsv } from '../core/export/csv.ts';
import { ClienteleError } from '../core/errors.ts';
import { MODEL_CHOICES } from '../core/forecast/auto.ts';
import { isCalendarChoice, type HolidayRow } from '../core/forecast/calendar.ts';
import type { Freq } from '../core/forecast/design.ts';
import { DEFAULT_FORECAST, DEFAULT_HORIZON, defaultHolidays, forecastGroups } from '../core/forecast/groups.ts';
import { parseHolidayCsv } from '../core/forecast/holiday-table.ts';
import { shiftPeriod } from '../core/forecast/periods.ts';
import type { ForecastMetric, SeriesSource } from '../core/sql/forecast.ts';
import { columnsSql } from '../core/sql/catalog.ts';
import { translate } from '../i18n/translate.ts';
import { loadSeries } from '../run/forecast.ts';
import { RAW_TABLE, TOUCHPOINT_TABLE, TX_TABLE } from '../run/tables.ts';
import { backtestRows, FORECAST_REPORTS, forecastRows, type ForecastReportName } from './forecast-report.ts';
import { FORECAST_HELP } from './forecast-help.ts';
import { loadEvents } from './forecast-events.ts';
import { choice, optionalString, parseOptions, requireOption, type Values } from './options.ts';
import { loadTransactions, rolesFrom, TX_OPTIONS } from './input.ts';
import { readTextFile, writeOutput } from './io.ts';
import { wholeOption } from './kpi.ts';
import { cliDefaultAsOf } from './as-of.ts';

export { FORECAST_HELP };

const METRICS: readonly ForecastMetric[] = ['orders', 'revenue', 'customers', 'events'];
const FREQS: readonly Freq[] = ['day', 'week', 'month'];

function holidaysOption(v: Values): string | HolidayRow[] {
	const h = optionalString(v, 'holidays') ?? 'cn';
	if (isCalendarChoice(h)) return h;
	if (/\.csv$/i.test(h)) return parseHolidayCsv(readTextFile(h), h);
	throw new ClienteleError('cli.badChoice', { option: 'holidays', value: h, list: 'cn, western, cn,western, none, FILE.csv' });
}

async function columnExists(db: DbClient, table: string, column: string): Promise<boolean> {
	return (await db.query<{ name: string }>(columnsSql(table))).rows.some((c) => c.name === column);
}

export async function forecastCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...TX_OPTIONS,
		events: { type: 'boolean' },
		touchpoint: { type: 'string' },
		'touchpoint-value': { type: 'string' },
		metric: { type: 'string' },
		freq: { type: 'string' },
		horizon: { type: 'string' },
		by: { type: 'string' },
		holidays: { type: 'string' },
		model: { type: 'string' },
		report: { type: 'string' }
	});
	if (v.help) return FORECAST_HELP;
	const events = v.events === true;
	const metric = choice(v, 'metric', METRICS) ?? (events ? 'events' : 'orders');
	if (events !== (metric === 'events')) throw new ClienteleError('forecast.eventsMetric', { metric });
	const freq = choice(v, 'freq', FREQS) ?? DEFAULT_FORECAST.freq;
	const horizon = wholeOption(v, 'horizon', DEFAULT_HORIZON[freq], 1) ?? DEFAULT_HORIZON[freq];
	const model = choice(v, 'model', MODEL_CHOICES) ?? DEFAULT_FORECAST.model;
	const report: ForecastReportName = choice(v, 'report', Object.keys(FORECAST_REPORTS) as ForecastReportName[]) ?? 'forecast';
	const holidays = holidaysOption(v);
	const by = optionalString(v, 'by');
	const db = await createDb(v);
	try {
		const input = events ? await loadEvents(db, v) : (await loadTransactions(db, v, rolesFrom(v)), requireOption(v, 'input'));
		if (by && !(await columnExists(db, RAW_TABLE, by))) throw new ClienteleError('forecast.noColumn', { file: input, column: by });
		// Transactions end on the last day before stray far-future dates (listed on stderr), as rfm's as-of does.
		const lastDay = events ? undefined : (await cliDefaultAsOf(db, input))?.lastDay;
		const source: SeriesSource = events
			? { kind: 'tp', table: TOUCHPOINT_TABLE, raw: by ? RAW_TABLE : undefined, by, touchpoint: optionalString(v, 'touchpoint-value') }
			: { kind: 'tx', table: TX_TABLE, raw: by ? RAW_TABLE : undefined, by, range: { to: lastDay } };
		const loaded = await loadSeries(db, { source, metric, freq });
		for (const w of loaded.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
		const endDay = shiftPeriod(loaded.set.first, freq, (loaded.set.groups[0]?.values.length ?? 0) + horizon);
		const rows = typeof holidays === 'string' ? defaultHolidays(holidays, freq, loaded.firstDay, endDay) : holidays;
		const groups = forecastGroups(loaded.set, { model, horizon, holidays: rows });
		for (const g of groups) {
			const notes = g.result.notes.map((k) => translate('en', k as 'forecast.note.noYearly', {})).join(' ');
			process.stderr.write(`${g.group}: ${g.result.label}${notes ? ` — ${notes}` : ''}\n`);
			const left = g.result.backtest?.mapeLeftOut ?? 0;
			if (left > 0) process.stderr.write(`${g.group}: ${translate('en', 'forecast.mapeLeftOut', { count: left })}\n`);
		}
		const out = report === 'forecast' ? forecastRows(groups, metric === 'revenue') : backtestRows(groups, horizon);
		writeOutput(optionalString(v, 'out'), toCsv([...FORECAST_REPORTS[report]], out, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
