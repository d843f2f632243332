/**
 * Property tests of the number and id parsers (fast-check, fixed seeds): parseNumber() and its SQL
 * (numberExpr) agree on thousands of generated cells, NBSP and thin spaces included; a number
 * written with any of a format's separators reads back as itself; the id cleaning (idExpr) is
 * idempotent, ignores surrounding spaces, NBSP and NUL bytes, and leaves an id blank only when
 * nothing else is in it. Each batch is one query, so the engine is not called per case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, type NumberFormat } from '../../../../src/core/csv/numbers.ts';
import { unwrapExcel } from '../../../../src/core/import/order-rules.ts';
import { idExpr, numberExpr } from '../../../../src/core/sql/parse.ts';
import { unwrapSql } from '../../../../src/core/sql/order-rules.ts';
import { trimSql } from '../../../../src/core/sql/trim.ts';
import { ident, join, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();
const SEED = 20261205;
const NUL_MARK = '\ue000';

async function column(values: readonly string[], expr: (col: string) => Sql): Promise<(string | number | null)[]> {
	await db.exec(sql`CREATE OR REPLACE TABLE p (i INTEGER, v VARCHAR)`);
	// lit() refuses NUL bytes: they travel as U+E000 and are put back in SQL.
	await db.exec(sql`INSERT INTO p VALUES ${join(values.map((v, i) => sql`(${i}, replace(${v.replaceAll('\u0000', NUL_MARK)}, ${NUL_MARK}, chr(0)))`))}`);
	const r = await db.query(sql`SELECT ${expr('v')} AS x FROM ${ident('p')} ORDER BY i`);
	return r.rows.map((x) => x.x as string | number | null);
}

const FORMATS: NumberFormat[] = [
	{ decimal: '.', thousands: '', decorated: false },
	{ decimal: '.', thousands: ',', decorated: false },
	{ decimal: ',', thousands: '.', decorated: false },
	{ decimal: ',', thousands: ' ', decorated: false },
	{ decimal: '.', thousands: ' ', decorated: false },
	{ decimal: '.', thousands: "'", decorated: false },
	{ decimal: ',', thousands: ' ', decorated: true },
	{ decimal: '.', thousands: ',', decorated: true }
];

/** Cells made of the characters numbers are written with, and the spaces that sneak into them. */
const PIECES = ['0', '1', '2', '5', '9', '12', '345', '.', ',', "'", ' ', '\u00a0', '\u202f', '\u2009', '\u3000', '\t', '-', '+', '(', ')', 'e', 'E', '¥', '€', '$', '%', '元', '_'];
const cell = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 9 }).map((p) => p.join(''));

describe('parseNumber() and numberExpr() agree on generated cells', () => {
	it.each(FORMATS.map((f) => [JSON.stringify(f), f] as const))('%s', async (_n, f) => {
		const values = fc.sample(cell, { seed: SEED, numRuns: 1500 });
		const got = (await column(values, (c) => numberExpr(c, f))).map((x) => (x === null ? NaN : Number(x)));
		const mismatches = values.flatMap((v, i) => (Object.is(got[i], parseNumber(v, f)) ? [] : [{ v, sql: got[i], js: parseNumber(v, f) }]));
		expect(mismatches.slice(0, 5)).toEqual([]);
	});
});

/** A whole number written in groups of three with `sep`, and a decimal part after `dec`. */
function written(whole: number, cents: number, sep: string, dec: string): string {
	const groups = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
	return `${groups}${dec}${String(cents).padStart(2, '0')}`;
}

describe('a number written with a format separators reads back as itself', () => {
	it('decimal comma, grouped with a space, NBSP, narrow NBSP or thin space', () => {
		const f: NumberFormat = { decimal: ',', thousands: ' ', decorated: false };
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009'), (whole, cents, sep) => {
				expect(parseNumber(written(whole, cents, sep, ','), f)).toBe(Number(`${whole}.${String(cents).padStart(2, '0')}`));
			}),
			{ seed: SEED, numRuns: 500 }
		);
	});

	it('the same numbers in DuckDB', async () => {
		const f: NumberFormat = { decimal: ',', thousands: ' ', decorated: false };
		const arb = fc.tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009'));
		const cases = fc.sample(arb, { seed: SEED, numRuns: 500 });
		const got = await column(cases.map(([w, c, s]) => written(w, c, s, ',')), (col) => numberExpr(col, f));
		expect(got).toEqual(cases.map(([w, c]) => Number(`${w}.${String(c).padStart(2, '0')}`)));
	});
});

