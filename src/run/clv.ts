/**
 * CLV: the one place the models run (the value view's CLV panel, `clientele clv` and
 * `clientele value-matrix` all call it). Prepares the model inputs with SQL (core/sql/clv.ts),
 * fetches them as number columns, hands them to a fit (our worker in the page, in-process in the
 * CLI), and stores the fitted per-customer values as CLV_TABLE so the value matrix, grids and
 * exports can join them.
 */
import { CLV_DEFAULTS, unitsPerMonth } from '../core/clv/index.ts';
import { MIN_REPEAT_BUYERS, repeatBuyers } from '../core/clv/repeat-buyers.ts';
import { ClienteleError } from '../core/errors.ts';
import { addDays, daysBetween, dayNumber } from '../core/iso-days.ts';
import {
	CLV_SCORE_FILE_COLUMNS,
	CLV_UNIT_DAYS,
	clvBirthsSql,
	clvInputColumnsSql,
	clvOutputSql,
	clvPrepStatsSql,
	clvPrepTableSql,
	clvRepeatsByWeekSql,
	clvStoreSql,
	type ClvUnit
} from '../core/sql/clv.ts';
import type { DbClient, Row } from '../db/client.ts';
import type { ClvColumns, ClvFitInput, ClvFitResult, ClvScores } from '../core/clv/fit-types.ts';
import { CLV_CAL_TABLE, CLV_FULL_TABLE, CLV_TABLE, TX_TABLE } from './tables.ts';

/** The model settings the page and the CLI start from: week unit, 12 months, 1 % a month. */
export const DEFAULT_CLV: Readonly<{ unit: ClvUnit; horizonMonths: number; monthlyDiscountRate: number }> = CLV_DEFAULTS;

/** Share of the span (first purchase … observation end) the page holds out by default. */
export const DEFAULT_HOLDOUT_SHARE = 0.25;

/**
 * The page's default dates from the analysis window (core/window): the observation end is the
 * window's as-of date, the last 25 % of the window (from its start) held out.
 */
export function defaultClvDates(window: { start: string; asOf: string }): { observationEnd: string; calibrationEnd: string } {
	const observationEnd = window.asOf;
	const span = Math.max(0, daysBetween(window.start, observationEnd));
	return { observationEnd, calibrationEnd: addDays(observationEnd, -Math.round(span * DEFAULT_HOLDOUT_SHARE)) };
}

export interface ClvPrepareOptions {
	tx: string;
	calibrationEnd: string;
	/** Default: the last purchase day. */
	observationEnd?: string;
	/** The analysis window's first day (core/window): purchases before it are left out. */
	start?: string;
	unit: ClvUnit;
	horizonMonths: number;
	monthlyDiscountRate: number;
	/** Also prepare everyone as of the observation end for scoring (the page and value matrix). */
	scoreAtEnd?: boolean;
	/** Also compute the cumulative tracking inputs. */
	tracking?: boolean;
}

export interface ClvPrepared {
	input: ClvFitInput;
	customers: number;
	excludedNew: number;
	observationEnd: string;
	firstDay: string;
	/** Days between calibration end and observation end. */
	holdoutDays: number;
}

async function columns(db: DbClient, table: string): Promise<ClvColumns> {
	const res = await db.query<{ x: number; tx: number; T: number; zbar: number; holdout: number }>(clvInputColumnsSql(table));
	const n = res.rows.length;
	const c: ClvColumns = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), zbar: new Float64Array(n), holdout: new Float64Array(n) };
	res.rows.forEach((r, i) => {
		c.x[i] = r.x;
		c.tx[i] = r.tx;
		c.T[i] = r.T;
		c.zbar[i] = r.zbar;
		c.holdout[i] = r.holdout;
	});
	return c;
}

/** Builds the prepared tables and returns the worker's input. */
export async function prepareClv(db: DbClient, o: ClvPrepareOptions): Promise<ClvPrepared> {
	const base = { tx: o.tx, calibrationEnd: o.calibrationEnd, observationEnd: o.observationEnd, start: o.start, unit: o.unit };
	const stats = (await db.query<{ customers: number; excluded_new: number; observation_end: string | null; first_day: string | null }>(clvPrepStatsSql(base))).rows[0];
	if (!stats?.observation_end || !stats.first_day) throw new ClienteleError('clv.noData');
	const observationEnd = o.observationEnd ?? stats.observation_end;
	if (stats.customers === 0) throw new ClienteleError('clv.noCalibrationCustomers', { date: o.calibrationEnd, first: stats.first_day });
	await db.exec(clvPrepTableSql({ ...base, observationEnd, target: CLV_CAL_TABLE }));
	const calibration = await columns(db, CLV_CAL_TABLE);
	let scoring: ClvColumns | undefined;
	if (o.scoreAtEnd) {
		await db.exec(clvPrepTableSql({ ...base, calibrationEnd: observationEnd, observationEnd, target: CLV_FULL_TABLE }));
		scoring = await columns(db, CLV_FULL_TABLE);
	}
	const holdoutDays = dayNumber(observationEnd) - dayNumber(o.calibrationEnd);
	const input: ClvFitInput = {
		calibration,
		scoring,
		unit: o.unit,
		holdoutLength: holdoutDays / CLV_UNIT_DAYS[o.unit],
		horizonMonths: o.horizonMonths,
		monthlyDiscountRate: o.monthlyDiscountRate
	};
	if (o.tracking) {
		const births = (await db.query<{ first_day: number; n: number }>(clvBirthsSql(CLV_CAL_TABLE))).rows;
		const startDay = births[0]?.first_day ?? dayNumber(stats.first_day);
		const repeats = (await db.query<{ week: number; repeats: number }>(clvRepeatsByWeekSql({ ...base, observationEnd, prep: CLV_CAL_TABLE, startDay }))).rows;
		input.tracking = {
			startDay,
			weeks: Math.ceil((dayNumber(observationEnd) - startDay + 1) / 7),
			births: births.map((b) => ({ firstDay: b.first_day, n: b.n })),
			repeatsByWeek: repeats
		};
	}
	return { input, customers: stats.customers, excludedNew: stats.excluded_new, observationEnd, firstDay: stats.first_day, holdoutDays };
}

