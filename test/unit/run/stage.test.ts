/**
 * applyMapping parses every raw row once (staging table) instead of twice (validateMappingSql, then
 * buildTxSql). These tests prove the new path gives exactly what the old two-pass path gave: the same
 * checks and the same typed table, on every fixture and on a table of awkward values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSample, detectEncoding } from '../../../src/core/csv/encoding.ts';
import type { NumberFormat } from '../../../src/core/csv/numbers.ts';
import { blankSql, trimSql } from '../../../src/core/sql/trim.ts';
import { cleanCellSql, unwrapSql } from '../../../src/core/sql/order-rules.ts';
import { buildTxSql, validateMappingSql } from '../../helpers/two-pass-import.ts';
import { numberExpr, type TxMapping } from '../../../src/core/sql/parse.ts';
import { type RoleCheck } from '../../../src/core/sql/role-check.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { type LoadedFile } from '../../../src/run/loaded-file.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const db = useDb();

const OLD_TX = 'tx_old';

async function table(name: string) {
	return (await db.query(sql`SELECT src_row, customer_id, order_id, ts, amount FROM ${ident(name)} ORDER BY src_row`)).rows;
}

/** The two-pass path as it was: checks from validateMappingSql, table from buildTxSql. */
async function oldPath(mapping: TxMapping): Promise<RoleCheck[]> {
	const checks = (await db.query<RoleCheck & Record<string, string | number | null>>(validateMappingSql({ source: RAW_TABLE, mapping }))).rows;
	await db.exec(buildTxSql({ source: RAW_TABLE, target: OLD_TX, mapping }));
	return checks.map((c) => ({ ...c }));
}

async function compare(file: LoadedFile, mapping: TxMapping): Promise<void> {
	const before = await oldPath(mapping);
	const res = await applyMapping(db, file, mapping);
	const byRole = (cs: readonly RoleCheck[]) => [...cs].sort((a, b) => a.role.localeCompare(b.role));
	expect(byRole(res.checks)).toEqual(byRole(before));
	// Errors block the build in both paths; otherwise the tables are identical row for row.
	if (res.errors.length === 0) expect(await table(TX_TABLE)).toEqual(await table(OLD_TX));
}

const FILES = [
	...fs.readdirSync(fixture('import')).filter((f) => /\.(csv|tsv)$/.test(f)).map((f) => ['import', f] as const),
	...fs.readdirSync(fixture('foundation')).filter((f) => f.endsWith('.csv')).map((f) => ['foundation', f] as const)
];

describe('one parse pass equals the two-pass path on every fixture (guessed mapping)', () => {
	it.each(FILES)('%s/%s', async (dir, name) => {
		const p = fixture(dir, name);
		const bytes = new Uint8Array(fs.readFileSync(p));
		const det = detectEncoding(bytes);
		// Files that need transcoding are compared after the page would transcode them.
		const text = decodeSample(bytes, det.encoding);
		const source = det.encoding === 'utf-8' ? ({ kind: 'path', path: p } as const) : ({ kind: 'text', text } as const);
		// A file the importer refuses (e.g. a late ragged row) has nothing to compare.
		const f = await loadFile(db, { fileName: path.basename(p), source, sample: text }).catch((e: unknown) => {
			expect(e).toMatchObject({ code: 'import.readFailed' });
			return undefined;
		});
		if (f === undefined) return;
		expect(f).not.toBeNull();
		const mapping = mappingFor(f!.sniff, f!.guess);
		if (!mapping.roles.customer || !mapping.roles.date || !(mapping.roles.amount || (mapping.roles.quantity && mapping.roles.price))) return;
		await compare(f!, mapping);
	});
});

const PLAIN: NumberFormat = { decimal: '.', thousands: '', decorated: false };
const GROUPED: NumberFormat = { decimal: '.', thousands: ',', decorated: true };
const COMMA: NumberFormat = { decimal: ',', thousands: '.', decorated: false };

