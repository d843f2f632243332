import { describe, expect, it } from 'vitest';
import { roundHalfAway, roundMoney, roundMoneyColumns } from '../../../../src/core/export/money.ts';
import { toCsv } from '../../../../src/core/export/csv.ts';

describe('roundMoney(): half away from zero, 2 decimals, shortest form', () => {
	it.each([
		[2800.38938852502, 2800.39],
		[317.4, 317.4],
		[317.40000000000003, 317.4],
		[444, 444],
		[1.005, 1.01], // 1.005 is 1.00499999… in binary; the decimal form rounds up
		[-1.005, -1.01],
		[0.125, 0.13],
		[-0.125, -0.13],
		[2.675, 2.68],
		[-0.001, 0],
		[1e-7, 0],
		[1e21, 1e21],
		[12643575.004999, 12643575]
	])('%d → %d', (v, out) => {
		expect(roundMoney(v)).toBe(out);
	});

	it('writes -0 as 0 and leaves null and text alone', () => {
		expect(Object.is(roundMoney(-0.004), 0)).toBe(true);
		expect(roundMoney(null)).toBe(null);
		expect(roundMoney('x')).toBe('x');
		expect(roundHalfAway(Number.NaN)).toBeNaN();
	});

	it('rounds only the money columns of rows', () => {
		const rows = roundMoneyColumns([{ id: 'a', revenue: 10.005, share: 0.123456 }], ['revenue']);
		expect(rows).toEqual([{ id: 'a', revenue: 10.01, share: 0.123456 }]);
	});

	it('toCsv writes money columns in the shortest form, no separators, the other columns as they are', () => {
		const csv = toCsv(['id', 'monetary', 'p'], [{ id: 'C1', monetary: 2800.38938852502, p: 0.1234567 }, { id: 'C2', monetary: 1234567.1, p: 1 }], { bom: false, money: ['monetary'] });
		expect(csv).toBe('id,monetary,p\r\nC1,2800.39,0.1234567\r\nC2,1234567.1,1\r\n');
	});
});
