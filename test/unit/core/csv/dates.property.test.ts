/**
 * Property tests of the date parsers (fast-check, fixed seed, printed by fast-check with the
 * counterexample when a property fails): the JS matcher in core/csv/dates.ts (detectDateFormat,
 * readDateParts), core/csv/numeric-dates.ts (numericDateToMs) and the SQL they compile to
 * (core/sql/parse.ts dateOf, core/sql/numeric-dates.ts) on DuckDB-WASM. Generated valid dates in
 * every format read back as the same instant in JS and SQL; generated impossible ones (month 13,
 * day 32, Feb 30, hour 24, junk around) are refused by both; JS and SQL accept the same random
 * strings. Each property is one table and one query, so the engine is not called per case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_LABELS, dateFormatForLabel, detectDateFormat, readDateParts, type DateFormat } from '../../../../src/core/csv/dates.ts';
import { detectNumericDate, numericDateToMs, type NumericDateKind } from '../../../../src/core/csv/numeric-dates.ts';
import { dateExpr } from '../../../../src/core/sql/parse.ts';
import { ident, join, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();
const SEED = 20261206;
/** Every assertion names the seed: a failure prints it with the values fast-check generated. */
const expectAt = <T>(v: T) => expect(v, `fast-check seed ${SEED}`);

