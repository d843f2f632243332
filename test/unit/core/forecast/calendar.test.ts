import { describe, expect, it } from 'vitest';
import { calendarRows, chineseNewYear, easterSunday, holidayRows, isCalendarChoice } from '../../../../src/core/forecast/calendar.ts';
import { parseHolidayCsv } from '../../../../src/core/forecast/holiday-table.ts';
import { ClienteleError } from '../../../../src/core/errors.ts';

describe('Chinese calendar', () => {
	it('finds 春节 on the published dates (Hong Kong Observatory tables)', () => {
		const known: Record<number, string> = {
			2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31', 2015: '2015-02-19',
			2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12',
			2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
			2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23'
		};
		for (const [y, d] of Object.entries(known)) expect(chineseNewYear(Number(y))).toBe(d);
	});
	it('computes Easter Sunday', () => {
		expect(easterSunday(2024)).toBe('2024-03-31');
		expect(easterSunday(2025)).toBe('2025-04-20');
		expect(easterSunday(2011)).toBe('2011-04-24');
	});
	it('lists the cn table with 春节 ±7 days and the shopping festivals', () => {
		const rows = calendarRows('cn', 2025, 2025);
		expect(rows.map((r) => `${r.date} ${r.name} ${r.daysBefore} ${r.daysAfter}`)).toEqual([
			'2025-01-29 春节 7 7',
			'2025-06-18 618 0 0',
			'2025-10-01 国庆 0 6',
			'2025-11-11 双11 0 0',
			'2025-12-12 双12 0 0'
		]);
		const western = holidayRows('western', 2024, 2024);
		expect(western.find((r) => r.name === 'Thanksgiving')?.date).toBe('2024-11-28');
		expect(western.find((r) => r.name === 'Good Friday')?.date).toBe('2024-03-29');
		expect(holidayRows('cn,western', 2024, 2024)).toHaveLength(11);
		expect(isCalendarChoice('cn,western')).toBe(true);
		expect(isCalendarChoice('holidays.csv')).toBe(false);
	});
});

describe('holiday table CSV', () => {
	it('reads rows, quoted names and a BOM', () => {
		const rows = parseHolidayCsv('\uFEFFdate,name,days_before,days_after\r\n2025-02-08,"调休, 上班",0,0\n2025-05-01,劳动节,1,4\n', 'h.csv');
		expect(rows).toEqual([
			{ date: '2025-02-08', name: '调休, 上班', daysBefore: 0, daysAfter: 0 },
			{ date: '2025-05-01', name: '劳动节', daysBefore: 1, daysAfter: 4 }
		]);
	});
	it('names the file, row and column of a bad value', () => {
		const err = (() => {
			try {
				parseHolidayCsv('date,name,days_before,days_after\n2025-02-30,x,0,0\n', 'h.csv');
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(ClienteleError);
		expect((err as ClienteleError).code).toBe('forecast.badHolidayRow');
		expect((err as ClienteleError).params).toEqual({ file: 'h.csv', row: 1, column: 'date', value: '2025-02-30' });
		expect(() => parseHolidayCsv('day,name\n', 'h.csv')).toThrow(/forecast.badHolidayHeader/);
		expect(() => parseHolidayCsv('date,name,days_before,days_after\n2025-01-01,x,-1,0\n', 'h.csv')).toThrow(/days_before/);
	});
});