const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u3000', '\u0000'];
const pad = fc.array(fc.constantFrom(...SPACES), { maxLength: 3 }).map((p) => p.join(''));
const core = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,8}$/);

describe('idExpr(): the one id cleaning', () => {
	it('ignores spaces, NBSP and NUL bytes around an id, and NUL bytes inside it', async () => {
		const cases = fc.sample(fc.tuple(pad, core, pad, fc.nat(9)), { seed: SEED, numRuns: 800 });
		// A NUL byte put at position k of the id (at most its length) is removed.
		const values = cases.map(([a, id, b, k]) => `${a}${id.slice(0, k)}\u0000${id.slice(k)}${b}`);
		const got = await column(values, idExpr);
		expect(got).toEqual(cases.map(([, id]) => id.replace(/^(\d+)\.0+$/, '$1')));
	});

	it('is blank exactly when a cell holds nothing but spaces, NBSP and NUL bytes', async () => {
		const values = fc.sample(pad, { seed: SEED, numRuns: 300 });
		expect(await column(values, idExpr)).toEqual(values.map(() => null));
	});

	it("reads an id through Excel's =\"…\" wrapper, a leading apostrophe and a float's '.0' ('17850.0' → '17850')", async () => {
		const wrap = fc.constantFrom('plain', 'formula', 'apostrophe');
		// Spaces around the wrapper (a NUL byte before it is not a space: the wrapper is then kept).
		const spaces = fc.array(fc.constantFrom(...SPACES.filter((c) => c !== '\u0000')), { maxLength: 3 }).map((p) => p.join(''));
		const cases = fc.sample(fc.tuple(spaces, core, wrap, fc.constantFrom('', '.0', '.00'), spaces), { seed: SEED, numRuns: 800 });
		const values = cases.map(([a, id, w, zeros, b]) => {
			const v = /^\d+$/.test(id) ? `${id}${zeros}` : id;
			return `${a}${w === 'formula' ? `="${v}"` : w === 'apostrophe' ? `'${v}` : v}${b}`;
		});
		const got = await column(values, idExpr);
		expect(got, `seed ${SEED}`).toEqual(cases.map(([, id]) => id.replace(/^(\d+)\.0+$/, '$1')));
	});

	it('unwraps in SQL exactly as unwrapExcel() does in JS, on generated cells', async () => {
		const bits = fc.constantFrom('=', '"', '""', "'", ' ', 'a', '1', '.0', '="', '\u00a0');
		const values = fc.sample(fc.array(bits, { maxLength: 8 }).map((p) => p.join('')), { seed: SEED, numRuns: 1000 });
		const got = await column(values, (c) => unwrapSql(trimSql(ident(c))));
		const js = values.map((v) => unwrapExcel(v));
		const mismatches = values.flatMap((v, i) => (got[i] === js[i] ? [] : [{ v, sql: got[i], js: js[i] }]));
		expect(mismatches.slice(0, 5), `seed ${SEED}`).toEqual([]);
	});

	// Excel's wrapper is one layer: "''8" is "'8" once cleaned, so ids still starting with ' or = are not re-checked.
	it('is idempotent', async () => {
		const values = fc.sample(fc.tuple(pad, fc.string({ maxLength: 8 }), pad).map((p) => p.join('')), { seed: SEED, numRuns: 800 });
		const once = (await column(values, idExpr)).filter((x) => x === null || !/^['=]/.test(String(x)));
		const again = await column(once.map((x) => (x === null ? '' : String(x))), idExpr);
		expect(once.length).toBeGreaterThan(700);
		expect(again).toEqual(once);
	});
});