/** The instants (epoch ms, NULL: not a date) `f` reads from `values` in SQL, in one query. */
async function sqlDates(values: readonly string[], f: DateFormat): Promise<(number | null)[]> {
	await db.exec(sql`CREATE OR REPLACE TABLE d (i INTEGER, v VARCHAR)`);
	await db.exec(sql`INSERT INTO d VALUES ${join(values.map((v, i) => sql`(${i}, ${v})`))}`);
	const r = await db.query<{ ts: number | null }>(sql`SELECT epoch_ms(${dateExpr('v', f)}) AS ts FROM ${ident('d')} ORDER BY i`);
	return r.rows.map((x) => (x.ts === null ? null : Number(x.ts)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Moment {
	y: number;
	m: number;
	d: number;
	/** null: a date without a time. */
	time: { h: number; mi: number; s: number | null; frac: string | null } | null;
	/** Zero-padded month and day, or not (every format but YYYYMMDD takes both). */
	padded: boolean;
	sep: 'T' | ' ';
}

const moment: fc.Arbitrary<Moment> = fc
	.record({
		y: fc.integer({ min: 1970, max: 2099 }),
		m: fc.integer({ min: 1, max: 12 }),
		d: fc.integer({ min: 1, max: 31 }),
		time: fc.option(
			fc.record({
				h: fc.integer({ min: 0, max: 23 }),
				mi: fc.integer({ min: 0, max: 59 }),
				s: fc.option(fc.integer({ min: 0, max: 59 })),
				frac: fc.option(fc.stringMatching(/^\d{1,6}$/))
			}),
			{ freq: 2 }
		),
		padded: fc.boolean(),
		sep: fc.constantFrom('T' as const, ' ' as const)
	})
	.map((x) => ({ ...x, d: Math.min(x.d, daysIn(x.y, x.m)), time: x.time && { ...x.time, frac: x.time.s === null ? null : x.time.frac } }));

/** The wall time a moment stands for, as epoch ms. */
function wallMs(t: Moment): number {
	const ms = t.time?.frac ? Math.floor(Number(`0.${t.time.frac}`) * 1000 + 1e-9) : 0;
	return Date.UTC(t.y, t.m - 1, t.d, t.time?.h ?? 0, t.time?.mi ?? 0, t.time?.s ?? 0, ms);
}

/** A moment written in a text format (the label's order and separators). */
function write(label: string, t: Moment, offset = ''): string {
	const [m, d] = t.padded || label === 'YYYYMMDD' ? [pad2(t.m), pad2(t.d)] : [String(t.m), String(t.d)];
	const date: Record<string, string> = {
		'YYYY-MM-DD': `${t.y}-${m}-${d}`,
		'YYYY-MM-DDTHH:MM:SS±HH:MM': `${t.y}-${m}-${d}`,
		'YYYY/MM/DD': `${t.y}/${m}/${d}`,
		'YYYY.MM.DD': `${t.y}.${m}.${d}`,
		'YYYY年MM月DD日': `${t.y}年${m}月${d}日`,
		YYYYMMDD: `${t.y}${m}${d}`,
		'DD.MM.YYYY': `${d}.${m}.${t.y}`,
		'DD/MM/YYYY': `${d}/${m}/${t.y}`,
		'MM/DD/YYYY': `${m}/${d}/${t.y}`,
		'DD-MM-YYYY': `${d}-${m}-${t.y}`
	};
	const x = t.time;
	if (!x || label === 'YYYYMMDD') return date[label]!;
	const time = `${x.h}:${pad2(x.mi)}${x.s === null ? '' : `:${pad2(x.s)}${x.frac ? `.${x.frac}` : ''}`}`;
	return `${date[label]}${t.sep}${time}${offset}`;
}

const ZONED = 'YYYY-MM-DDTHH:MM:SS±HH:MM';
const TEXT_LABELS = DATE_LABELS.filter((l) => l !== ZONED);

describe('valid dates read back as the same instant, in JS and in SQL', () => {
	it.each(TEXT_LABELS.map((l) => [l]))('%s', async (label) => {
		const moments = fc.sample(moment, { seed: SEED, numRuns: 300 }).map((t) => (label === 'YYYYMMDD' ? { ...t, time: null } : t));
		const values = moments.map((t) => write(label, t));
		// JS: the matcher reads the parts; the detection on the whole batch picks this format.
		expectAt(values.flatMap((v, i) => (String(readDateParts(v, label)) === String([moments[i]!.y, moments[i]!.m, moments[i]!.d]) ? [] : [v]))).toEqual([]);
		const detected = detectDateFormat(values);
		expectAt({ label: detected?.format.label, share: detected?.share }).toEqual({ label, share: 1 });
		// SQL: the detected format's strptime list, and the one a user names (--date-format), read the same instant.
		const want = moments.map(wallMs);
		expectAt(await sqlDates(values, detected!.format)).toEqual(want);
		expectAt(await sqlDates(values, dateFormatForLabel(label)!)).toEqual(want);
	});

	it('with a UTC offset (Z, ±HH:MM, ±HHMM, ±HH, a space before it): the instant', async () => {
		const offset = fc.oneof(
			fc.constant({ text: 'Z', min: 0 }),
			fc
				.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45), fc.constantFrom(':', '', 'none'), fc.boolean())
				.map(([sign, h, mm, colon, space]) => {
					const text = `${space ? ' ' : ''}${sign}${pad2(h)}${colon === 'none' ? '' : `${colon}${pad2(mm)}`}`;
					return { text, min: (sign === '-' ? -1 : 1) * (h * 60 + (colon === 'none' ? 0 : mm)) };
				})
		);
		const timed = moment.filter((t) => t.time !== null);
		const cases = fc.sample(fc.tuple(timed, offset), { seed: SEED, numRuns: 300 });
		const values = cases.map(([t, o]) => write(ZONED, t, o.text));
		expectAt(values.filter((v, i) => String(readDateParts(v, ZONED)) !== String([cases[i]![0].y, cases[i]![0].m, cases[i]![0].d]))).toEqual([]);
		const detected = detectDateFormat(values);
		expectAt(detected?.format).toMatchObject({ label: ZONED, instant: true });
		expectAt(await sqlDates(values, detected!.format)).toEqual(cases.map(([t, o]) => wallMs(t) - o.min * 60_000));
	});

	const numeric: [NumericDateKind, fc.Arbitrary<[string, number]>][] = [
		// Whole seconds, or with milliseconds.
		['unix-s', fc.tuple(fc.integer({ min: 315_532_800, max: 4_102_444_800 }), fc.option(fc.integer({ min: 0, max: 999 }))).map(([s, ms]) => [ms === null ? String(s) : `${s}.${String(ms).padStart(3, '0')}`, s * 1000 + (ms ?? 0)])],
		['unix-ms', fc.integer({ min: 315_532_800_000, max: 4_102_444_800_000 }).map((ms) => [String(ms), ms])],
		// Days, and quarters of a day (exact in binary: the instant is exact too).
		['excel-serial', fc.tuple(fc.integer({ min: 20_000, max: 73_050 }), fc.constantFrom('', '.25', '.5', '.75')).map(([d, f]) => [`${d}${f}`, Math.round((d + Number(`0${f}`) - 25_569) * 86_400_000)])]
	];
	it.each(numeric)('%s: detected as such, the same instant in JS and SQL', async (kind, arb) => {
		const cases = fc.sample(arb, { seed: SEED, numRuns: 300 });
		const values = cases.map(([v]) => v);
		expectAt(detectNumericDate(values)?.kind).toBe(kind);
		expectAt(values.map((v) => numericDateToMs(Number(v), kind))).toEqual(cases.map(([, ms]) => ms));
		expectAt(await sqlDates(values, { strptime: [], label: kind, dateOnly: false, numeric: kind })).toEqual(cases.map(([, ms]) => ms));
	});
});

/**
 * A moment made impossible: month 13+, day past the month's end (Feb 30, Apr 31, day 32), hour 24+,
 * minute 60+, or a year of 1–3 digits ('24-01-05': DuckDB's %Y reads it as the year 24).
 */
const impossible: fc.Arbitrary<Moment> = fc.tuple(moment, fc.constantFrom('month', 'day', 'hour', 'minute', 'year'), fc.integer({ min: 0, max: 5 })).map(([t, what, k]) => {
	const time = t.time ?? { h: 12, mi: 0, s: null, frac: null };
	if (what === 'year') return { ...t, y: t.y % [10, 100, 1000][k % 3]! };
	if (what === 'month') return { ...t, m: 13 + k };
	if (what === 'day') return { ...t, d: daysIn(t.y, t.m) + 1 + (k % 2) };
	if (what === 'hour') return { ...t, time: { ...time, h: 24 + k } };
	return { ...t, time: { ...time, mi: 60 + k } };
});

describe('impossible dates and junk are refused by JS and SQL alike', () => {
	it.each(DATE_LABELS.map((l) => [l]))('%s', async (label) => {
		// Never a digit: junk that could extend a part ('0' before '5.1.2024') may leave a valid date.
		const junk = fc.constantFrom('x', 'a ', '#', '-', '/', '日', 'T', ':');
		const off = label === ZONED ? '+08:00' : '';
		const cases = fc.sample(
			fc.oneof(
				impossible.filter((t) => label !== 'YYYYMMDD' || t.y < 1000 || t.m > 12 || t.d > daysIn(t.y, Math.min(t.m, 12))).map((t) => write(label, label === ZONED && !t.time ? { ...t, time: { h: 1, mi: 2, s: null, frac: null } } : t, off)),
				fc.tuple(junk, moment, junk, fc.nat(2)).map(([a, t, b, where]) => {
					const v = write(label, label === ZONED ? { ...t, time: t.time ?? { h: 1, mi: 2, s: 3, frac: null } } : t, off);
					return where === 0 ? `${a}${v}` : where === 1 ? `${v}${b}` : `${a}${v}${b}`;
				})
			),
			{ seed: SEED, numRuns: 300 }
		);
		const values = cases;
		const f = dateFormatForLabel(label)!;
		const got = await sqlDates(values, f);
		const acceptedJs = values.filter((v) => readDateParts(v, label) !== null);
		const acceptedSql = values.filter((_, i) => got[i] !== null);
		expectAt({ js: acceptedJs.slice(0, 5), sql: acceptedSql.slice(0, 5) }).toEqual({ js: [], sql: [] });
	});
});

describe('JS and SQL accept the same random strings, and read the same date from them', () => {
	const PIECES = ['2024', '1999', '1', '2', '05', '12', '13', '29', '30', '31', '0', '00', '9', '-', '/', '.', ' ', 'T', ':', '年', '月', '日', 'Z', '+08:00', '+0800', ' -0500', '.123', 'x', '\u00a0'];
	const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
	it.each(DATE_LABELS.map((l) => [l]))('%s', async (label) => {
		// Shapes of dates with pieces swapped, and free concatenations of the pieces.
		const near = fc.tuple(moment, fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...PIECES)), { maxLength: 2 })).map(([t, edits]) => {
			let v = write(label, label === ZONED ? { ...t, time: t.time ?? { h: 1, mi: 2, s: null, frac: null } } : t, label === ZONED ? 'Z' : '');
			for (const [at, p] of edits) v = v.slice(0, at % (v.length + 1)) + p + v.slice((at % (v.length + 1)) + 1);
			return v;
		});
		const values = fc.sample(fc.oneof(near, text), { seed: SEED, numRuns: 400 });
		const got = await sqlDates(values, dateFormatForLabel(label)!);
		const disagree = values.flatMap((v, i) => {
			const js = readDateParts(v, label);
			const ts = got[i];
			const sqlParts = ts === null || ts === undefined ? null : [new Date(ts).getUTCFullYear(), new Date(ts).getUTCMonth() + 1, new Date(ts).getUTCDate()];
			// With an offset the instant's UTC day may differ from the written day: compare acceptance only.
			const same = label === ZONED ? (js === null) === (ts === null) : String(js) === String(sqlParts);
			return same ? [] : [{ v, js, sql: sqlParts }];
		});
		expectAt(disagree.slice(0, 5)).toEqual([]);
	});
});