/** Awkward cells: the fast number path must defer to the full parser for every one of them. */
const AMOUNTS = ['12', ' 7.5 ', '1_000', '1e400', 'inf', '-inf', 'nan', '\t5', '5\t', '1.e5', '+.5', '.e5', '-0', '', '   ', null, '(3)', '¥1,234.50', '1,234', '1.234', '1.234,5', 'abc', '0x10', '12%', '1e5', '\n5', '5\r', '\u00a05', '1e-5', '1E+05', '--1', '1.5e', '٣', 'Infinity', '1d', '+', '.', '007', '1.50元', 'RMB 3', '\u30005', '5\u00a0', '\u3000', '\u2003 5 \u3000', '5 ', ' 5', '中5', '5中'];
const IDS = ['17850.0', '0007', ' C1 ', '', null, '1.5', '.0', '12.00', 'A.B', '\u3000C2', 'C3\u00a0', '\u3000', '客户1', ' 客户2 ', '\tC4'];

async function makeRaw(): Promise<LoadedFile> {
	await db.exec(sql`CREATE OR REPLACE TABLE ${ident(RAW_TABLE)} (cust VARCHAR, d VARCHAR, amt VARCHAR, q VARCHAR, p VARCHAR, o VARCHAR)`);
	const n = AMOUNTS.length * IDS.length;
	for (let i = 0; i < n; i++) {
		const a = AMOUNTS[i % AMOUNTS.length]!;
		const id = IDS[Math.floor(i / AMOUNTS.length) % IDS.length]!;
		const d = i % 11 === 0 ? 'not a date' : i % 13 === 0 ? '' : `2024-0${(i % 9) + 1}-1${i % 10}`;
		await db.exec(sql`INSERT INTO ${ident(RAW_TABLE)} VALUES (${id}, ${d}, ${a}, ${AMOUNTS[(i * 7) % AMOUNTS.length]!}, ${a}, ${IDS[i % IDS.length]!})`);
	}
	const file = { fileName: 'awkward.csv', table: RAW_TABLE, rows: n, guess: {} } as unknown as LoadedFile;
	return file;
}

describe('one parse pass equals the two-pass path on awkward values', () => {
	const date = { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true };
	it.each([
		['amount, plain', { customer: 'cust', date: 'd', amount: 'amt', order: 'o' }, { amount: PLAIN }],
		['amount, grouped and decorated', { customer: 'cust', date: 'd', amount: 'amt' }, { amount: GROUPED }],
		['amount, decimal comma', { customer: 'o', date: 'd', amount: 'amt' }, { amount: COMMA }],
		['quantity × price', { customer: 'cust', date: 'd', quantity: 'q', price: 'p', order: 'o' }, { quantity: PLAIN, price: GROUPED }]
	] as const)('%s', async (_name, roles, numberFormats) => {
		const file = await makeRaw();
		await compare(file, { roles, dateFormat: date, numberFormats });
	});

	it('a mapping with errors leaves the previous typed table as it was', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(RAW_TABLE)} AS
			SELECT 'c' || (i % 7) AS cust, strftime(DATE '2024-01-01' + CAST(i AS INTEGER), '%Y-%m-%d') AS d, CAST(i * 1.5 AS VARCHAR) AS amt, 'n' || i AS note
			FROM range(40) t(i)`);
		const file = { fileName: 'clean.csv', table: RAW_TABLE, rows: 40, guess: {} } as unknown as LoadedFile;
		const good: TxMapping = { roles: { customer: 'cust', date: 'd', amount: 'amt' }, dateFormat: date, numberFormats: { amount: PLAIN } };
		const ok = await applyMapping(db, file, good);
		expect(ok.errors).toEqual([]);
		const kept = await table(TX_TABLE);
		expect(kept.length).toBe(ok.txRows);
		const bad = await applyMapping(db, file, { ...good, roles: { customer: 'cust', date: 'amt', amount: 'amt' } });
		expect(bad.errors.length).toBeGreaterThan(0);
		const bad2 = await applyMapping(db, file, { ...good, roles: { customer: 'cust', date: 'note', amount: 'amt' } });
		expect(bad2.errors.map((e) => e.code)).toContain('mapping.notDates');
		expect(await table(TX_TABLE)).toEqual(kept);
		// The staging table does not outlive the call.
		const t = await db.query(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'tx_stage'`);
		expect(t.rows[0]?.n).toBe(0);
	});
});

