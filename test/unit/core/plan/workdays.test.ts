import { describe, expect, it } from 'vitest';
import { CN_HOLIDAYS, isWorkday, parseHolidayCsv, workdaysFrom, workdaysWithin } from '../../../../src/core/plan/workdays.ts';

describe('working days', () => {
	it('skips weekends', () => {
		// 2025-03-07 is a Friday.
		expect(workdaysFrom('2025-03-07', 3, {})).toEqual(['2025-03-07', '2025-03-10', '2025-03-11']);
	});

	it('skips the 2026 Spring Festival and works its adjusted Saturdays (调休)', () => {
		// 2026-02-13 Fri; 02-14 Sat is worked; 02-15 … 02-23 off; 02-28 Sat is worked.
		expect(workdaysFrom('2026-02-13', 8, CN_HOLIDAYS)).toEqual([
			'2026-02-13',
			'2026-02-14',
			'2026-02-24',
			'2026-02-25',
			'2026-02-26',
			'2026-02-27',
			'2026-02-28',
			'2026-03-02'
		]);
	});

	it('counts the working days of a window', () => {
		// 2026-10-01 … 2026-10-14: 10-01…07 off, 10-10 (Sat) worked, 10-11 Sun off → 8, 9, 10, 12, 13, 14.
		expect(workdaysWithin('2026-10-01', 14, CN_HOLIDAYS)).toBe(6);
		expect(isWorkday('2026-09-20', CN_HOLIDAYS)).toBe(true); // a Sunday worked before National Day
		expect(isWorkday('2025-01-01', CN_HOLIDAYS)).toBe(false);
	});

	it('reads an editable table from CSV and names a bad line', () => {
		expect(parseHolidayCsv('date,type\n2027-01-01,holiday\n2027-01-02,workday\n')).toEqual({
			table: { '2027-01-01': 'holiday', '2027-01-02': 'workday' },
			bad: null
		});
		expect(parseHolidayCsv('2027-01-01,holiday\n2027-13-01,holiday\n').bad).toBe(2);
		expect(parseHolidayCsv('2027-01-01,day off\n').bad).toBe(1);
	});
});
