/**
 * The ISO date fast path of dateOf (core/sql/parse.ts ISO_FAST): a value matching one of its GLOB
 * patterns is read with TRY_CAST(… AS TIMESTAMP) instead of the shape check and try_strptime. It must
 * give what that full path gives on every such value. Both read fixed-width fields, so the fields are
 * covered one by one: every month 00–19 and day 00–39 of chosen years (leap rules, year 0, 1582, 9999),
 * every hour, minute and second on a leap day and a non-leap 29 February, and values at the pattern's edges (hour 24, minute or
 * second 60, a 5-digit or 3-digit year, padding) that must take the full path. The expected value is the
 * full path written out here — the shape check of core/csv/dates.ts, then try_strptime — not dateOf's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dateShape, type DateFormat } from '../../../../src/core/csv/dates.ts';
import { dateOf, ISO_FAST, ISO_FORMATS } from '../../../../src/core/sql/parse.ts';
import { ident, join, lit, raw, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();
const SHAPE = dateShape('YYYY-MM-DD')!;
const v = ident('v');
const iso = (strptime: string[]): DateFormat => ({ strptime, label: 'YYYY-MM-DD', dateOnly: false });
/** The full path: what dateOf gave before the fast path, for any list of formats. */
const full = (formats: readonly string[]) =>
	sql`(CASE WHEN regexp_full_match(${v}, ${lit(SHAPE)}) THEN try_strptime(${v}, [${join(formats.map((f) => lit(f)))}]) END)`;
const inFast = (fast: string) => join(ISO_FAST[fast]!.map((g) => sql`${v} GLOB ${lit(g)}`), ' OR ');
const p2 = (e: string) => raw(`lpad(CAST(${e} AS VARCHAR), 2, '0')`);

const YEARS = ['0000', '0001', '0999', '1582', '1900', '2000', '2023', '2024', '2100', '9999'];
/**
 * Every month 00–19 and day 00–39 of YEARS; on 2024-02-29 and 2023-02-29, with ' ' and 'T', every hour and minute
 * (seconds 00 and 59) and every second (at 00:00 and 23:59).
 */
async function makeValues(): Promise<void> {
	await db.exec(sql`CREATE OR REPLACE TABLE days AS SELECT y || '-' || ${p2('m')} || '-' || ${p2('d')} AS v
		FROM (VALUES ${join(YEARS.map((y) => sql`(${y})`))}) a(y), range(0, 20) b(m), range(0, 40) c(d)`);
	await db.exec(sql`CREATE OR REPLACE TABLE dates AS SELECT * FROM (VALUES ('2024-02-29'), ('2023-02-29')) a(d)`);
	await db.exec(sql`CREATE OR REPLACE TABLE seps AS SELECT * FROM (VALUES (' '), ('T')) a(s)`);
	await db.exec(sql`CREATE OR REPLACE TABLE stamps AS
		SELECT d || s || hm || ':' || ${p2('x')} AS v FROM dates, seps, (SELECT ${p2('h')} || ':' || ${p2('mi')} AS hm FROM range(0, 24) c(h), range(0, 60) e(mi)) t, (VALUES (0), (59)) f(x)
		UNION ALL SELECT d || s || hm || ':' || ${p2('x')} FROM dates, seps, (VALUES ('00:00'), ('23:59')) t(hm), range(1, 59) f(x)
		UNION ALL SELECT days.v || s || t FROM days, (VALUES (' '), ('T')) b(s), (VALUES ('00:00:00'), ('23:59:59')) c(t)`);
}

async function count(q: Sql): Promise<Record<string, number>> {
	const row = (await db.query<Record<string, number>>(q)).rows[0]!;
	return Object.fromEntries(Object.entries(row).map(([k, x]) => [k, Number(x)]));
}

