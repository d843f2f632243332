import { describe, expect, it } from 'vitest';
import { dateLit, ident, isSql, join, lit, raw, sql, type LitValue, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

// CSV headers are user input: every one of these must name a column, nothing more.
const ODD_NAMES = [
	'customer_id',
	'a"b',
	'""',
	'客户 ID',
	'; DROP TABLE x; --',
	"it's",
	'Order Date (UTC)',
	'with\nnewline',
	'select',
	'  padded  ',
	'emoji 🛒',
	'back\\slash'
];

describe('ident()', () => {
	it.each(ODD_NAMES)('round-trips %j as a column name through DuckDB', async (name) => {
		const r = await db.query(sql`SELECT 1 AS ${ident(name)}`);
		expect(r.columns.map((c) => c.name)).toEqual([name]);
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident('t ' + name)} (${ident(name)} VARCHAR)`);
		await db.exec(sql`INSERT INTO ${ident('t ' + name)} VALUES (${name})`);
		const back = await db.query(sql`SELECT ${ident(name)} FROM ${ident('t ' + name)}`);
		expect(back.rows).toEqual([{ [name]: name }]);
	});

	it('doubles embedded quotes and wraps in double quotes', () => {
		expect(ident('a"b').text).toBe('"a""b"');
		expect(ident('').text).toBe('""');
	});

	it('refuses a NUL character', () => {
		expect(() => ident('a\u0000b')).toThrow(/NUL/);
	});
});

describe('lit()', () => {
	const VALUES: [string, LitValue][] = [
		['plain text', 'hello'],
		['single quote', "O'Brien"],
		['two quotes', "''"],
		['double quote', 'say "hi"'],
		['Chinese', '张三·客户'],
		['emoji', '🛒✨'],
		['backslash', 'C:\\temp\\x'],
		['newline and tab', 'a\nb\tc'],
		['injection attempt', "x'); DROP TABLE t; --"],
		['empty string', ''],
		['integer', 42],
		['negative decimal', -12.5],
		['large number', 1e21],
		['true', true],
		['false', false],
		['null', null]
	];
	it.each(VALUES)('round-trips %s as a value', async (_label, v) => {
		const r = await db.query(sql`SELECT ${lit(v)} AS v`);
		expect(r.rows[0]?.v).toBe(v);
	});

	it('writes -0 as 0 and bigints as integers', async () => {
		expect(lit(-0).text).toBe('0');
		const r = await db.query(sql`SELECT ${lit(12345678901234n)} AS v`);
		expect(r.rows[0]?.v).toBe(12345678901234);
	});

	it('writes a midnight UTC Date as DATE and another as TIMESTAMP (epoch ms back)', async () => {
		expect(lit(new Date('2024-01-05T00:00:00Z')).text).toBe("DATE '2024-01-05'");
		expect(lit(new Date('2024-01-05T08:30:00.250Z')).text).toBe("TIMESTAMP '2024-01-05 08:30:00.250'");
		const r = await db.query(sql`SELECT ${lit(new Date('2024-01-05T08:30:00.250Z'))} AS v`);
		expect(r.rows[0]?.v).toBe(Date.UTC(2024, 0, 5, 8, 30, 0, 250));
	});

	it.each([
		['NaN', NaN],
		['Infinity', Infinity],
		['invalid Date', new Date('nope')],
		['NUL in string', 'a\u0000']
	] as [string, LitValue][])('refuses %s', (_label, v) => {
		expect(() => lit(v)).toThrow();
	});
});

describe('dateLit()', () => {
	it.each(['2024-01-05', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', async (d) => {
		expect(dateLit(d).text).toBe(`DATE '${d}'`);
		const r = await db.query(sql`SELECT strftime(${dateLit(d)}, '%Y-%m-%d') AS v`);
		expect(r.rows[0]?.v).toBe(d);
	});

	it.each([
		'2023-02-29', // not a leap year
		'1900-02-29', // century, not a leap year
		'2024-13-01',
		'2024-04-31',
		'2024-00-10',
		'2024-1-5',
		'05/01/2024',
		'2024-01-05 08:00',
		"2024-01-05'; DROP TABLE x; --",
		''
	])('rejects %j', (d) => {
		expect(() => dateLit(d)).toThrow();
	});
});

describe('sql`` tag', () => {
	it.each(["'; DROP TABLE guard; --", 'x" OR 1=1 --', "\\'; SELECT 1; --", '$1', '?'])(
		'binds the plain string %j as a literal (it stays data)',
		async (attack) => {
			await db.exec(sql`CREATE OR REPLACE TABLE guard AS SELECT 1 AS n`);
			const r = await db.query(sql`SELECT ${attack} AS v, (SELECT count(*) FROM guard) AS n`);
			expect(r.rows).toEqual([{ v: attack, n: 1 }]);
		}
	);

	it('splices Sql fragments and binds the rest', () => {
		const q = sql`SELECT ${ident('a b')}, ${raw('count(*)')} FROM t WHERE x = ${"it's"} AND y = ${3} AND z IS ${null}`;
		expect(q.text).toBe(`SELECT "a b", count(*) FROM t WHERE x = 'it''s' AND y = 3 AND z IS NULL`);
	});

	it('keeps backslashes of the template text (regular expressions reach DuckDB unchanged)', async () => {
		const r = await db.query(sql`SELECT regexp_matches('a1', '^a\d$') AS v`);
		expect(r.rows[0]?.v).toBe(true);
	});

	it('join() uses the separator', () => {
		expect(join([lit(1), lit('a')]).text).toBe("1, 'a'");
		expect(join([ident('x'), ident('y')], ' UNION ').text).toBe('"x" UNION "y"');
	});
});

describe('the Sql brand (checked by construction, not by shape)', () => {
	const lookAlike = { text: '1; DROP TABLE guard; --' };

	it('refuses a hand-made look-alike at compile time', () => {
		// @ts-expect-error a plain object shaped like Sql is not Sql
		const asSql: Sql = lookAlike;
		// @ts-expect-error a string is not Sql either
		const fromString: Sql = 'SELECT 1';
		expect([asSql, fromString]).toHaveLength(2);
	});

	it('is made only by the builders: isSql() tells a look-alike from the real thing', () => {
		expect(isSql(lookAlike)).toBe(false);
		expect(isSql('SELECT 1')).toBe(false);
		expect(isSql({ ...raw('SELECT 1') })).toBe(false);
		expect(isSql(raw('SELECT 1'))).toBe(true);
		expect(isSql(sql`SELECT ${1}`)).toBe(true);
		expect(Object.isFrozen(ident('a'))).toBe(true);
	});

	it('throws when sql`` is given an object that is neither Sql nor a literal value', () => {
		const interpolate = (v: unknown) => sql`SELECT ${v as Sql} AS v`;
		expect(() => interpolate(lookAlike)).toThrow(TypeError);
		expect(() => interpolate(lookAlike)).toThrow(/not Sql.*text field/);
		expect(() => interpolate(undefined)).toThrow(/undefined/);
		expect(() => interpolate([1, 2])).toThrow(TypeError);
		expect(() => join([lookAlike as unknown as Sql])).toThrow(/Sql fragments only/);
		expect(() => lit(lookAlike as unknown as LitValue)).toThrow(TypeError);
	});

	it('still binds what lit() takes, and a string look-alike stays data', async () => {
		const q = sql`SELECT ${'x'} AS a, ${2} AS b, ${true} AS c, ${null} AS d, ${3n} AS e, ${new Date('2024-01-05T00:00:00Z')} AS f`;
		expect(q.text).toBe(`SELECT 'x' AS a, 2 AS b, TRUE AS c, NULL AS d, 3 AS e, DATE '2024-01-05' AS f`);
		const r = await db.query(sql`SELECT ${lookAlike.text} AS v`);
		expect(r.rows).toEqual([{ v: lookAlike.text }]);
	});
});
