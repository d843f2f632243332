import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { compileExpr } from '../../../../src/core/expr/compile.ts';
import { MAX_DEPTH } from '../../../../src/core/expr/parse.ts';
import { ident, lit, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** A one-row table whose column names are hostile on purpose. */
const COLUMNS = [
	{ name: 'amount', type: 'DOUBLE' },
	{ name: 'qty', type: 'INTEGER' },
	{ name: 'big', type: 'BIGINT' },
	{ name: '实付 金额', type: 'DOUBLE' },
	{ name: 'say "hi"', type: 'VARCHAR' },
	{ name: 'we]ird', type: 'VARCHAR' },
	{ name: 'select', type: 'VARCHAR' },
	{ name: 'drop table x; --', type: 'VARCHAR' },
	{ name: 'ts', type: 'TIMESTAMP' },
	{ name: 'day0', type: 'DATE' },
	{ name: 'empty', type: 'VARCHAR' }
];
const ROW: Sql = sql`SELECT 12.5::DOUBLE AS amount, 3::INTEGER AS qty, 2000000000::BIGINT AS big, 100::DOUBLE AS ${ident('实付 金额')},
	'a''b' AS ${ident('say "hi"')}, 'x' AS ${ident('we]ird')}, 'kw' AS ${ident('select')}, 'bobby' AS ${ident('drop table x; --')},
	TIMESTAMP '2024-03-10 14:30:00' AS ts, DATE '2024-01-01' AS day0, NULL::VARCHAR AS empty`;

async function value(expr: string): Promise<unknown> {
	const c = compileExpr(expr, COLUMNS);
	const r = await db.query<{ v: string | number | boolean | null }>(sql`SELECT ${c.sql} AS v FROM (${ROW}) AS t`);
	return r.rows[0]?.v;
}

function failure(expr: string): { code: string; pos: number } {
	try {
		compileExpr(expr, COLUMNS);
	} catch (e) {
		if (e instanceof ClienteleError) return { code: e.code, pos: Number(e.params.pos) };
		throw e;
	}
	throw new Error(`compiled: ${expr}`);
}

describe('computed-column expressions on DuckDB', () => {
	it.each([
		['amount * qty', 37.5],
		['1 + 2 * 3', 7],
		['(1 + 2) * 3', 9],
		['7 / 2', 3.5],
		['7 % 4', 3],
		['1 / 0', null],
		['-amount', -12.5],
		['1 -- 2', 3],
		['big * big', 4e18],
		['[实付 金额] - amount', 87.5],
		['"实付 金额" / 4', 25],
		['实付', 'unknown'],
		['if(qty > 2, \'many\', \'few\')', 'many'],
		['if(qty >= 4, 1, null)', null],
		['round(2.5)', 3],
		['round(-2.5)', -3],
		['round(0.5)', 1],
		['round(2.675, 2)', 2.68],
		['round(1.005, 2)', 1.01],
		['round(-1.005, 2)', -1.01],
		['round(amount)', 13],
		['date_diff(\'day\', day0, ts)', 69],
		['date_diff(\'MONTH\', day0, ts)', 2],
		['year(ts) * 100 + month(ts)', 202403],
		['hour(ts)', 14],
		// 2024-03-10 is a Sunday, 2024-01-01 a Monday.
		['weekday(ts)', 7],
		['weekday(day0)', 1],
		['concat([say "hi"], \'-\', qty, empty)', "a'b-3.0"],
		['concat("say ""hi""", [we]]ird])', "a'bx"],
		['coalesce(empty, [select], \'z\')', 'kw'],
		['[drop table x; --] = \'bobby\'', true],
		['ts >= \'2024-03-01\' and not (qty < 3)', true],
		['AMOUNT > 12 OR false', true],
		['\'it\'\'s; DROP TABLE t; --\'', "it's; DROP TABLE t; --"],
		['length(\'客户🙂\')', 3]
	])('%s → %j', async (expr, expected) => {
		if (expected === 'unknown') {
			expect(failure(expr)).toEqual({ code: 'expr.unknownColumn', pos: 1 });
			return;
		}
		expect(await value(expr)).toEqual(expected);
	});

	it.each([
		['amount + ', 'expr.expected', 10],
		['amount ; 1', 'expr.badChar', 8],
		['nope + 1', 'expr.unknownColumn', 1],
		['1 + sleep(5)', 'expr.unknownFunction', 5],
		['round(amount, qty)', 'expr.constInt', 15],
		['round(amount, 11)', 'expr.constInt', 15],
		['date_diff(\'fortnight\', ts, ts)', 'expr.badUnit', 11],
		['date_diff(\'day\', amount, ts)', 'expr.needDate', 18],
		['[say "hi"] + 1', 'expr.needNumber', 1],
		['if(amount, 1, 2)', 'expr.needBool', 4],
		['if(qty > 1, 1, \'x\')', 'expr.sameType', 16],
		['\'abc', 'expr.unclosed', 1],
		['[abc', 'expr.unclosed', 1],
		['1 < 2 < 3', 'expr.unexpected', 7],
		['year()', 'expr.arity', 1],
		['12abc', 'expr.badNumber', 1],
		['', 'expr.empty', 1],
		['/* x */ 1', 'expr.unexpected', 1],
		['and', 'expr.unexpected', 1],
		['toString(1)', 'expr.unknownFunction', 1],
		['__proto__(1)', 'expr.unknownFunction', 1]
	])('refuses %j with %s at %i', (expr, code, pos) => {
		expect(failure(expr)).toEqual({ code, pos });
	});

	it('SQL keywords are plain names in the language: a column named select, bare or in brackets', async () => {
		expect(await value('select')).toBe('kw');
		expect(await value('[select]')).toBe('kw');
		expect(failure('from').code).toBe('expr.unknownColumn');
	});

	it('refuses deep nesting with a message, never a stack overflow', () => {
		const cases = [
			'('.repeat(10_000) + '1' + ')'.repeat(10_000),
			'-'.repeat(5_000) + '1',
			'abs('.repeat(500) + '1' + ')'.repeat(500),
			'not '.repeat(300) + 'true',
			Array.from({ length: 600 }, () => '1').join('+')
		];
		for (const c of cases) expect(failure(c.slice(0, 2000)).code, c.slice(0, 20)).toMatch(/^expr\.(tooDeep|tooLong)$/);
		expect(failure('1' + '+1'.repeat(MAX_DEPTH + 1)).code).toBe('expr.tooDeep');
	});

	it('just below the depth limit still compiles and runs', async () => {
		const depth = MAX_DEPTH - 2;
		expect(await value('('.repeat(depth) + '1' + ')'.repeat(depth))).toBe(1);
		expect(await value('1' + '+1'.repeat(MAX_DEPTH - 2))).toBe(MAX_DEPTH - 1);
	});

	it('the generated SQL never contains a comment or a statement separator from the input', () => {
		for (const e of ['1 -- 2', '[drop table x; --] = \'a\'', '--1', '\'--\'']) {
			const s = compileExpr(e, COLUMNS).sql.text;
			const outsideQuotes = s.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, '');
			expect(outsideQuotes, e).not.toMatch(/--|;/);
		}
		expect(lit('x').text).toBe("'x'");
	});
});