describe('ISO dates: the GLOB + cast fast path gives what the shape check + strptime give', () => {
	beforeAll(makeValues, 60_000);

	it('each fast format: every value its patterns take is read the same by that format, and refused or read the same by every other ISO format', async () => {
		for (const [fast, table] of [['%Y-%m-%d %H:%M:%S', 'stamps'], ['%Y-%m-%dT%H:%M:%S', 'stamps'], ['%Y-%m-%d', 'days']] as const) {
			const cast = sql`TRY_CAST(${v} AS TIMESTAMP)`;
			const checks = ISO_FORMATS.map((f, i) => {
				const p = sql`try_strptime(${v}, ${lit(f)})`;
				const ok = f === fast ? sql`${p} IS NOT DISTINCT FROM ${cast}` : sql`(${p} IS NULL OR ${p} = ${cast})`;
				return sql`count(*) FILTER (WHERE NOT (${ok})) AS ${ident(`f${i}`)}`;
			});
			const got = await count(sql`SELECT count(*) AS taken, count(${cast}) AS dates, count(*) FILTER (WHERE NOT regexp_full_match(${v}, ${lit(SHAPE)})) AS off_shape,
				${join(checks)} FROM ${ident(table)} WHERE ${inFast(fast)}`);
			// Half the stamps table is ' ', half 'T'; the patterns take every generated value of their kind.
			expect(got.taken, fast).toBe(table === 'days' ? YEARS.length * 20 * 40 : 2 * (24 * 60 * 2 + 2 * 58) + YEARS.length * 800 * 2);
			expect(got.dates, fast).toBeGreaterThan(0);
			expect(got.dates, fast).toBeLessThan(got.taken!);
			expect(got, fast).toEqual({ taken: got.taken, dates: got.dates, off_shape: 0, ...Object.fromEntries(ISO_FORMATS.map((_, i) => [`f${i}`, 0])) });
		}
	}, 120_000);

	it('dateOf with one format and with every ISO format equals the full path on all those values', async () => {
		const cases = [[['%Y-%m-%d %H:%M:%S'], 'stamps'], [['%Y-%m-%d'], 'days'], [[...ISO_FORMATS], 'stamps'], [[...ISO_FORMATS], 'days']] as const;
		for (const [l, table] of cases) {
			const got = await count(sql`SELECT count(*) AS n, count(*) FILTER (WHERE ${dateOf(v, iso([...l]))} IS DISTINCT FROM ${full(l)}) AS differ FROM ${ident(table)}`);
			expect({ list: l, table, ...got }).toEqual({ list: l, table, n: got.n, differ: 0 });
		}
	}, 120_000);

	it('values at the edge of the patterns take the full path and get its answer', async () => {
		const edge = [
			'2024-01-05 24:00:00', '2024-01-05 23:60:00', '2024-01-05 23:59:60', '2024-01-05 19:59:59', '2024-01-05 20:00:00',
			'12024-01-05 10:00:00', '024-01-05 10:00:00', '2024-1-05 10:00:00', '2024-01-5', '2024-01-05 9:00:00', '2024-01-05 10:00',
			'2024-01-05T10:00:00.5', '2024-01-05  10:00:00', ' 2024-01-05', '2024-01-05\t', '2024-01-05 10:00:00Z', '2024-01-05x',
			'2024-02-30', '2024-13-01', '0000-01-01', '+024-01-05', '-024-01-05', '２０２４-01-05', '2024-01-05 10:00:00 ', '2024/01/05'
		];
		await db.exec(sql`CREATE OR REPLACE TABLE edge AS SELECT * FROM (VALUES ${join(edge.map((e) => sql`(${e})`))}) t(v)`);
		const l = [...ISO_FORMATS];
		const rows = (await db.query<{ v: string; mine: number | null; want: number | null }>(
			sql`SELECT v, epoch_ms(${dateOf(v, iso(l))}) AS mine, epoch_ms(${full(l)}) AS want FROM edge`
		)).rows;
		expect(rows.filter((r) => r.mine !== r.want)).toEqual([]);
		// The edges are real: some read, some refused, and the cast alone would read 24:00:00.
		expect(rows.filter((r) => r.want !== null).length).toBeGreaterThan(3);
		expect(rows.find((r) => r.v === '2024-01-05 24:00:00')?.want).toBeNull();
		const cast = (await db.query<{ t: string | null }>(sql`SELECT TRY_CAST('2024-01-05 24:00:00' AS TIMESTAMP) AS t`)).rows[0]!.t;
		expect(cast).not.toBeNull();
	});

	it('other labels and lists with a format outside ISO_FORMATS keep the full path', () => {
		expect(dateOf(v, { strptime: ['%d/%m/%Y'], label: 'DD/MM/YYYY', dateOnly: true }).text).not.toContain('GLOB');
		expect(dateOf(v, iso(['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %I:%M'])).text).not.toContain('GLOB');
		expect(dateOf(v, iso(['%Y-%m-%d %H:%M:%S'])).text).toContain('GLOB');
	});
});
