/**
 * The format dispatch of dateOf / the instants' parse (core/sql/strptime-dispatch.ts) against the
 * expression it replaced, written out here: the shape check, then try_strptime over the whole list (for
 * instants, Z made +00:00 first). Both run in DuckDB-WASM over generated values of every label — with
 * and without a time, ' ' / 'T' / two spaces, minutes, seconds, fractions of 1–7 digits, non-padded
 * fields, hour 24, minute and second 60, trailing garbage, extra colons, offsets (Z, z, +08:00, +0800,
 * +08, ' +08:00', ' -0500', ' Z', '+08:00:'), blanks — for every format list the detection writes from
 * samples of any set of kinds (instants: two kinds, all but one, all), and swapDayMonth of each. Row by row, with
 * IS DISTINCT FROM. The same comparison must catch a broken dispatch: a format dropped, a test negated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DATE_LABELS, dateFormatForLabel, dateShape, detectDateFormat, swapDayMonth, type DateFormat } from '../../../../src/core/csv/dates.ts';
import { dateOf } from '../../../../src/core/sql/parse.ts';
import { strptimeOf } from '../../../../src/core/sql/strptime-dispatch.ts';
import { ident, join, lit, raw, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();
const v = ident('v');
const ZONED = 'YYYY-MM-DDTHH:MM:SS±HH:MM';
const list = (fs: readonly string[]) => sql`[${join(fs.map((f) => lit(f)))}]`;

/** What dateOf gave before the dispatch (its ISO fast path aside: date-fast-path.test.ts proves it equal to this). */
function old(f: DateFormat): Sql {
	const parsed = f.instant
		? sql`epoch_ms(epoch_ms(try_strptime(regexp_replace(${v}, '[Zz]$', '+00:00'), ${list(f.strptime)})))`
		: sql`try_strptime(${v}, ${list(f.strptime)})`;
	return sql`(CASE WHEN regexp_full_match(${v}, ${lit(dateShape(f.label)!)}) THEN ${parsed} END)`;
}

/** The date part of a label's formats, e.g. '%d/%m/%Y'. */
const datePart = (label: string) => dateFormatForLabel(label)!.strptime[0]!.split(/[T ]%H/)[0]!;
const render = (label: string, y: string, m: string, d: string) => datePart(label).replace('%Y', y).replace('%m', m).replace('%d', d);

const DATES = [['2023', '05', '16'], ['2023', '5', '6'], ['2024', '02', '29'], ['2023', '02', '29'], ['2023', '13', '01'], ['0999', '12', '31'], ['23', '05', '16']] as const;
const TIMES = ['14:23', '9:05', '24:00', '23:60', '14:23:11', '9:5:1', '14:23:60', '24:00:00', '14:23:11.5', '14:23:11.12', '14:23:11.123', '14:23:11.123456', '14:23:11.1234567', '14:23:11.', '14:23:11:00', '14:23:11x', '14:23:11.5.5'];
const SEPS = [' ', 'T', '  '];
const OFFSETS = ['', 'Z', 'z', '+08:00', '+0800', '+08', '-05:00', ' +08:00', ' -0500', '+08:00:', ' Z', '+15:00'];

/** A label's generated values, and blanks and other labels' dates. */
function values(label: string): string[] {
	const out = ['', ' ', 'x', '2023-05-16', '16/05/2023', '16.05.2023 14:23', '20230516'];
	for (const [y, m, d] of DATES) {
		const date = render(label, y, m, d);
		out.push(date, `${date}x`, `${date}T`, `${date} `);
		for (const t of TIMES) for (const s of SEPS) for (const o of OFFSETS) out.push(`${date}${s}${t}${o}`);
	}
	return out;
}

/** One sample value per kind a detection tells apart: separator × precision (× a space before the offset), and date only. */
function kinds(label: string): string[] {
	const date = render(label, '2023', '05', '16'); // day 16: the day/month order is decided
	const out: string[] = [];
	for (const s of ['T', ' '])
		for (const t of ['14:23:11.5', '14:23:11', '14:23'])
			for (const o of label === ZONED ? ['+08:00', ' +08:00'] : ['']) out.push(`${date}${s}${t}${o}`);
	if (label !== ZONED) out.push(date);
	return out;
}

/**
 * Every list the detection writes: from every set of kinds (7 kinds: all 120 sets of two or more); for
 * instants (12 kinds) from two kinds, all kinds but one, and all. And their day/month swaps.
 */
