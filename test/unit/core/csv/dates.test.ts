import { describe, expect, it } from 'vitest';
import { detectDateFormat, swapDayMonth } from '../../../../src/core/csv/dates.ts';
import { dateExpr } from '../../../../src/core/sql/parse.ts';
import { ident, join, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** Epoch ms (UTC) for expectations. */
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);

/** Parses `values` in DuckDB with the detected formats; one epoch-ms (or null) per value. */
async function parseInDuckDb(values: string[], formats: string[]): Promise<(number | null)[]> {
	await db.exec(sql`CREATE OR REPLACE TABLE d (i INTEGER, v VARCHAR)`);
	await db.exec(sql`INSERT INTO d VALUES ${join(values.map((v, i) => sql`(${i}, ${v})`))}`);
	const e = dateExpr('v', { strptime: formats, label: '', dateOnly: false });
	const r = await db.query<{ ts: number | null }>(sql`SELECT ${e} AS ts FROM ${ident('d')} ORDER BY i`);
	return r.rows.map((x) => x.ts);
}

interface Case {
	name: string;
	values: string[];
	label: string;
	ambiguous: boolean;
	dateOnly: boolean;
	/** What each value means (UTC epoch ms). */
	expected: number[];
}

const CASES: Case[] = [
	{ name: 'ISO date', values: ['2024-01-05', '2024-12-31'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 12, 31)] },
	{ name: 'ISO, unpadded', values: ['2024-1-5', '2024-10-15'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 10, 15)] },
	{ name: 'ISO with HH:MM', values: ['2024-01-05 08:26', '2024-01-06 17:05'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: false, expected: [utc(2024, 1, 5, 8, 26), utc(2024, 1, 6, 17, 5)] },
	{ name: 'ISO with seconds', values: ['2010-12-01 08:26:00', '2011-12-09 12:50:59'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: false, expected: [utc(2010, 12, 1, 8, 26), utc(2011, 12, 9, 12, 50, 59)] },
	{ name: 'ISO with T separator', values: ['2024-01-05T08:26:00', '2024-01-06T09:00:01'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: false, expected: [utc(2024, 1, 5, 8, 26), utc(2024, 1, 6, 9, 0, 1)] },
	{ name: 'ISO with fractions', values: ['2024-01-05 08:26:00.5', '2024-01-05 08:26:01.123456'], label: 'YYYY-MM-DD', ambiguous: false, dateOnly: false, expected: [utc(2024, 1, 5, 8, 26, 0, 500), utc(2024, 1, 5, 8, 26, 1, 123) + 0.456] /* µs survive as a fraction of a ms */ },
	{
		name: 'ISO, mixed: date only, HH:MM, seconds, T and space (regression: one separator was assumed)',
		values: ['2024-01-05', '2024-01-05 08:26', '2024-01-05T08:26:30', '2024-01-05 08:26:30'],
		label: 'YYYY-MM-DD',
		ambiguous: false,
		dateOnly: false,
		expected: [utc(2024, 1, 5), utc(2024, 1, 5, 8, 26), utc(2024, 1, 5, 8, 26, 30), utc(2024, 1, 5, 8, 26, 30)]
	},
	{ name: 'slashes, year first', values: ['2024/1/5', '2024/12/31 23:59'], label: 'YYYY/MM/DD', ambiguous: false, dateOnly: false, expected: [utc(2024, 1, 5), utc(2024, 12, 31, 23, 59)] },
	{ name: 'dots, year first', values: ['2024.01.05', '2024.1.6'], label: 'YYYY.MM.DD', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 1, 6)] },
	{ name: 'Chinese', values: ['2024年1月5日', '2024年12月31日'], label: 'YYYY年MM月DD日', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 12, 31)] },
	{ name: 'German dots', values: ['05.01.2024', '31.12.2024'], label: 'DD.MM.YYYY', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 12, 31)] },
	{ name: 'DD/MM decided by a day above 12', values: ['05/01/2024', '13/01/2024'], label: 'DD/MM/YYYY', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 1, 13)] },
	{ name: 'MM/DD decided by a day above 12', values: ['01/05/2024', '01/13/2024'], label: 'MM/DD/YYYY', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 1, 13)] },
	{ name: 'US with time', values: ['12/1/2010 8:26', '12/13/2010 14:05'], label: 'MM/DD/YYYY', ambiguous: false, dateOnly: false, expected: [utc(2010, 12, 1, 8, 26), utc(2010, 12, 13, 14, 5)] },
	{ name: 'day/month ambiguous (all parts ≤ 12): DD/MM first, flagged', values: ['05/01/2024', '06/02/2024'], label: 'DD/MM/YYYY', ambiguous: true, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 2, 6)] },
	{ name: 'dashes, day first', values: ['05-01-2024', '31-12-2024'], label: 'DD-MM-YYYY', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 12, 31)] },
	{ name: 'YYYYMMDD', values: ['20240105', '20241231'], label: 'YYYYMMDD', ambiguous: false, dateOnly: true, expected: [utc(2024, 1, 5), utc(2024, 12, 31)] }
];

