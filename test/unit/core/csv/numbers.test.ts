import { describe, expect, it } from 'vitest';
import { detectNumberFormat, parseNumber, PLAIN_NUMBER, type NumberFormat } from '../../../../src/core/csv/numbers.ts';
import { numberExpr } from '../../../../src/core/sql/parse.ts';
import { ident, join, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** numberExpr() over `values` in DuckDB; NULL → NaN so it compares with parseNumber(). */
async function parseInDuckDb(values: string[], f: NumberFormat): Promise<number[]> {
	await db.exec(sql`CREATE OR REPLACE TABLE n (i INTEGER, v VARCHAR)`);
	await db.exec(sql`INSERT INTO n VALUES ${join(values.map((v, i) => sql`(${i}, ${v})`))}`);
	const r = await db.query<{ x: number | null }>(sql`SELECT ${numberExpr('v', f)} AS x FROM ${ident('n')} ORDER BY i`);
	return r.rows.map((x) => x.x ?? NaN);
}

const DOT_COMMA: NumberFormat = { decimal: '.', thousands: ',', decorated: false };
const COMMA_DOT: NumberFormat = { decimal: ',', thousands: '.', decorated: false };

interface Case {
	name: string;
	values: string[];
	format: Omit<NumberFormat, 'decorated'>;
	decorated: boolean;
	expected: number[];
	integer: boolean;
}

const CASES: Case[] = [
	{ name: 'plain', values: ['12', '-3', '0.5', '1e3', '+7'], format: { decimal: '.', thousands: '' }, decorated: false, expected: [12, -3, 0.5, 1000, 7], integer: false },
	{ name: 'thousands comma', values: ['1,234.56', '12', '1,000,000'], format: { decimal: '.', thousands: ',' }, decorated: false, expected: [1234.56, 12, 1000000], integer: false },
	{ name: 'decimal comma, thousands dot', values: ['1.234,56', '12,5', '3'], format: { decimal: ',', thousands: '.' }, decorated: false, expected: [1234.56, 12.5, 3], integer: false },
	{ name: 'yen / fen signs', values: ['¥12.50', '￥1,200', '¥ 3'], format: { decimal: '.', thousands: ',' }, decorated: true, expected: [12.5, 1200, 3], integer: false },
	{ name: 'dollar and euro', values: ['$12.50', '€3', '-$4'], format: { decimal: '.', thousands: '' }, decorated: true, expected: [12.5, 3, -4], integer: false },
	{ name: 'RMB and 元', values: ['RMB 12.5', '8元', 'rmb3', '12'], format: { decimal: '.', thousands: '' }, decorated: true, expected: [12.5, 8, 3, 12], integer: false },
	{ name: 'accounting negatives in parentheses', values: ['(12.50)', '4', '($3)'], format: { decimal: '.', thousands: '' }, decorated: true, expected: [-12.5, 4, -3], integer: false },
	{ name: 'percent (the sign is dropped, the number kept)', values: ['12%', '7.5%'], format: { decimal: '.', thousands: '' }, decorated: true, expected: [12, 7.5], integer: false },
	{
		name: 'NBSP, narrow NBSP and thin-space thousands with a decimal comma (French, Russian exports)',
		values: ['1\u00a0234,50', '12\u202f345\u202f678,9', '1\u2009000', '1 000 000', '12,5'],
		format: { decimal: ',', thousands: ' ' },
		decorated: false,
		expected: [1234.5, 12345678.9, 1000, 1000000, 12.5],
		integer: false
	},
	{ name: 'space thousands with a decimal point', values: ['1 234.50', '1\u00a0000', '12.5'], format: { decimal: '.', thousands: ' ' }, decorated: false, expected: [1234.5, 1000, 12.5], integer: false },
	// A decorated value loses every space (JavaScript's \s, spelled out for RE2), so no thousands separator is needed.
	{ name: 'NBSP after a currency sign', values: ['€\u00a01\u00a0234,50', '12,5\u202f€'], format: { decimal: ',', thousands: '' }, decorated: true, expected: [1234.5, 12.5], integer: false }
];

describe('detectNumberFormat() and parseNumber()', () => {
	it.each(CASES)('$name', (c) => {
		const d = detectNumberFormat(c.values)!;
		expect(d.format).toEqual({ ...c.format, decorated: c.decorated });
		expect(d.share).toBe(1);
		expect(c.values.map((v) => parseNumber(v, d.format))).toEqual(c.expected);
	});

	it('integer is true when every value is whole', () => {
		expect(detectNumberFormat(['1', '2', '30'])).toEqual({ format: PLAIN_NUMBER, share: 1, integer: true });
		expect(detectNumberFormat(['17850.0', '12346.0'])?.integer).toBe(true);
	});

	it('not numbers → null; share counts the readable ones', () => {
		expect(detectNumberFormat(['abc', 'x1'])).toBeNull();
		expect(detectNumberFormat(['1', 'abc'])?.share).toBe(0.5);
	});
});

// Every string here must give the same number (or the same "not a number") in JS and in SQL.
const AGREEMENT: [string, NumberFormat, string[]][] = [
	['plain', PLAIN_NUMBER, ['12', ' 12 ', '-3', '+5', '.5', '5.', '1e3', '1E-2', '0012', 'NaN', 'Infinity', 'inf', '1_000', '0x10', '1,5', '-', '', 'abc', '--5', '1e400', '12 34']],
	['thousands comma', DOT_COMMA, ['1,234.56', '1,2,3', '12', '-1,000', '1.2.3', ',']],
	['decimal comma', COMMA_DOT, ['1.234,56', '12,5', '1,2,3', '-0,5', '1.000']],
	['decimal comma, no thousands', { decimal: ',', thousands: '', decorated: false }, ['12,5', '12.5', '1 000,5']],
	['thousands space', { decimal: ',', thousands: ' ', decorated: false }, ['1 234,56', '12']],
	['decorated', { decimal: '.', thousands: ',', decorated: true }, ['¥12.50', '￥1,200', '$-3', '(12.50)', '(-5)', '()', '(¥3)', 'RMB 12', 'CNY5', '8元', '12%', '€ 7', '£2', 'USD 5', '(1,234.5)', '¥']],
	['decorated, decimal comma', { decimal: ',', thousands: '.', decorated: true }, ['€ 1.234,56', '(3,50) €', '12,5%']]
];

describe('numberExpr() in DuckDB agrees with parseNumber()', () => {
	it.each(AGREEMENT)('%s', async (_name, f, values) => {
		const js = values.map((v) => parseNumber(v, f));
		expect(await parseInDuckDb(values, f)).toEqual(js);
	});

	it('spot checks of the agreed values', () => {
		expect(parseNumber('1_000', PLAIN_NUMBER)).toBeNaN(); // TRY_CAST alone would say 1000
		expect(parseNumber('1e400', PLAIN_NUMBER)).toBeNaN(); // not Infinity
		expect(parseNumber('(-5)', { decimal: '.', thousands: '', decorated: true })).toBe(5);
		expect(parseNumber('€ 1.234,56', { decimal: ',', thousands: '.', decorated: true })).toBe(1234.56);
	});
});