function lists(label: string): DateFormat[] {
	const k = kinds(label);
	const samples: string[][] = [k];
	if (k.length <= 7) {
		for (let bits = 1; bits < (1 << k.length) - 1; bits++) if (bits & (bits - 1)) samples.push(k.filter((_, j) => bits & (1 << j)));
	} else
		for (let i = 0; i < k.length; i++) {
			samples.push(k.filter((_, j) => j !== i));
			for (let j = i + 1; j < k.length; j++) samples.push([k[i]!, k[j]!]);
		}
	const out = samples.map((s) => {
		const d = detectDateFormat(s)!;
		expect(d.format.label).toBe(label);
		return d.format;
	});
	const full = dateFormatForLabel(label)!;
	expect(full.strptime).toEqual(out[0]!.strptime);
	return [...out, ...out.filter((f) => f.label.includes('/')).map(swapDayMonth)];
}

const differ = (a: Sql, b: Sql) => sql`count(*) FILTER (WHERE ${a} IS DISTINCT FROM ${b})`;

async function counts(table: string, cols: Sql[]): Promise<number[]> {
	const named = cols.map((c, i) => sql`${c} AS ${ident(`c${i}`)}`);
	const row = (await db.query<Record<string, number>>(sql`SELECT ${join(named)} FROM ${ident(table)}`)).rows[0]!;
	return cols.map((_, i) => Number(row[`c${i}`]));
}

const table = (label: string) => `vals_${DATE_LABELS.indexOf(label)}`;

describe('the strptime dispatch gives what the whole list gave', () => {
	beforeAll(async () => {
		for (const label of DATE_LABELS)
			await db.exec(sql`CREATE OR REPLACE TABLE ${ident(table(label))} AS SELECT DISTINCT v FROM (VALUES ${join(values(label).map((x) => sql`(${x})`))}) t(v)`);
	}, 60_000);

	it('dateOf over every list the detection writes for every label, row by row', async () => {
		let checked = 0;
		for (const label of DATE_LABELS) {
			if (label === 'YYYYMMDD') continue; // one format: the SQL is unchanged
			const ls = lists(label);
			const got = await counts(table(label), ls.map((f) => differ(dateOf(v, f), old(f))));
			expect({ label, differ: got.map((n, i) => (n ? ls[i]!.strptime : null)).filter(Boolean) }).toEqual({ label, differ: [] });
			// The values are real dates of the label: the longest list reads many of them, refuses more.
			const [read, all] = await counts(table(label), [sql`count(${old(ls[0]!)})`, raw('count(*)')]);
			expect(read).toBeGreaterThan(50);
			expect(read).toBeLessThan(all! / 4);
			checked += ls.length;
		}
		expect(checked).toBeGreaterThan(8 * 120 + 79);
	}, 240_000);

	it('without the shape check too, on the plain labels: the tests hold for any value', async () => {
		for (const label of DATE_LABELS.filter((l) => l !== ZONED && l !== 'YYYYMMDD')) {
			const f = dateFormatForLabel(label)!.strptime;
			const [n] = await counts(table(label), [differ(strptimeOf(v, f), sql`try_strptime(${v}, ${list(f)})`)]);
			expect({ label, n }).toEqual({ label, n: 0 });
		}
	}, 120_000);

	it('the same comparison catches a format dropped from a branch or a test negated', async () => {
		for (const label of DATE_LABELS.filter((l) => l !== 'YYYYMMDD')) {
			const f = dateFormatForLabel(label)!;
			const dropped = f.strptime.map((_, i) => differ(dateOf(v, { ...f, strptime: f.strptime.filter((_, j) => j !== i) }), old(f)));
			const text = dateOf(v, f).text;
			const tests = [...new Set(text.match(/contains\("v", '[^']*'\)|"v" LIKE '[^']*'/g))];
			expect(tests.length, label).toBeGreaterThanOrEqual(label === ZONED ? 4 : 3);
			const negated = tests.map((t) => differ(raw(text.replaceAll(t, `(NOT ${t})`)), old(f)));
			const got = await counts(table(label), [...dropped, ...negated]);
			expect({ label, caught: got.map((n) => n > 0) }).toEqual({ label, caught: got.map(() => true) });
		}
	}, 240_000);
});
