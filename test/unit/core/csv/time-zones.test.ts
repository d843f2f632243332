import { describe, expect, it } from 'vitest';
import { dateFormatByName, dateFormatFor } from '../../../../src/core/csv/date-choice.ts';
import { detectDateFormat, readDateParts } from '../../../../src/core/csv/dates.ts';
import { profileColumn, sniffSample } from '../../../../src/core/csv/sniff.ts';
import { mappingFor } from '../../../../src/core/import/mapping.ts';
import { customerMappingFor } from '../../../../src/core/import/customer-roles.ts';
import { canonicalZone, previewInstant, withTimeZone, zoneChoices, zonePeriods } from '../../../../src/core/csv/time-zones.ts';
import { dayMonthQuestion } from '../../../../src/core/import/date-question.ts';


describe('text timestamps with a UTC offset', () => {
	it.each([
		[['2024-01-05T10:00:00+08:00', '2024-01-06T11:30:00+08:00'], ['%Y-%m-%dT%H:%M:%S%z']],
		[['2024-01-05T02:00:00Z', '2024-01-05T02:00:00.250Z'], ['%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%dT%H:%M:%S%z']],
		[['2024-01-05 02:00+0800', '2024-01-05 03:00-05'], ['%Y-%m-%d %H:%M%z']]
	])('%j is an instant read with %z', (values, strptime) => {
		const d = detectDateFormat(values);
		expect(d).toMatchObject({ share: 1, ambiguous: false, format: { label: 'YYYY-MM-DDTHH:MM:SS±HH:MM', instant: true, strptime } });
	});

	it('plain ISO timestamps stay wall times; an impossible offset is not taken', () => {
		expect(detectDateFormat(['2024-01-05T10:00:00'])?.format.instant).toBeUndefined();
		expect(detectDateFormat(['2024-01-05T10:00:00+25:00'])).toBeNull();
	});
});

describe('formats named by the user (--date-format)', () => {
	it.each([
		['DD/MM/YYYY', { label: 'DD/MM/YYYY' }],
		['mm/dd/yyyy', { label: 'MM/DD/YYYY' }],
		['unix-s', { label: 'unix-s', numeric: 'unix-s', strptime: [] }],
		['excel-serial', { label: 'excel-serial', numeric: 'excel-serial' }]
	])('%s', (name, expected) => {
		expect(dateFormatByName(name)).toMatchObject(expected);
	});

	it('a text format reads dates with and without a time; an unknown name is null', () => {
		expect(dateFormatByName('DD/MM/YYYY')?.strptime).toEqual(expect.arrayContaining(['%d/%m/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%YT%H:%M']));
		expect(dateFormatByName('DD/MM/YY')).toBeNull();
	});
});

describe('numbers in a date column', () => {
	it.each([
		[['1704420000', '1704506400'], 'unix-s'],
		[['1704420000000', '1704506400123'], 'unix-ms'],
		[['45296.5', '45297'], 'excel-serial']
	])('%j → %s', (values, kind) => {
		expect(dateFormatFor(profileColumn('order_date', values))?.numeric).toBe(kind);
	});

	it('text dates keep their format; other numbers and text are not dates', () => {
		expect(dateFormatFor(profileColumn('d', ['2024-01-05']))?.label).toBe('YYYY-MM-DD');
		expect(dateFormatFor(profileColumn('n', ['12', '30']))).toBeNull();
		expect(dateFormatFor(profileColumn('t', ['abc']))).toBeNull();
	});
});

