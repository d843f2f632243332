import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { aggsFor, checkPivot, DEFAULT_PIVOT, PIVOT_COLUMN_CAP, pivotKeysSql, pivotSql, type PivotField, type PivotSpec } from '../../../../src/core/sql/pivot.ts';
import { ident, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import type { Row } from '../../../../src/db/client.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

// Eight sales; a blank and a NULL city are both "(empty)"; one amount is NULL.
const SALES: [string | null, string, number | null, string][] = [
	['上海', 'App', 10, 'a'],
	['上海', 'App', 20, 'b'],
	['上海', 'Store', 30, 'a'],
	['北京', 'App', 40, 'c'],
	['北京', 'Store', null, 'c'],
	['北京', 'Store', 60, 'd'],
	['  ', 'App', 5, 'e'],
	[null, 'Store', 15, 'e']
];

/** Hostile names: a quote and a statement, a keyword, Chinese with a double quote. */
const CITY = `city'); DROP TABLE sales; --`;
const CHANNEL = 'select';
const AMOUNT = '金额 "元"';
const CUST = 'from';
const FIELDS: PivotField[] = [
	{ name: CITY, kind: 'text' },
	{ name: CHANNEL, kind: 'text' },
	{ name: AMOUNT, kind: 'number' },
	{ name: CUST, kind: 'text' }
];
const SOURCE: Sql = sql`SELECT * FROM sales`;

async function setup(): Promise<void> {
	await db.exec(sql`CREATE OR REPLACE TABLE sales (${ident(CITY)} VARCHAR, ${ident(CHANNEL)} VARCHAR, ${ident(AMOUNT)} DOUBLE, ${ident(CUST)} VARCHAR)`);
	for (const s of SALES) await db.exec(sql`INSERT INTO sales VALUES (${s[0]}, ${s[1]}, ${s[2]}, ${s[3]})`);
}

async function pivot(spec: Partial<PivotSpec>, keys = 0): Promise<Row[]> {
	const full: PivotSpec = { ...DEFAULT_PIVOT, table: 'sales', ...spec };
	return (await db.query<Row>(pivotSql({ source: SOURCE, spec: full, fields: FIELDS, keys }))).rows;
}

describe('pivot SQL (grouping sets) on a hand-computed table', () => {
	it('rows × columns: cells, row totals, column totals and the grand total; blank and NULL keys are one "(empty)" key', async () => {
		await setup();
		const spec: PivotSpec = { ...DEFAULT_PIVOT, table: 'sales', rows: [CITY], columns: [CHANNEL], values: [{ agg: 'count' }, { field: AMOUNT, agg: 'sum' }, { field: AMOUNT, agg: 'median' }, { agg: 'share' }, { field: CUST, agg: 'distinct' }] };
		const keys = await db.query<Row>(pivotKeysSql({ source: SOURCE, spec, fields: FIELDS }));
		expect(keys.rows.map((k) => [k.c0, k.n_keys])).toEqual([['App', 2], ['Store', 2]]);
		const rows = await pivot(spec, 2);
		// The grand total first; then 上 (U+4E0A) before 北 (U+5317), the empty key last.
		expect(rows.map((r) => [r.r0, r.depth])).toEqual([[null, 0], ['上海', 1], ['北京', 1], [null, 1]]);
		const [grand, sh, bj, empty] = rows as [Row, Row, Row, Row];
		// 上海: App 10, 20 (customers a, b); Store 30. Total 3 rows, 60, median of 10, 20, 30 = 20, share 3/8.
		expect([sh.c0_v0, sh.c0_v1, sh.c0_v2, sh.c0_v4, sh.c1_v0, sh.c1_v1]).toEqual([2, 30, 15, 2, 1, 30]);
		expect([sh.t_v0, sh.t_v1, sh.t_v2, sh.t_v3, sh.t_v4]).toEqual([3, 60, 20, 3 / 8, 2]);
		// 北京: Store has a NULL amount: counted as a row, left out of the sum and median (60).
		expect([bj.c1_v0, bj.c1_v1, bj.c1_v2, bj.t_v1, bj.t_v2]).toEqual([2, 60, 60, 100, 50]);
		expect([empty.t_v0, empty.t_v1, empty.t_v2, empty.t_v3]).toEqual([2, 20, 10, 2 / 8]);
		// Column totals: App 5, 10, 20, 40 (median 15); Store 15, 30, 60 (median 30); all: 180, median 20, 5 customers.
		expect([grand.c0_v0, grand.c0_v1, grand.c0_v2, grand.c1_v1, grand.c1_v2]).toEqual([4, 75, 15, 105, 30]);
		expect([grand.t_v0, grand.t_v1, grand.t_v2, grand.t_v3, grand.t_v4]).toEqual([8, 180, 20, 1, 5]);
		expect(rows.every((r) => r.n_rows === 4)).toBe(true);
	});

	it('two row fields: a subtotal before its group, sorted by a value within each parent; share of a sum', async () => {
		await setup();
		const rows = await pivot({ rows: [CITY, CHANNEL], values: [{ field: AMOUNT, agg: 'sum' }, { field: AMOUNT, agg: 'share' }], sort: { by: 'value', column: 't_v0', desc: true } });
		const seen = rows.map((r) => [r.r0, r.r1, r.depth, r.t_v0]);
		// 北京 (100) before 上海 (60) before (empty) (20); inside: Store 60 > App 40; App 30 = Store 30 (tie by key); Store 15 > App 5.
		expect(seen).toEqual([
			[null, null, 0, 180],
			['北京', null, 1, 100],
			['北京', 'Store', 2, 60],
			['北京', 'App', 2, 40],
			['上海', null, 1, 60],
			['上海', 'App', 2, 30],
			['上海', 'Store', 2, 30],
			[null, null, 1, 20],
			[null, 'Store', 2, 15],
			[null, 'App', 2, 5]
		]);
		expect(rows[1]!.t_v1).toBeCloseTo(100 / 180, 12);
	});

	it('no subtotals and no totals: only the cells, flat, sorted by a row key descending', async () => {
		await setup();
		const rows = await pivot({ rows: [CITY, CHANNEL], totals: false, subtotals: false, sort: { by: 'row', index: 1, desc: true } });
		expect(rows.map((r) => [r.r1, r.r0, r.t_v0])).toEqual([
			['Store', '上海', 1],
			['Store', '北京', 2],
			['Store', null, 1],
			['App', '上海', 2],
			['App', '北京', 1],
			['App', null, 1]
		]);
	});

	it('three fields: min and max of numbers, mean; a date grouped by month', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE dated AS SELECT * FROM (VALUES (TIMESTAMP '2024-01-05 10:00:00', 'x', 1.0), (TIMESTAMP '2024-01-30 23:00:00', 'y', 3.0), (TIMESTAMP '2024-02-01 00:00:00', 'x', 8.0)) t(d, k, n)`);
		const fields: PivotField[] = [{ name: 'd', kind: 'date' }, { name: 'k', kind: 'text' }, { name: 'n', kind: 'number' }];
		const spec: PivotSpec = { ...DEFAULT_PIVOT, table: 'dated', rows: ['d'], columns: ['k'], values: [{ field: 'n', agg: 'mean' }, { field: 'n', agg: 'max' }] };
		const rows = (await db.query<Row>(pivotSql({ source: sql`SELECT * FROM dated`, spec, fields, keys: 2 }))).rows;
		expect(rows.map((r) => [r.r0, r.c0_v0, r.c1_v0, r.t_v0, r.t_v1])).toEqual([
			[null, 4.5, 3, 4, 8],
			['2024-01', 1, 3, 2, 3],
			['2024-02', 8, null, 8, 8]
		]);
	});

	it('caps the column keys: the statement names at most the cap, the keys query says how many there are', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE wide AS SELECT 'k' || lpad(CAST(i AS VARCHAR), 3, '0') AS k, i AS n FROM range(120) r(i)`);
		const fields: PivotField[] = [{ name: 'k', kind: 'text' }, { name: 'n', kind: 'number' }];
		const spec: PivotSpec = { ...DEFAULT_PIVOT, table: 'wide', columns: ['k'], values: [{ field: 'n', agg: 'sum' }] };
		const keys = await db.query<Row>(pivotKeysSql({ source: sql`SELECT * FROM wide`, spec, fields }));
		expect(keys.rows).toHaveLength(PIVOT_COLUMN_CAP);
		expect([keys.rows[0]!.n_keys, keys.rows[49]!.c0]).toEqual([120, 'k049']);
		// Asking for more keys than the cap still pivots only the cap.
		const q = pivotSql({ source: sql`SELECT * FROM wide`, spec, fields, keys: 120 });
		expect(q.text.match(/AS c\d+_v0/g)).toHaveLength(PIVOT_COLUMN_CAP);
		const [row] = (await db.query<Row>(q)).rows;
		// The total still counts every key: 0 + 1 + … + 119.
		expect([row!.c49_v0, row!.t_v0]).toEqual([49, (119 * 120) / 2]);
	});

	it('the hostile table is intact and the field names were only identifiers', async () => {
		await setup();
		const rows = await pivot({ rows: [CUST], values: [{ agg: 'count' }] });
		expect(rows.find((r) => r.r0 === 'e')?.t_v0).toBe(2);
		expect((await db.query<Row>(sql`SELECT count(*) AS n FROM sales`)).rows[0]!.n).toBe(8);
	});

	it('checks the spec: at most three fields, known fields, aggregates valid for the type', () => {
		const base: PivotSpec = { ...DEFAULT_PIVOT, table: 'sales' };
		const code = (s: Partial<PivotSpec>) => {
			try {
				checkPivot({ ...base, ...s }, FIELDS);
				return 'ok';
			} catch (e) {
				return e instanceof ClienteleError ? e.code : String(e);
			}
		};
		expect(code({ rows: [CITY, CHANNEL], columns: [CUST, AMOUNT] })).toBe('pivot.tooManyFields');
		expect(code({ rows: [CITY], columns: [CITY] })).toBe('pivot.repeatedField');
		expect(code({ rows: ['nope'] })).toBe('pivot.noField');
		expect(code({ values: [{ field: CUST, agg: 'sum' }] })).toBe('pivot.badAggregate');
		expect(code({ values: [] })).toBe('pivot.valueCount');
		expect(code({ rows: [CITY], values: [{ field: AMOUNT, agg: 'median' }] })).toBe('ok');
		expect(aggsFor('text')).toEqual(['count', 'distinct']);
		expect(aggsFor('date')).not.toContain('sum');
	});
});
