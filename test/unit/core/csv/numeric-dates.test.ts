import { describe, expect, it } from 'vitest';
import { detectNumericDate, numericDateToMs, zoneOffsetMs, zoneSegments } from '../../../../src/core/csv/numeric-dates.ts';
import { numericDateExpr } from '../../../../src/core/sql/numeric-dates.ts';
import { ident, join, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

const ms = (isoUtc: string) => Date.parse(isoUtc);

describe('detectNumericDate', () => {
	const cases: [string, string[], ReturnType<typeof detectNumericDate>][] = [
		['Unix seconds', ['1704448800', '1704535200', ''], { kind: 'unix-s', share: 1, hasTime: true }],
		['Unix milliseconds', ['1704448800000', '1704412800000'], { kind: 'unix-ms', share: 1, hasTime: true }],
		['Excel serials', ['45296', '45297'], { kind: 'excel-serial', share: 1, hasTime: false }],
		['Excel serials with time', ['45296.5', '45297.25'], { kind: 'excel-serial', share: 1, hasTime: true }],
		['small amounts', ['12', '40', '99.5'], null],
		['text', ['A1', 'B2'], null],
		['negative', ['-45296'], null]
	];
	for (const [name, values, expected] of cases)
		it(name, () => {
			expect(detectNumericDate(values)).toEqual(expected);
		});
});

describe('numericDateExpr parses in DuckDB as numericDateToMs does in JS', () => {
	async function parse(values: string[], kind: Parameters<typeof numericDateExpr>[1], zone?: Parameters<typeof numericDateExpr>[2]) {
		await db.exec(sql`CREATE OR REPLACE TABLE nd (i INTEGER, v VARCHAR)`);
		await db.exec(sql`INSERT INTO nd VALUES ${join(values.map((v, i) => sql`(${i}, ${v})`))}`);
		const r = await db.query<{ ts: number | null }>(sql`SELECT ${numericDateExpr('v', kind, zone)} AS ts FROM ${ident('nd')} ORDER BY i`);
		return r.rows.map((x) => x.ts);
	}

	it('Unix seconds, milliseconds and Excel serials', async () => {
		expect(await parse(['1704448800', '1704448800.5', 'x', ''], 'unix-s')).toEqual([ms('2024-01-05T10:00:00Z'), ms('2024-01-05T10:00:00.500Z'), null, null]);
		expect(await parse(['1704448800123'], 'unix-ms')).toEqual([ms('2024-01-05T10:00:00.123Z')]);
		expect(await parse(['45296', '45296.75', '1'], 'excel-serial')).toEqual([ms('2024-01-05T00:00:00Z'), ms('2024-01-05T18:00:00Z'), ms('1899-12-31T00:00:00Z')]);
		expect(numericDateToMs(45296.75, 'excel-serial')).toBe(ms('2024-01-05T18:00:00Z'));
	});

	it('Unix times become wall time in an explicit zone, across a daylight-saving change', async () => {
		const from = ms('2024-01-01T00:00:00Z');
		const to = ms('2024-12-31T00:00:00Z');
		const berlin = zoneSegments('Europe/Berlin', from, to);
		expect(berlin).toEqual([
			{ fromMs: null, offsetMs: 3_600_000 },
			{ fromMs: ms('2024-03-31T01:00:00Z'), offsetMs: 7_200_000 },
			{ fromMs: ms('2024-10-27T01:00:00Z'), offsetMs: 3_600_000 }
		]);
		const winter = String(ms('2024-01-05T10:00:00Z') / 1000);
		const summer = String(ms('2024-07-05T10:00:00Z') / 1000);
		expect(await parse([winter, summer], 'unix-s', berlin)).toEqual([ms('2024-01-05T11:00:00Z'), ms('2024-07-05T12:00:00Z')]);
		expect(await parse([winter], 'unix-s', zoneSegments('Asia/Shanghai', from, to))).toEqual([ms('2024-01-05T18:00:00Z')]);
		// Excel serials are wall times already: the zone does not move them.
		expect(await parse(['45296'], 'excel-serial', berlin)).toEqual([ms('2024-01-05T00:00:00Z')]);
	});

	it('zoneOffsetMs knows fixed and DST zones, and rejects unknown ones', () => {
		expect(zoneOffsetMs(ms('2024-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
		expect(zoneOffsetMs(ms('2024-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
		expect(zoneOffsetMs(ms('2024-07-01T00:00:00Z'), 'UTC')).toBe(0);
		expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(RangeError);
	});
});
