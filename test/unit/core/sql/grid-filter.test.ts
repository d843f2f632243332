import { describe, expect, it } from 'vitest';
import {
	customerListSql,
	filteredSql,
	valueCountsSql,
	withComputedSql,
	type GridFilter
} from '../../../../src/core/sql/grid-filter.ts';
import { countSql } from '../../../../src/core/sql/grid.ts';
import { ident, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** Hostile cell values; the expected results below are counted from this list by hand-written predicates. */
const TEXTS = [
	"O'Brien",
	'back\\slash',
	'100%',
	'a_b',
	'ab',
	'nul\u0000byte',
	'客户甲',
	'客户乙 🙂',
	'🙂 emoji',
	'',
	'   ',
	null,
	"'; DROP TABLE t; --",
	'Percent%Sign'
];
const NAME = 'na"me'; // a column name with a quote
const KW = 'select'; // a column name that is an SQL keyword
const ROWS = TEXTS.map((t, i) => ({ t, n: i % 5 === 4 ? null : i * 10, d: `2024-0${(i % 3) + 1}-1${i % 9}`, cust: `C${i % 4}` }));

const SOURCE: Sql = sql`SELECT * FROM grid_hostile`;

async function setUp(): Promise<void> {
	await db.exec(sql`CREATE OR REPLACE TABLE grid_hostile (${ident(NAME)} VARCHAR, ${ident(KW)} DOUBLE, d DATE, cust VARCHAR)`);
	for (const r of ROWS) {
		const text = r.t === null ? sql`NULL` : sql`${r.t.split('\u0000').join('')}`;
		const withNul = r.t?.includes('\u0000') ? sql`replace(${text}, 'nulbyte', 'nul' || chr(0) || 'byte')` : text;
		await db.exec(sql`INSERT INTO grid_hostile VALUES (${withNul}, ${r.n}, CAST(${r.d} AS DATE), ${r.cust})`);
	}
}

async function count(filters: GridFilter[], search = ''): Promise<number> {
	const r = await db.query<{ n: number }>(countSql(filteredSql({ source: SOURCE, filters, search, textColumns: [NAME, 'cust'] })));
	return r.rows[0]?.n ?? -1;
}

const expected = (pred: (r: (typeof ROWS)[number]) => boolean) => ROWS.filter(pred).length;
const contains = (t: string | null, s: string) => t !== null && t.toLowerCase().includes(s.toLowerCase());

describe('grid filters on DuckDB with hostile values and names', () => {
	it('values, text, range, date range, empty: each alone and combined with AND', async () => {
		await setUp();
		const cases: [GridFilter[], number][] = [
			[[{ column: NAME, kind: 'values', values: ["O'Brien", 'nul\u0000byte', null] }], 3],
			[[{ column: NAME, kind: 'values', values: [] }], 0],
			[[{ column: NAME, kind: 'contains', text: '%' }], expected((r) => contains(r.t, '%'))],
			[[{ column: NAME, kind: 'contains', text: '_' }], expected((r) => contains(r.t, '_'))],
			[[{ column: NAME, kind: 'contains', text: '\\' }], expected((r) => contains(r.t, '\\'))],
			[[{ column: NAME, kind: 'contains', text: "'" }], expected((r) => contains(r.t, "'"))],
			[[{ column: NAME, kind: 'contains', text: '\u0000' }], 1],
			[[{ column: NAME, kind: 'contains', text: '🙂' }], expected((r) => contains(r.t, '🙂'))],
			[[{ column: NAME, kind: 'startsWith', text: '客户' }], expected((r) => r.t?.startsWith('客户') ?? false)],
			[[{ column: NAME, kind: 'startsWith', text: 'percent%' }], 1],
			[[{ column: NAME, kind: 'empty' }], expected((r) => r.t === null || r.t.trim() === '')],
			[[{ column: NAME, kind: 'notEmpty' }], expected((r) => r.t !== null && r.t.trim() !== '')],
			[[{ column: KW, kind: 'range', min: 20, max: 80 }], expected((r) => r.n !== null && r.n >= 20 && r.n <= 80)],
			[[{ column: KW, kind: 'range', min: null, max: 30 }], expected((r) => r.n !== null && r.n <= 30)],
			[[{ column: 'd', kind: 'dateRange', from: '2024-02-01', to: '2024-02-15' }], expected((r) => r.d >= '2024-02-01' && r.d <= '2024-02-15')],
			[
				[
					{ column: KW, kind: 'range', min: 0, max: 100 },
					{ column: NAME, kind: 'contains', text: 'b' }
				],
				expected((r) => r.n !== null && r.n <= 100 && contains(r.t, 'b'))
			]
		];
		for (const [filters, n] of cases) expect(await count(filters), JSON.stringify(filters)).toBe(n);
	});

	it('quick search: any text column, case-insensitive, the pattern taken literally', async () => {
		await setUp();
		for (const s of ['obrien', "o'b", '%', 'a_b', '\\', 'c1', '客户', '🙂', "'; drop"])
			expect(await count([], s), s).toBe(expected((r) => contains(r.t, s) || contains(r.cust, s)));
		expect(await count([], '   ')).toBe(ROWS.length);
	});

	it('value counts: most frequent first, NULL as the empty value, searchable, ignoring the column’s own filter', async () => {
		await setUp();
		const filters: GridFilter[] = [{ column: 'cust', kind: 'values', values: ['C0'] }];
		const all = await db.query<{ v: string | null; n: number }>(valueCountsSql({ source: SOURCE, column: 'cust', filters, limit: 10 }));
		expect(all.rows).toEqual([
			{ v: 'C0', n: 4 },
			{ v: 'C1', n: 4 },
			{ v: 'C2', n: 3 },
			{ v: 'C3', n: 3 }
		]);
		const names = await db.query<{ v: string | null; n: number }>(valueCountsSql({ source: SOURCE, column: NAME, filters, limit: 50 }));
		expect(names.rows.map((r) => r.v).sort()).toEqual(ROWS.filter((r) => r.cust === 'C0').map((r) => r.t).sort());
		const found = await db.query<{ v: string | null; n: number }>(valueCountsSql({ source: SOURCE, column: NAME, filters: [], match: '%', limit: 50 }));
		expect(found.rows.map((r) => r.v).sort()).toEqual(['100%', 'Percent%Sign']);
	});

	it('filters apply to computed columns; a customer list is the distinct customers left', async () => {
		await setUp();
		const columns = [
			{ name: NAME, type: 'VARCHAR' },
			{ name: KW, type: 'DOUBLE' },
			{ name: 'd', type: 'DATE' },
			{ name: 'cust', type: 'VARCHAR' }
		];
		const computed = withComputedSql(SOURCE, [{ name: 'double "it"', expr: '[select] * 2' }], columns);
		const filtered = filteredSql({ source: computed, filters: [{ column: 'double "it"', kind: 'range', min: 100, max: null }] });
		const r = await db.query<{ n: number }>(countSql(filtered));
		expect(r.rows[0]?.n).toBe(expected((x) => x.n !== null && x.n * 2 >= 100));
		const list = await db.query<{ customer_id: string }>(sql`${customerListSql({ source: filtered, customer: 'cust' })} ORDER BY 1`);
		const want = [...new Set(ROWS.filter((x) => x.n !== null && x.n * 2 >= 100).map((x) => x.cust))].sort();
		expect(list.rows.map((x) => x.customer_id)).toEqual(want);
	});
});
