import { describe, expect, it } from 'vitest';
import { prepareRfm, type Transaction } from '../../../../src/core/clv/prepare.ts';
import {
	CALIBRATION_END,
	cdnowSummary,
	cdnowSummaryPlain,
	cdnowTransactions,
	dayOf
} from './cdnow.ts';

describe('prepareRfm on CDNOW (calibration to 1997-09-30, weeks, 2 dp)', () => {
	const prepared = prepareRfm(cdnowTransactions(), {
		calibrationEnd: CALIBRATION_END,
		unit: 'week',
		roundDecimals: 2
	});
	const byId = new Map(prepared.customers.map((c) => [c.customerId, c]));

	it('keeps all 2,357 customers (everyone first bought in calibration)', () => {
		expect(prepared.customers).toHaveLength(2357);
		expect(prepared.excludedNewCustomers).toBe(0);
		expect(prepared.observationEnd).toBe(dayOf('1998-06-30'));
		expect(prepared.holdoutLength).toBe(39);
	});

	it.each([
		['cdnow_customers_summary_with_transactions.csv', cdnowSummary()],
		['cdnow_customers_summary.csv', cdnowSummaryPlain()]
	])('reproduces x, t_x, T of %s for every customer', (_file, rows) => {
		expect(rows).toHaveLength(2357);
		const mismatches = rows.filter((r) => {
			const c = byId.get(r.id);
			return !c || c.x !== r.x || c.tx !== r.tx || c.T !== r.T;
		});
		expect(mismatches).toEqual([]);
	});

	it('reproduces zbar within 0.01', () => {
		const off = cdnowSummary().filter(
			(r) => Math.abs((byId.get(r.id)?.zbar ?? NaN) - r.zbar) > 0.01 + 1e-9
		);
		expect(off).toEqual([]);
		expect(prepared.customers.filter((c) => c.x > 0)).toHaveLength(946);
	});

	it('gives 1997-01-01 starters T = 272/7 = 38.86', () => {
		expect(byId.get('1')?.T).toBe(38.86);
	});
});

const d0 = dayOf('2024-01-01');
const tx = (customerId: string, offset: number, amount: number): Transaction => ({
	customerId,
	day: d0 + offset,
	amount
});

describe('prepareRfm rules', () => {
	const rows = [
		tx('a', 0, 10),
		tx('a', 0, 5), // same day: one purchase, 15
		tx('a', 7, 20),
		tx('a', 14, 30),
		tx('a', 14, 10), // day total 40
		tx('a', 30, 99), // hold-out
		tx('a', 30, 1), // same hold-out day
		tx('a', 35, 5), // hold-out
		tx('b', 21, 50), // single purchase
		tx('c', 25, 70), // first purchase after calibration: excluded
		tx('b', 60, 8) // after observationEnd when set to +40
	];

	it('computes x, t_x, T, zbar and hold-out purchases in days', () => {
		const p = prepareRfm(rows, { calibrationEnd: d0 + 21, observationEnd: d0 + 40, unit: 'day' });
		expect(p.excludedNewCustomers).toBe(1);
		expect(p.holdoutLength).toBe(19);
		expect(p.customers).toEqual([
			{ customerId: 'a', x: 2, tx: 14, T: 21, zbar: 30, holdoutPurchases: 2, firstDay: d0 },
			{ customerId: 'b', x: 0, tx: 0, T: 0, zbar: 0, holdoutPurchases: 0, firstDay: d0 + 21 }
		]);
	});

	it('defaults observationEnd to the last day in the data and counts what falls before it', () => {
		const p = prepareRfm(rows, { calibrationEnd: d0 + 21, unit: 'week' });
		expect(p.observationEnd).toBe(d0 + 60);
		expect(p.customers.find((c) => c.customerId === 'b')?.holdoutPurchases).toBe(1);
		const a = p.customers.find((c) => c.customerId === 'a');
		expect(a?.tx).toBe(2);
		expect(a?.T).toBe(3);
	});

	it.each([
		[undefined, 10 / 7],
		[2, 1.43],
		[0, 1]
	])('rounding to %s decimals', (roundDecimals, want) => {
		const p = prepareRfm([tx('a', 0, 1), tx('a', 10, 1)], {
			calibrationEnd: d0 + 10,
			unit: 'week',
			roundDecimals
		});
		expect(p.customers[0]?.tx).toBe(want);
		expect(p.customers[0]?.T).toBe(want);
	});

	it.each([
		[
			[tx('a', 0.5, 1)],
			{ calibrationEnd: d0, unit: 'day' },
			/row 1: day must be a whole day number, got/
		],
		[
			[tx('a', 0, NaN)],
			{ calibrationEnd: d0, unit: 'day' },
			/row 1: amount must be a finite number, got NaN/
		],
		[
			[{ customerId: 7, day: d0, amount: 1 }],
			{ calibrationEnd: d0, unit: 'day' },
			/customerId must be a string, got 7/
		],
		[[], { calibrationEnd: d0 + 0.5, unit: 'day' }, /calibrationEnd must be a whole day number/],
		[
			[],
			{ calibrationEnd: d0, observationEnd: d0 - 1, unit: 'day' },
			/observationEnd \(\d+\) is before calibrationEnd/
		],
		[[], { calibrationEnd: d0, unit: 'month' }, /unit must be 'day' or 'week', got "month"/],
		[
			[],
			{ calibrationEnd: d0, unit: 'day', roundDecimals: -1 },
			/roundDecimals must be a whole number 0..12, got -1/
		]
	])('rejects bad input %#', (badRows, options, message) => {
		expect(() => prepareRfm(badRows as Transaction[], options as never)).toThrow(message);
	});
});