describe('mappings carry the date kind and the zone', () => {
	const sniff = sniffSample('id,last,n,rev\nA,1704420000,2,10\nB,1704506400,1,5\n', { fileName: 'c.csv' });
	it('transactions: numbers → unix-s, shown in the chosen zone', () => {
		const m = mappingFor(sniff, { customer: 'id', date: 'last', amount: 'rev' }, undefined, 'Asia/Shanghai');
		expect(m).toMatchObject({ timeZone: 'Asia/Shanghai', dateFormat: { numeric: 'unix-s', zone: { name: 'Asia/Shanghai' } } });
		expect(mappingFor(sniff, { customer: 'id', date: 'last', amount: 'rev' }).dateFormat.zone).toBeUndefined();
	});

	it("a customer table's last-purchase date too", () => {
		const m = customerMappingFor(sniff, { customer: 'id', lastDate: 'last', orders: 'n', revenue: 'rev' }, undefined, 'Asia/Tokyo');
		expect(m.dateFormat).toMatchObject({ numeric: 'unix-s', zone: { name: 'Asia/Tokyo' } });
	});
});

describe('time zones', () => {
	it('names are checked and spelled canonically', () => {
		expect(canonicalZone('asia/shanghai')).toBe('Asia/Shanghai');
		expect(canonicalZone('Mars/Olympus')).toBeNull();
		expect(canonicalZone('')).toBeNull();
	});

	it('the local zone is offered first when it is not a common one', () => {
		expect(zoneChoices('Africa/Nairobi')[0]).toBe('Africa/Nairobi');
		expect(zoneChoices('Asia/Shanghai').filter((z) => z === 'Asia/Shanghai')).toHaveLength(1);
	});

	it('New York changes from UTC−5 to UTC−4 at 2024-03-10 07:00 UTC and back at 2024-11-03 06:00 UTC', () => {
		const p = zonePeriods('America/New_York');
		expect(p.find((s) => s.fromMs === Date.UTC(2024, 2, 10, 7))?.offsetMs).toBe(-4 * 3600_000);
		expect(p.find((s) => s.fromMs === Date.UTC(2024, 10, 3, 6))?.offsetMs).toBe(-5 * 3600_000);
	});

	it('Shanghai: UTC+8 since 1991', () => {
		const p = zonePeriods('Asia/Shanghai');
		expect(p.at(-1)).toEqual({ fromMs: expect.any(Number) as number, offsetMs: 8 * 3600_000 });
		expect(p.at(-1)!.fromMs!).toBeLessThan(Date.UTC(1992, 0, 1));
	});

	it.each([
		['1704420000', 'unix-s', 'Asia/Shanghai', '2024-01-05 10:00'],
		['1710055800', 'unix-s', 'America/New_York', '2024-03-10 03:30'],
		['1704420000000', 'unix-ms', 'UTC', '2024-01-05 02:00'],
		['45296.5', 'excel-serial', 'Asia/Shanghai', null],
		['abc', 'unix-s', 'UTC', null]
	])('the form previews %s (%s) in %s as %s', (value, kind, zone, wall) => {
		expect(previewInstant(value, dateFormatByName(kind)!, zone)).toBe(wall);
	});

	it('the zone is attached to instants only', () => {
		expect(withTimeZone(dateFormatByName('unix-ms')!, 'Asia/Tokyo').zone?.name).toBe('Asia/Tokyo');
		expect(withTimeZone(detectDateFormat(['2024-01-05T10:00:00Z'])!.format, 'UTC').zone?.name).toBe('UTC');
		expect(withTimeZone(dateFormatByName('excel-serial')!, 'Asia/Tokyo').zone).toBeUndefined();
		expect(withTimeZone(dateFormatByName('YYYY-MM-DD')!, 'Asia/Tokyo').zone).toBeUndefined();
	});
});

describe('the day/month question', () => {
	it('asks about a value whose two readings differ', () => {
		const f = detectDateFormat(['01/01/2024', '05/01/2024'])!.format;
		const q = dayMonthQuestion(f, ['01/01/2024', '05/01/2024']);
		expect(q).toEqual({ value: '05/01/2024', dmy: Date.UTC(2024, 0, 5), mdy: Date.UTC(2024, 4, 1), current: 'dmy' });
		expect(readDateParts('05/01/2024 10:30', 'MM/DD/YYYY')).toEqual([2024, 5, 1]);
	});

	it('no question for other formats', () => {
		expect(dayMonthQuestion(dateFormatByName('YYYY-MM-DD'), ['2024-01-05'])).toBeNull();
	});
});
