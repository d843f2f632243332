import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLV_HELP, clvCommand } from '../../../src/cli/clv.ts';
import { prepareRfm } from '../../../src/core/clv/prepare.ts';
import { CLV_COLUMNS } from '../../../src/core/sql/clv.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { clvOutputRows, DEFAULT_CLV, defaultClvDates, prepareClv, runClvModels, storeClv } from '../../../src/run/clv.ts';
import { CLV_CAL_TABLE, CLV_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { ClvModel } from '../../../src/views/value-matrix/clv-model.svelte.ts';
import { runClv } from '../../../src/core/clv/fit.ts';
import type { ClvFitInput } from '../../../src/core/clv/fit-types.ts';
import { fixture, useDb, useTmpDir } from '../../helpers/db.ts';
import { CALIBRATION_END, cdnowTransactions, dayOf, LIFETIMES_BGNBD } from '../core/clv/cdnow.ts';

const CDNOW = fixture('cdnow', 'cdnow_sample_clean.csv');
const db = useDb();
const tmp = useTmpDir('clientele-run-clv-');
beforeAll(async () => {
	await db.exec(sql`CREATE TABLE ${ident(TX_TABLE)} AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST("date" AS TIMESTAMP) AS ts, CAST(amount AS DOUBLE) AS amount
		FROM read_csv(${CDNOW}, header = true, all_varchar = true)`);
});

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const settings = { unit: 'week', horizonMonths: 12, monthlyDiscountRate: 0.01 } as const;

describe('prepareClv on CDNOW', () => {
	it('gives the fit the summaries prepareRfm computes, in customer-id order, with the hold-out in units', async () => {
		const p = await prepareClv(db, { tx: TX_TABLE, calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', ...settings, tracking: true });
		const ref = prepareRfm(cdnowTransactions(), { calibrationEnd: CALIBRATION_END, observationEnd: dayOf('1998-06-30'), unit: 'week' });
		const byId = [...ref.customers].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
		expect(p.customers).toBe(2357);
		expect(p.excludedNew).toBe(ref.excludedNewCustomers);
		expect(Array.from(p.input.calibration.x)).toEqual(byId.map((c) => c.x));
		expect(Array.from(p.input.calibration.T)).toEqual(byId.map((c) => c.T));
		expect(Array.from(p.input.calibration.holdout)).toEqual(byId.map((c) => c.holdoutPurchases));
		// 1997-09-30 → 1998-06-30: 273 days = 39 weeks.
		expect(p.holdoutDays).toBe(273);
		expect(p.input.holdoutLength).toBe(39);
		expect(p.input.scoring).toBeUndefined();
		// Tracking: every prepared customer is born once; the grid starts at the first purchase (1997-01-01).
		expect(p.input.tracking?.births.reduce((s, b) => s + b.n, 0)).toBe(2357);
		expect(p.input.tracking?.startDay).toBe(dayOf('1997-01-01'));
		expect(p.input.tracking?.weeks).toBe(Math.ceil((dayOf('1998-06-30') - dayOf('1997-01-01') + 1) / 7));
	});

	it('also prepares everyone as of the observation end for scoring', async () => {
		const p = await prepareClv(db, { tx: TX_TABLE, calibrationEnd: '1997-02-15', observationEnd: '1998-06-30', ...settings, scoreAtEnd: true });
		expect(p.customers).toBeLessThan(2357);
		expect(p.input.scoring?.x.length).toBe(2357);
	});

	it('says when no customer bought by the calibration end', async () => {
		await expect(prepareClv(db, { tx: TX_TABLE, calibrationEnd: '1996-12-31', ...settings })).rejects.toMatchObject({ code: 'clv.noCalibrationCustomers' });
	});
});

describe('storeClv', () => {
	it('joins the scores back on idx; NaN becomes NULL', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE prep_small AS SELECT * FROM (VALUES (1, 'p', 2, 3.0, 4.0, 5.0), (2, 'q', 0, 0.0, 1.0, 0.0)) t(idx, customer_id, x, tx, "T", zbar)`);
		const f = (...v: number[]) => Float64Array.from(v);
		await storeClv(db, { prep: 'prep_small', target: 'clv_small', scores: { pAlive: f(0.5, 1), expectedPurchases: f(2, 0.25), expectedSpend: f(10, NaN), clv: f(19.5, NaN) }, expectedHoldout: [1.5, 0] });
		expect((await db.query(sql`SELECT * FROM clv_small ORDER BY customer_id`)).rows).toEqual([
			{ customer_id: 'p', frequency: 2, recency: 3, T: 4, monetary_value: 5, p_alive: 0.5, expected_purchases: 2, expected_holdout: 1.5, expected_avg_spend: 10, clv: 19.5 },
			{ customer_id: 'q', frequency: 0, recency: 0, T: 1, monetary_value: 0, p_alive: 1, expected_purchases: 0.25, expected_holdout: 0, expected_avg_spend: null, clv: null }
		]);
	});
});

describe('runClvModels', () => {
	it('fits the calibration customers (lifetimes’ BG/NBD on CDNOW) and stores them with their hold-out expectation', async () => {
		const steps: string[] = [];
		const r = await runClvModels(db, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', ...settings, score: 'calibration' }, runClv, (s) => steps.push(s));
		expect(steps).toEqual(['fit', 'store']);
		for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(rel(r.fit.bgnbd.params[k], LIFETIMES_BGNBD[k])).toBeLessThan(0.0002);
		const rows = await clvOutputRows(db);
		expect(Object.keys(rows[0] ?? {})).toEqual([...CLV_COLUMNS]);
		expect(rows).toHaveLength(2357);
		// Customer 1: purchase days 1997-01-01, 01-18, 08-02 → x 2, t_x 213 days, T 272 days (weeks).
		expect(rows.find((row) => row.customer_id === '1')).toMatchObject({ frequency: 2, recency: Math.round((213 / 7) * 1e6) / 1e6, T: Math.round((272 / 7) * 1e6) / 1e6 });
		expect(rows.every((row) => row.expected_purchases_holdout !== null)).toBe(true);
	});

	it('over the horizon when asked: 12 months of weeks', async () => {
		let seen: ClvFitInput | null = null;
		await runClvModels(db, { calibrationEnd: '1997-09-30', ...settings, score: 'calibration', holdoutOverHorizon: true }, (input) => ((seen = input), runClv(input)));
		expect((seen as ClvFitInput | null)?.holdoutLength).toBeCloseTo((12 * 30.4375) / 7, 12);
	});

	it('scores everyone as of the observation end (no hold-out expectation) and stops when a step says so', async () => {
		await runClvModels(db, { calibrationEnd: '1997-02-15', observationEnd: '1998-06-30', ...settings, score: 'observation-end' }, runClv);
		const n = async () => (await db.query<{ n: number; holdout: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n, CAST(count(expected_holdout) AS INTEGER) AS holdout FROM ${ident(CLV_TABLE)}`)).rows[0];
		expect(await n()).toEqual({ n: 2357, holdout: 0 });
		const stop = (s: string) => {
			if (s === 'store') throw new Error('replaced');
		};
		await expect(runClvModels(db, { calibrationEnd: '1997-09-30', ...settings, score: 'calibration' }, runClv, stop)).rejects.toThrow('replaced');
		// The calibration inputs were rebuilt, the stored scores were not.
		expect(await n()).toEqual({ n: 2357, holdout: 0 });
		expect((await db.query(sql`SELECT count(*) AS n FROM ${ident(CLV_CAL_TABLE)}`)).rows[0]?.n).toBe(2357);
	});

	it('is what clientele clv writes', async () => {
		const out = path.join(tmp(), 'clv.csv');
		expect(await clvCommand(['--input', CDNOW, '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--calibration-end', '1997-09-30', '--out', out])).toBeNull();
		await runClvModels(db, { calibrationEnd: '1997-09-30', ...settings, score: 'calibration', holdoutOverHorizon: true }, runClv);
		const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
		const rows = await clvOutputRows(db);
		// monetary_value is money: written to 2 decimals, half away from zero, by the digits of its decimal
		// form (22.345 → 22.35, 19.834545 → 19.83).
		const cents = (v: number) => {
			const [int, frac = ''] = String(Math.abs(v)).split('.');
			const up = (frac[2] ?? '0') >= '5' ? 1 : 0;
			const c = Number(int) * 100 + Number(frac.slice(0, 2).padEnd(2, '0')) + up;
			return (Math.sign(v) * c) / 100;
		};
		expect(lines.slice(1)).toEqual(rows.map((r) => CLV_COLUMNS.map((c) => String(c === 'monetary_value' && typeof r[c] === 'number' ? cents(r[c]) : (r[c] ?? ''))).join(',')));
	});
});