describe('detectDateFormat(): each format, and DuckDB reads what the JS matcher accepted', () => {
	it.each(CASES)('$name', async (c) => {
		const d = detectDateFormat(c.values);
		expect(d).not.toBeNull();
		expect(d!.format.label).toBe(c.label);
		expect(d!.ambiguous).toBe(c.ambiguous);
		expect(d!.format.dateOnly).toBe(c.dateOnly);
		expect(d!.share).toBe(1);
		expect(await parseInDuckDb(c.values, d!.format.strptime)).toEqual(c.expected);
	});
});

describe('invalid dates are rejected by the JS matcher and by DuckDB alike', () => {
	const good = '2024-01-05';
	it.each(['2024-13-01', '2023-02-29', '2024-02-30', '2024-04-31', '2024-00-10', '2024-01-00', '2024-01-05 24:00', '2024-01-05 23:60', 'n/a', '2024-01'])(
		'%j',
		async (bad) => {
			const d = detectDateFormat([good, bad])!;
			expect(d.format.label).toBe('YYYY-MM-DD');
			expect(d.share).toBe(0.5);
			expect(await parseInDuckDb([good, bad], d.format.strptime)).toEqual([utc(2024, 1, 5), null]);
		}
	);

	it('29 February is fine in a leap year (both)', async () => {
		const d = detectDateFormat(['2024-02-29', '29.02.2024'])!;
		expect(d.share).toBe(0.5);
		expect(await parseInDuckDb(['2024-02-29'], d.format.strptime)).toEqual([utc(2024, 2, 29)]);
	});

	it('no value parses → null; empty values are ignored', () => {
		expect(detectDateFormat(['abc', '12.5'])).toBeNull();
		expect(detectDateFormat(['', '  '])).toBeNull();
		expect(detectDateFormat(['', '2024-01-05'])?.share).toBe(1);
	});
});

describe('swapDayMonth()', () => {
	it('flips an ambiguous DD/MM detection to MM/DD, and DuckDB reads the other order', async () => {
		const d = detectDateFormat(['05/01/2024 08:00', '06/02/2024'])!;
		expect(d.ambiguous).toBe(true);
		const f = swapDayMonth(d.format);
		expect(f.label).toBe('MM/DD/YYYY');
		expect(f.strptime).toEqual(['%m/%d/%Y %H:%M', '%m/%d/%Y']);
		expect(await parseInDuckDb(['05/01/2024 08:00', '06/02/2024'], f.strptime)).toEqual([utc(2024, 5, 1, 8), utc(2024, 6, 2)]);
		expect(swapDayMonth(f).strptime).toEqual(d.format.strptime);
	});
});

describe('a space before a numeric UTC offset (Shopify: 2025-01-04 19:01:38 -0500)', () => {
	it('is detected as an instant whose strptime format has the space', () => {
		const d = detectDateFormat(['2025-01-04 19:01:38 -0500', '2025-02-10 12:00:00 -0500', '2025-03-01 08:00:00 +0800']);
		expect(d?.format.instant).toBe(true);
		expect(d?.format.strptime).toEqual(['%Y-%m-%d %H:%M:%S %z']);
		expect(d?.share).toBe(1);
	});
	it('mixed with the usual form, both are read; an offset past ±14:00 is not', () => {
		const d = detectDateFormat(['2025-01-04T19:01:38-05:00', '2025-01-04 19:01:38 -0500']);
		expect(d?.format.strptime.sort()).toEqual(['%Y-%m-%d %H:%M:%S %z', '%Y-%m-%dT%H:%M:%S%z'].sort());
		expect(detectDateFormat(['2025-01-04 19:01:38 -1500'])?.format.instant).not.toBe(true);
	});
});
