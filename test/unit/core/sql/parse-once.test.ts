import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_KINDS, resolveQualityOptions, type QualityFixes } from '../../../../src/core/csv/quality.ts';
import type { NumberFormat } from '../../../../src/core/csv/numbers.ts';
import { DEFAULT_DATE_FORMAT } from '../../../../src/core/import/mapping.ts';
import { buildTouchpointSql, validateTouchpointSql, type TouchpointMapping } from '../../../../src/core/sql/journey.ts';
import { amountExpr, costExpr, dateExpr, idExpr, numberExpr, type TxMapping } from '../../../../src/core/sql/parse.ts';
import { cleanTxSql, qualityFlagsSql } from '../../../../src/core/sql/quality.ts';
import { ident, join, raw, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { blankSql } from '../../../../src/core/sql/trim.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { loadFile } from '../../../../src/run/load-file.ts';
import { openDb } from '../../../helpers/db.ts';

/*
 * The quality flags, the touchpoint check and the touchpoint table clean each mapped cell once in a
 * subquery and parse the cleaned value (idExpr()/numberExpr()/dateExpr() inline name their input
 * about ten times: 33–57 kB statements on the sample, seconds for DuckDB-WASM to plan). Here: the
 * same values as the parse expressions applied to the raw columns, on wrapped, padded, bad and blank
 * cells, and a size bound the inline SQL does not meet.
 */
const DECORATED: NumberFormat = { decimal: '.', thousands: ',', decorated: true };
const options = resolveQualityOptions({ asOf: '2024-12-31', cancelColumn: 'status' });
const q = (s: string) => `"${s.replaceAll('"', '""')}"`;

let db: NodeDbClient;
const rows = async (s: Sql) => (await db.query(s)).rows;
/** Rows of `a` not in `b` and of `b` not in `a` (duplicates counted; NULLs equal). */
const differ = async (a: Sql, b: Sql) => [...(await rows(sql`(${a}) EXCEPT ALL (${b})`)), ...(await rows(sql`(${b}) EXCEPT ALL (${a})`))];

async function load(table: string, lines: string[]): Promise<void> {
	const text = lines.join('\n') + '\n';
	await loadFile(db, { fileName: `${table}.csv`, source: { kind: 'text', text }, sample: text, table });
}

beforeAll(async () => {
	db = await openDb();
});
afterAll(async () => {
	await db.close();
});

describe('quality flags and the cleaned table', () => {
	// Rows: 1 plain; 2 wrapped ids and amount; 3 padded (NBSP, spaces); 4 exact duplicate of 1; 5 negative
	// in parentheses with a currency sign, a cancellation invoice; 6 grouped thousands, id written as a
	// float; 7 bad amount; 8 blank customer; 9 bad date; 10 blank amount; 11 leading apostrophe, bad cost;
	// 12 the status column cancels; 13 zero; 14 '1_000' (not a number to parseNumber()).
	const LINES = [
		'customer,order,date,amount,cost,status',
		'A,1001,2024-01-05,10,2,ok',
		`${q('="B"')},${q('="1002"')},2024-01-06,${q('="20"')},${q('="3"')},ok`,
		'\u00a0C ,  1003 , 2024-01-07 , 30 ,\u00a04 ,ok',
		'A,1001,2024-01-05,10,2,ok',
		`D,C1004,2024-01-08,(¥5),,ok`,
		`E,17850.0,2024-01-09,${q('1,234.50')},${q('$1,000')},ok`,
		'F,1006,2024-01-10,abc,1,ok',
		' ,1007,2024-01-11,12,1,ok',
		'G,1008,nope,12,1,ok',
		'H,1009,2024-01-12,,1,ok',
		`'I,'1010,2024-01-13,'14,x,ok`,
		'J,1011,2024-01-14,15,1,cancelled',
		'K,1012,2024-01-15,0,,ok',
		'L,1013,2024-01-16,1_000,1,ok'
	];
	const mapping: TxMapping = {
		roles: { customer: 'customer', order: 'order', date: 'date', amount: 'amount', cost: 'cost' },
		dateFormat: DEFAULT_DATE_FORMAT,
		numberFormats: { amount: DECORATED, cost: DECORATED }
	};
	const input = { source: 'qraw', mapping, columns: ['customer', 'order', 'date', 'amount', 'cost', 'status'], options };
	/** The usable rows as the parse expressions read the raw columns (what flaggedCtes wrote inline before), made once: ≈ 60 kB to plan. */
	const inline = raw('SELECT * FROM qref');

	beforeAll(async () => {
		await load('qraw', LINES);
		await db.exec(sql`CREATE TEMP TABLE qref AS SELECT src_row, customer_id, order_id, ts, amount, cost FROM (
				SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${idExpr('customer')} AS customer_id, ${idExpr('order')} AS order_id,
					${dateExpr('date', mapping.dateFormat)} AS ts, ${amountExpr(mapping)} AS amount, ${costExpr(mapping)} AS cost FROM qraw
			) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL`);
		await db.exec(qualityFlagsSql({ ...input, target: 'qflags' }));
		await db.exec(cleanTxSql({ ...input, target: 'qclean', fixes: {} }));
	});

	it('the same rows and values as the parse expressions on the raw columns', async () => {
		expect(await differ(raw('SELECT src_row, customer_id, order_id, ts, amount FROM qflags'), raw('SELECT src_row, customer_id, order_id, ts, amount FROM qref'))).toEqual([]);
		expect(await differ(raw('SELECT * FROM qclean'), inline)).toEqual([]);
	});

	it('by hand: wrapped, padded and decorated cells read; bad and blank ones left out or NULL', async () => {
		const got = await rows(raw('SELECT src_row, customer_id, order_id, amount, cost FROM qclean ORDER BY src_row'));
		expect(got.map((r) => [r.src_row, r.customer_id, r.order_id, r.amount, r.cost])).toEqual([
			[1, 'A', '1001', 10, 2],
			[2, 'B', '1002', 20, 3],
			[3, 'C', '1003', 30, 4],
			[4, 'A', '1001', 10, 2],
			[5, 'D', 'C1004', -5, null],
			[6, 'E', '17850', 1234.5, 1000],
			[11, 'I', '1010', 14, null],
			[12, 'J', '1011', 15, 1],
			[13, 'K', '1012', 0, null]
		]);
	});

	it('flags: the duplicate, the negative, the cancelled (invoice and status), the zero', async () => {
		const flagged = async (f: string) => (await rows(sql`SELECT src_row FROM qflags WHERE ${raw(f)} ORDER BY src_row`)).map((r) => r.src_row);
		expect(await flagged('f_exact')).toEqual([4]);
		expect(await flagged('f_negative')).toEqual([5]);
		expect(await flagged('f_cancelled')).toEqual([5, 12]);
		expect(await flagged('f_zero')).toEqual([13]);
		const drop = Object.fromEntries(FINDING_KINDS.map((k) => [k, 'drop'])) as QualityFixes;
		await db.exec(cleanTxSql({ ...input, target: 'qdropped', fixes: drop }));
		expect((await rows(raw('SELECT src_row FROM qdropped ORDER BY src_row'))).map((r) => r.src_row)).toEqual([1, 2, 3, 6, 11]);
	});

	it('size: each cell parsed once keeps the statement small (43–91 kB inline)', () => {
		expect(qualityFlagsSql({ ...input, target: 'qflags' }).text.length).toBeLessThan(12_000);
		const qp: TxMapping = {
			...mapping,
			roles: { customer: 'customer', order: 'order', date: 'date', quantity: 'amount', price: 'cost', cost: 'cost' },
			numberFormats: { quantity: DECORATED, price: DECORATED, cost: DECORATED }
		};
		expect(qualityFlagsSql({ ...input, mapping: qp, target: 'qflags' }).text.length).toBeLessThan(16_000);
	});
});

describe('touchpoint check and table', () => {
	// 1 plain; 2 wrapped customer and score; 3 padded; 4 blank score; 5 blank customer; 6 blank time;
	// 7 bad score (apostrophe then text); 8 bad time; 9 decorated score; 10 score '1_000' (bad).
	const LINES = [
		'customer,time,touchpoint,score',
		'c1,2024-01-01,App,4',
		`${q('="c2"')},2024-01-02,Store,${q('="5"')}`,
		'\u00a0c3 , 2024-01-03 , Email , 3 ',
		'c4,2024-01-04,App,',
		',2024-01-05,App,2',
		'c6,,App,2',
		`c7,2024-01-07,App,'x`,
		'c8,soon,App,1',
		'c9,2024-01-09,App,¥1',
		'c10,2024-01-10,App,1_000'
	];
	const mapping: TouchpointMapping = { customer: 'customer', date: 'time', dateFormat: DEFAULT_DATE_FORMAT, touchpoint: 'touchpoint', score: 'score', scoreFormat: DECORATED };

	beforeAll(async () => {
		await load('traw', LINES);
		// Each cell as the parse expressions read the raw column, parsed once here (≈ 40 kB to plan).
		await db.exec(sql`CREATE TEMP TABLE tref AS SELECT rowid AS r, *, ${idExpr('customer')} AS p_customer,
			${dateExpr('time', mapping.dateFormat)} AS p_time, ${numberExpr('score', DECORATED)} AS p_score FROM traw`);
	});

	it('the check: the same counts and first bad cells as the inline parsing; by hand', async () => {
		const got = await rows(validateTouchpointSql({ source: 'traw', mapping }));
		// columnCheckSql as it was, on the parsed values of tref.
		const inline = (role: string, column: string, parsed: string | null) => {
			const c = ident(column);
			const bad = parsed ? sql`(NOT ${blankSql(c)} AND ${ident(parsed)} IS NULL)` : raw('FALSE');
			return sql`SELECT ${role} AS role, ${column} AS "column", count(*) FILTER (WHERE ${bad}) AS bad, count(*) FILTER (WHERE ${blankSql(c)}) AS empty,
				count(*) AS total, min(r + 1) FILTER (WHERE ${bad}) AS "firstBadRow", arg_min(${c}, r) FILTER (WHERE ${bad}) AS "firstBadValue" FROM tref`;
		};
		const old = join([inline('customer', 'customer', null), inline('date', 'time', 'p_time'), inline('touchpoint', 'touchpoint', null), inline('score', 'score', 'p_score')], ' UNION ALL ');
		expect(got).toEqual(await rows(old));
		expect(got.map((r) => [r.role, r.bad, r.empty, r.total, r.firstBadRow, r.firstBadValue])).toEqual([
			['customer', 0, 1, 10, null, null],
			['date', 1, 1, 10, 8, 'soon'],
			['touchpoint', 0, 0, 10, null, null],
			['score', 2, 1, 10, 7, "'x"]
		]);
	});

	it('the table: the same rows as the inline parsing; wrapped and padded cells read', async () => {
		await db.exec(buildTouchpointSql({ source: 'traw', target: 'tp_once', mapping }));
		const old = sql`SELECT *, CAST(row_number() OVER (PARTITION BY customer_id ORDER BY ts, src_row) AS INTEGER) AS seq FROM (
				SELECT CAST(r + 1 AS BIGINT) AS src_row, p_customer AS customer_id, p_time AS ts,
					nullif(trim(touchpoint), '') AS touchpoint, CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS stage,
					p_score AS score, CAST(NULL AS VARCHAR) AS outcome, CAST(NULL AS VARCHAR) AS segment FROM tref
			) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND touchpoint IS NOT NULL`;
		expect(await differ(raw('SELECT * FROM tp_once'), old)).toEqual([]);
		const got = await rows(raw('SELECT src_row, customer_id, touchpoint, score FROM tp_once ORDER BY src_row'));
		expect(got.map((r) => [r.src_row, r.customer_id, r.touchpoint, r.score])).toEqual([
			[1, 'c1', 'App', 4],
			[2, 'c2', 'Store', 5],
			[3, 'c3', 'Email', 3],
			[4, 'c4', 'App', null],
			[7, 'c7', 'App', null],
			[9, 'c9', 'App', 1],
			[10, 'c10', 'App', null]
		]);
	});

	it('size: the check and the table stay small (53 kB and 30 kB inline)', () => {
		expect(validateTouchpointSql({ source: 'traw', mapping }).text.length).toBeLessThan(6_000);
		expect(buildTouchpointSql({ source: 'traw', target: 'tp', mapping }).text.length).toBeLessThan(7_000);
	});
});