describe('CLV defaults', () => {
	it('page and CLI start from DEFAULT_CLV', () => {
		const m = new ClvModel(db);
		expect({ unit: m.unit, horizonMonths: m.horizonMonths, monthlyDiscountRate: m.monthlyDiscountRate }).toEqual({ ...DEFAULT_CLV });
		expect(CLV_HELP).toContain(`(default ${DEFAULT_CLV.unit})`);
		expect(CLV_HELP).toContain(`months of future value in CLV (default ${DEFAULT_CLV.horizonMonths})`);
		expect(CLV_HELP).toContain(`monthly discount rate (default ${DEFAULT_CLV.monthlyDiscountRate})`);
	});

	it('observes up to the window’s as-of date and holds out the last quarter of the window', () => {
		// Observation end = as-of 2025-01-01; span 2024-01-01 … 2025-01-01 = 366 days, a quarter ≈ 92 (91.5 rounded) → 2024-10-01.
		expect(defaultClvDates({ start: '2024-01-01', asOf: '2025-01-01' })).toEqual({ observationEnd: '2025-01-01', calibrationEnd: '2024-10-01' });
		const m = new ClvModel(db);
		m.setDefaults({ start: '2024-01-01', asOf: '2025-01-01' });
		expect([m.observationEnd, m.calibrationEnd, m.windowStart]).toEqual(['2025-01-01', '2024-10-01', '2024-01-01']);
	});
});
