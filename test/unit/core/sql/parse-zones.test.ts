import { describe, expect, it } from 'vitest';
import { dateFormatByName } from '../../../../src/core/csv/date-choice.ts';
import { detectDateFormat, type DateFormat } from '../../../../src/core/csv/dates.ts';
import { withTimeZone } from '../../../../src/core/csv/time-zones.ts';
import { dateExpr } from '../../../../src/core/sql/parse.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../../src/run/stage.ts';
import { loadFile } from '../../../../src/run/load-file.ts';
import { mappingFor } from '../../../../src/core/import/mapping.ts';
import { TX_TABLE } from '../../../../src/run/tables.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** Each value read with the format, as 'YYYY-MM-DD HH:MM:SS' (or null). */
async function read(values: string[], f: DateFormat): Promise<(string | null)[]> {
	const rows = values.map((v) => sql`SELECT ${v} AS d`);
	const union = rows.slice(1).reduce((a, b) => sql`${a} UNION ALL ${b}`, rows[0]!);
	const r = await db.query<{ t: string | null }>(
		sql`SELECT strftime(${dateExpr('d', f)}, '%Y-%m-%d %H:%M:%S') AS t FROM (SELECT row_number() OVER () AS i, d FROM (${union})) ORDER BY i`
	);
	return r.rows.map((x) => x.t);
}

const unixS = (iso: string) => String(Date.parse(iso) / 1000);

describe('Unix times become wall times in the chosen zone (SQL)', () => {
	it.each([
		// New York, spring forward on 2024-03-10: 02:00 EST → 03:00 EDT.
		['America/New_York', '2024-03-10T06:59:59Z', '2024-03-10 01:59:59'],
		['America/New_York', '2024-03-10T07:00:00Z', '2024-03-10 03:00:00'],
		['America/New_York', '2024-07-01T12:00:00Z', '2024-07-01 08:00:00'],
		// Fall back on 2024-11-03: 01:59 EDT is followed by 01:00 EST.
		['America/New_York', '2024-11-03T05:59:00Z', '2024-11-03 01:59:00'],
		['America/New_York', '2024-11-03T06:00:00Z', '2024-11-03 01:00:00'],
		['America/New_York', '2024-01-05T02:00:00Z', '2024-01-04 21:00:00'],
		['Asia/Shanghai', '2024-01-05T02:00:00Z', '2024-01-05 10:00:00'],
		['Asia/Shanghai', '2024-12-31T16:30:00Z', '2025-01-01 00:30:00'],
		['UTC', '2024-01-05T02:00:00Z', '2024-01-05 02:00:00']
	])('%s: %s → %s', async (zone, iso, wall) => {
		expect(await read([unixS(iso)], withTimeZone(dateFormatByName('unix-s')!, zone))).toEqual([wall]);
		const ms = String(Date.parse(iso));
		expect(await read([ms], withTimeZone(dateFormatByName('unix-ms')!, zone))).toEqual([wall]);
	});

	it('Excel serials are wall times: the zone does not shift them; non-numbers are NULL', async () => {
		expect(await read(['45296.5', 'x', ''], withTimeZone(dateFormatByName('excel-serial')!, 'America/New_York'))).toEqual([
			'2024-01-05 12:00:00',
			null,
			null
		]);
	});
});

describe('text timestamps with an offset or Z (SQL)', () => {
	const values = ['2024-01-05T10:00:00+08:00', '2024-01-05T02:00:00Z', '2024-01-04T21:00:00-05:00', '2024-01-05T02:00:00+0000'];
	const f = detectDateFormat(values)!.format;
	it.each([
		['UTC', '2024-01-05 02:00:00'],
		['Asia/Shanghai', '2024-01-05 10:00:00'],
		['America/New_York', '2024-01-04 21:00:00']
	])('read in %s: every value is %s', async (zone, wall) => {
		expect(await read(values, withTimeZone(f, zone))).toEqual(values.map(() => wall));
	});

	it('without a zone they read as UTC', async () => {
		expect(await read(['2024-01-05T10:00:00+08:00'], f)).toEqual(['2024-01-05 02:00:00']);
	});
});

describe('the import pipeline (mappingFor + applyMapping)', () => {
	it.each([
		['Asia/Shanghai', ['2024-01-05 10:00:00', '2024-03-10 15:30:00']],
		['America/New_York', ['2024-01-04 21:00:00', '2024-03-10 03:30:00']]
	])('a Unix-seconds column read in %s', async (zone, expected) => {
		const text = `customer,paid_at,amount\nA,${unixS('2024-01-05T02:00:00Z')},10\nB,${unixS('2024-03-10T07:30:00Z')},20\n`;
		const file = (await loadFile(db, { fileName: 'unix.csv', source: { kind: 'text', text }, sample: text }))!;
		const mapping = mappingFor(file.sniff, { customer: 'customer', date: 'paid_at', amount: 'amount' }, undefined, zone);
		expect(mapping).toMatchObject({ timeZone: zone, dateFormat: { numeric: 'unix-s', zone: { name: zone } } });
		const res = await applyMapping(db, file, mapping);
		expect(res.errors).toEqual([]);
		const r = await db.query<{ t: string }>(sql`SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS t FROM ${ident(TX_TABLE)} ORDER BY src_row`);
		expect(r.rows.map((x) => x.t)).toEqual(expected);
	});

	it('a text column with offsets read in Asia/Shanghai', async () => {
		const text = 'customer,ts,amount\nA,2024-01-05T02:00:00Z,10\nB,2024-01-05T10:00:00+08:00,20\n';
		const file = (await loadFile(db, { fileName: 'iso.csv', source: { kind: 'text', text }, sample: text }))!;
		const res = await applyMapping(db, file, mappingFor(file.sniff, { customer: 'customer', date: 'ts', amount: 'amount' }, undefined, 'Asia/Shanghai'));
		expect(res.errors).toEqual([]);
		const r = await db.query<{ t: string }>(sql`SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') AS t FROM ${ident(TX_TABLE)} ORDER BY src_row`);
		expect(r.rows.map((x) => x.t)).toEqual(['2024-01-05 10:00:00', '2024-01-05 10:00:00']);
	});
});