describe('the fast number path gives what the full parser gives', () => {
	it.each([
		['plain', PLAIN],
		['grouped and decorated', GROUPED],
		['plain, decorated', { decimal: '.', thousands: '', decorated: true } as NumberFormat],
		['decimal comma', COMMA]
	] as const)('%s', async (_name, f) => {
		await db.exec(sql`CREATE OR REPLACE TABLE nums (i INTEGER, v VARCHAR)`);
		for (const [i, v] of AMOUNTS.entries()) await db.exec(sql`INSERT INTO nums VALUES (${i}, ${v})`);
		const r = await db.query<{ v: string | null; fast: number | null; slow: number | null }>(
			sql`SELECT v, ${numberExpr('v', f)} AS fast, ${numberExpr('v', f, { fastPath: false })} AS slow FROM nums ORDER BY i`
		);
		expect(r.rows.length).toBe(AMOUNTS.length);
		for (const row of r.rows) expect({ v: row.v, x: row.fast }).toEqual({ v: row.v, x: row.slow });
	});
});

describe('the cheap trim and blank tests give what trim() gives', () => {
	// Every Unicode space DuckDB's trim() removes, tabs and line breaks (it keeps them), non-ASCII text.
	const SPACES = [32, 160, 5760, 8192, 8194, 8202, 8239, 8287, 12288].map((c) => String.fromCodePoint(c));
	const CORES = ['', 'a', '5', '中', 'é', '\t', '\n', 'a b', '€'];
	const VALUES: (string | null)[] = [null];
	for (const core of CORES) {
		VALUES.push(core);
		for (const sp of SPACES) VALUES.push(sp + core, core + sp, sp + core + sp, sp + sp);
	}

	it('on spaces, tabs and non-ASCII text around short values', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE texts (i INTEGER, v VARCHAR)`);
		for (const [i, v] of VALUES.entries()) await db.exec(sql`INSERT INTO texts VALUES (${i}, ${v})`);
		const v = ident('v');
		const r = await db.query<{ same_trim: boolean | null; same_blank: boolean }>(
			sql`SELECT ${trimSql(v)} IS NOT DISTINCT FROM trim(v) AS same_trim,
				${blankSql(v)} = (v IS NULL OR trim(v) = '') AS same_blank FROM texts ORDER BY i`
		);
		expect(r.rows.length).toBe(VALUES.length);
		r.rows.forEach((row, i) => expect({ v: VALUES[i], ...row }).toEqual({ v: VALUES[i], same_trim: true, same_blank: true }));
	});
});

describe('the usual-cell test of cleanCellSql changes nothing', () => {
	// Cells the test lets through and cells it must not: Excel's ="…" and apostrophe, = and ' inside,
	// spaces (ASCII and Unicode) at either end, control characters, DEL, NUL (written \u0001: a literal
	// cannot hold it; replaced in SQL), non-ASCII text.
	const CORES = ['', 'a', '00123', '="00123"', "'00123", '=1+1', "a'b", 'a=b', '="a b"', ' ="7" ', '中', 'é', '\u007f', '\u007fx', 'x\u007f', '\u0001', 'a\u0001b', '!', '~', '12.50'];
	const AROUND = ['', ' ', '\u00a0', '\u3000', '\t', '\n'];
	const VALUES: (string | null)[] = [null];
	for (const core of CORES) for (const a of AROUND) VALUES.push(core + a, a + core, a + core + a);

	it('gives unwrapSql(trimSql(v)) for every value', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE cells (i INTEGER, v VARCHAR)`);
		for (const [i, v] of VALUES.entries()) await db.exec(sql`INSERT INTO cells VALUES (${i}, replace(${v}, chr(1), chr(0)))`);
		const v = ident('v');
		const r = await db.query<{ fast: string | null; slow: string | null }>(
			sql`SELECT ${cleanCellSql(v)} AS fast, ${unwrapSql(trimSql(v))} AS slow FROM cells ORDER BY i`
		);
		expect(r.rows.length).toBe(VALUES.length);
		r.rows.forEach((row, i) => expect({ v: VALUES[i], x: row.fast }).toEqual({ v: VALUES[i], x: row.slow }));
		// The slow path does change some of them (the comparison is not between two no-ops).
		expect(r.rows.filter((row, i) => row.slow !== VALUES[i]).length).toBeGreaterThan(50);
	});
});
