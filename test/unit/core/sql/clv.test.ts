import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRfm, type CustomerSummary, type TimeUnit } from '../../../../src/core/clv/prepare.ts';
import { clvPrepSql, clvPrepStatsSql } from '../../../../src/core/sql/clv.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { fixture, openDb } from '../../../helpers/db.ts';
import { cdnowTransactions, dayOf } from '../clv/cdnow.ts';

interface PrepRow extends Record<string, string | number> {
	idx: number;
	customer_id: string;
	x: number;
	tx: number;
	T: number;
	zbar: number;
	holdout: number;
	first_day: number;
}

let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	await db.exec(sql`CREATE TABLE tx AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST("date" AS TIMESTAMP) AS ts, CAST(amount AS DOUBLE) AS amount
		FROM read_csv(${fixture('cdnow', 'cdnow_sample_clean.csv')}, header = true, all_varchar = true)`);
});
afterAll(async () => {
	await db?.close();
});

const DAY = (iso: string) => dayOf(iso);
const cases: { name: string; calibrationEnd: string; observationEnd?: string; unit: TimeUnit }[] = [
	{ name: 'weeks, calibration to 1997-09-30', calibrationEnd: '1997-09-30', unit: 'week' },
	{ name: 'days, calibration to 1997-09-30', calibrationEnd: '1997-09-30', unit: 'day' },
	{ name: 'weeks, short calibration, observation end 1998-01-31', calibrationEnd: '1997-02-15', observationEnd: '1998-01-31', unit: 'week' },
	{ name: 'days, calibration = observation end', calibrationEnd: '1998-06-30', observationEnd: '1998-06-30', unit: 'day' }
];

describe('clvPrepSql agrees with prepareRfm on cdnow_sample_clean.csv', () => {
	it.each(cases)('$name', async (c) => {
		const ref = prepareRfm(cdnowTransactions(), {
			calibrationEnd: DAY(c.calibrationEnd),
			observationEnd: c.observationEnd ? DAY(c.observationEnd) : undefined,
			unit: c.unit
		});
		const rows = (await db.query<PrepRow>(clvPrepSql({ tx: 'tx', calibrationEnd: c.calibrationEnd, observationEnd: c.observationEnd, unit: c.unit }))).rows;
		expect(rows).toHaveLength(ref.customers.length);
		const byId = new Map<string, CustomerSummary>(ref.customers.map((r) => [r.customerId, r]));
		// x, t_x, T, hold-out and first day exactly; zbar to 1e-9 relative (sums are added in another order).
		const off = rows.filter((r) => {
			const e = byId.get(r.customer_id);
			return !e || e.x !== r.x || e.tx !== r.tx || e.T !== r.T || e.holdoutPurchases !== r.holdout || e.firstDay !== r.first_day || Math.abs(e.zbar - r.zbar) > 1e-9 * Math.max(1, Math.abs(e.zbar));
		});
		expect(off).toEqual([]);
		expect(rows.map((r) => r.idx)).toEqual(rows.map((_, i) => i + 1));
		const stats = (await db.query<{ customers: number; excluded_new: number }>(clvPrepStatsSql({ tx: 'tx', calibrationEnd: c.calibrationEnd, observationEnd: c.observationEnd, unit: c.unit }))).rows[0];
		expect(stats).toMatchObject({ customers: ref.customers.length, excluded_new: ref.excludedNewCustomers });
	});

	it('keeps t_x and T unrounded (272 / 7 weeks for 1997-01-01 starters)', async () => {
		const rows = (await db.query<PrepRow>(sql`SELECT * FROM (${clvPrepSql({ tx: 'tx', calibrationEnd: '1997-09-30', unit: 'week' })}) WHERE customer_id = '1'`)).rows;
		expect(rows[0]?.T).toBe(272 / 7);
		expect(rows[0]?.x).toBe(2);
	});

	it('rejects a bad unit and an observation end before the calibration end', () => {
		expect(() => clvPrepSql({ tx: 'tx', calibrationEnd: '1997-09-30', unit: 'month' as TimeUnit })).toThrow(/unit/);
		expect(() => clvPrepSql({ tx: 'tx', calibrationEnd: '1997-09-30', observationEnd: '1997-01-01', unit: 'day' })).toThrow(/before/);
	});

	it('quotes the table name', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident('t "x"')} AS SELECT * FROM tx`);
		const n = (await db.query(clvPrepSql({ tx: 't "x"', calibrationEnd: '1997-09-30', unit: 'week' }))).rows.length;
		expect(n).toBe(2357);
	});
});