const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : String(v));

/**
 * Stores scores (in the prepared table's idx order) as `target` (see clvStoreSql), written as a
 * generated CSV text registered with DuckDB and joined back on idx.
 */
export async function storeClv(db: DbClient, o: { prep: string; target: string; scores: ClvScores; expectedHoldout?: ArrayLike<number> | null }): Promise<void> {
	const s = o.scores;
	const lines = [CLV_SCORE_FILE_COLUMNS.join(',')];
	for (let i = 0; i < s.clv.length; i++)
		lines.push(`${i + 1},${num(s.pAlive[i])},${num(s.expectedPurchases[i])},${num(o.expectedHoldout?.[i])},${num(s.expectedSpend[i])},${num(s.clv[i])}`);
	const file = `${o.target}_scores.csv`;
	await db.registerFile(file, { kind: 'text', text: lines.join('\n') + '\n' });
	try {
		await db.exec(clvStoreSql({ prep: o.prep, target: o.target, file }));
	} finally {
		await db.dropFile(file);
	}
}

/** What to fit and score (plain data: a project file can store it). */
export interface ClvRunOptions {
	/** Last day (inclusive) of the calibration period the models are fitted on, YYYY-MM-DD. */
	calibrationEnd: string;
	/** Last day of the hold-out; default the last purchase day (the page: the window's as-of date). */
	observationEnd?: string;
	/** The analysis window's first day (core/window); default: all history. */
	start?: string;
	unit: ClvUnit;
	horizonMonths: number;
	monthlyDiscountRate: number;
	/**
	 * Who is scored into CLV_TABLE: 'calibration' = the calibration customers as of the calibration
	 * end, with their expected hold-out purchases (`clientele clv`); 'observation-end' = everyone as
	 * of the observation end (the page and the value matrix).
	 */
	score: 'calibration' | 'observation-end';
	/** Expected hold-out purchases over the horizon instead of up to the observation end. */
	holdoutOverHorizon?: boolean;
	/** Also compute the cumulative tracking check (the page). */
	tracking?: boolean;
	/**
	 * Refuse (clv.tooFewRepeatBuyers) when fewer than MIN_REPEAT_BUYERS customers bought again in the
	 * calibration period (default true; the value matrix turns it off when its potential is no CLV output).
	 */
	requireRepeatBuyers?: boolean;
}

/** The model fit: our worker in the page, runClv in-process in the CLI. May throw (e.g. cancelled). */
export type ClvFit = (input: ClvFitInput) => ClvFitResult | Promise<ClvFitResult>;

export interface ClvRun {
	prepared: ClvPrepared;
	fit: ClvFitResult;
}

/**
 * Prepares, fits and stores CLV_TABLE. `onStep` hears of each step before it starts (the page
 * shows it; it throws to stop a run a newer one has replaced).
 */
export async function runClvModels(db: DbClient, o: ClvRunOptions, fit: ClvFit, onStep: (next: 'fit' | 'store') => void = () => undefined): Promise<ClvRun> {
	const atEnd = o.score === 'observation-end';
	const { calibrationEnd, observationEnd, start, unit, horizonMonths, monthlyDiscountRate, tracking } = o;
	const prepared = await prepareClv(db, { tx: TX_TABLE, calibrationEnd, observationEnd, start, unit, horizonMonths, monthlyDiscountRate, scoreAtEnd: atEnd, tracking });
	if (o.holdoutOverHorizon) prepared.input.holdoutLength = horizonMonths * unitsPerMonth({ unit });
	const repeat = repeatBuyers(prepared.input.calibration);
	if (o.requireRepeatBuyers !== false && repeat < MIN_REPEAT_BUYERS)
		throw new ClienteleError('clv.tooFewRepeatBuyers', { repeat, customers: prepared.customers, min: MIN_REPEAT_BUYERS, date: calibrationEnd });
	onStep('fit');
	const result = await fit(prepared.input);
	onStep('store');
	await storeClv(db, atEnd ? { prep: CLV_FULL_TABLE, target: CLV_TABLE, scores: result.scores } : { prep: CLV_CAL_TABLE, target: CLV_TABLE, scores: result.scores, expectedHoldout: result.expectedHoldout });
	return { prepared, fit: result };
}

/** `clientele clv`'s output rows (CLV_COLUMNS) from the stored CLV_TABLE. */
export async function clvOutputRows(db: DbClient): Promise<Row[]> {
	return (await db.query(clvOutputSql(CLV_TABLE))).rows;
}
