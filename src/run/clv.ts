/**
 * CLV in the database: prepare the model inputs with SQL (core/sql/clv-prep.ts), fetch them as
 * number columns for the fit, and store the fitted per-customer values as table `clv` so the
 * value matrix, grids and exports can join them.
 */
import {
	CLV_UNIT_DAYS,
	clvBirthsSql,
	clvPrepStatsSql,
	clvPrepTableSql,
	clvRepeatsByWeekSql,
	type ClvUnit
} from '../core/sql/clv-prep.ts';
import { ClienteleError } from '../core/errors.ts';
import { ident, sql } from '../core/sql/sql.ts';
import type { ClvColumns, ClvFitInput, ClvScores } from '../workers/clv-protocol.ts';
import type { DbClient } from './client.ts';

export const CLV_CAL_TABLE = 'clv_calibration';
export const CLV_FULL_TABLE = 'clv_scoring';
export const CLV_TABLE = 'clv';

export interface ClvPrepareOptions {
	tx: string;
	calibrationEnd: string;
	/** Default: the last purchase day. */
	observationEnd?: string;
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

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

async function columns(db: DbClient, table: string): Promise<ClvColumns> {
	const res = await db.query<{ x: number; tx: number; T: number; zbar: number; holdout: number }>(sql`SELECT x, tx, "T", zbar, holdout FROM ${ident(table)} ORDER BY idx`);
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
	const base = { tx: o.tx, calibrationEnd: o.calibrationEnd, observationEnd: o.observationEnd, unit: o.unit };
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
 * Stores scores (in the prepared table's idx order) as `target`: customer_id, frequency, recency,
 * T, monetary_value, p_alive, expected_purchases, expected_holdout, expected_avg_spend, clv.
 * Written as a generated CSV text registered with DuckDB, joined back on idx.
 */
export async function storeClv(db: DbClient, o: { prep: string; target: string; scores: ClvScores; expectedHoldout?: ArrayLike<number> | null }): Promise<void> {
	const s = o.scores;
	const lines = ['idx,p_alive,expected_purchases,expected_holdout,expected_avg_spend,clv'];
	for (let i = 0; i < s.clv.length; i++)
		lines.push(`${i + 1},${num(s.pAlive[i])},${num(s.expectedPurchases[i])},${num(o.expectedHoldout?.[i])},${num(s.expectedSpend[i])},${num(s.clv[i])}`);
	const file = `${o.target}_scores.csv`;
	await db.registerFile(file, { kind: 'text', text: lines.join('\n') + '\n' });
	try {
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
			SELECT p.customer_id, p.x AS frequency, p.tx AS recency, p."T" AS "T", p.zbar AS monetary_value,
				s.p_alive, s.expected_purchases, s.expected_holdout, s.expected_avg_spend, s.clv
			FROM ${ident(o.prep)} p JOIN read_csv(${file}, header = true,
				columns = {'idx': 'INTEGER', 'p_alive': 'DOUBLE', 'expected_purchases': 'DOUBLE', 'expected_holdout': 'DOUBLE', 'expected_avg_spend': 'DOUBLE', 'clv': 'DOUBLE'}) s
			USING (idx) ORDER BY p.idx`);
	} finally {
		await db.dropFile(file);
	}
}
