/**
 * The quick search (core/sql/grid-filter.ts): per column (lower-casing skipped for a caseless text)
 * and through a search index (positional join), and through the row numbers the index found once (a
 * hits table) — all give the rows a plain check in JavaScript finds, the last two in the table's order.
 */
import { describe, expect, it } from 'vitest';
import { caseless, filteredSql, hitRowsSql, searchHitsSql, searchIndexSql, searchedSql } from '../../../../src/core/sql/grid-filter.ts';
import { ident, join, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** [id, text column "Na'me", text column "select" (a keyword), a number column]; NULLs and hostile text. */
const ROWS: [number, string | null, string | null, number | null][] = [
	[1, 'Hello World', 'ABC-001', 17850],
	[2, 'hello world', null, 12],
	[3, 'HELLO', '00123', null],
	[4, '张伟', '13800138000', 1],
	[5, '王芳 VIP', '上海', 2],
	[6, null, null, null],
	[7, '100% cotton', 'a_b', 3],
	[8, "O'Brien", 'back\\slash', 4],
	[9, 'Ärger ÉCOLE', 'école', 5],
	[10, 'percent%Sign', 'x\u001fy', 6],
	[11, '', '  ', 7],
	[12, 'nul\u0000byte', '"quoted"', 8],
	[13, 'Çà et là', 'İstanbul', 9]
];
const A = "Na'me";
const B = 'select';
const TEXT = [A, B];
const TABLE = 'grid_search_t';
const INDEX = 'grid_search_ix';

async function setUp(): Promise<void> {
	await db.exec(sql`CREATE OR REPLACE TABLE ${ident(TABLE)} (id INTEGER, ${ident(A)} VARCHAR, ${ident(B)} VARCHAR, n DOUBLE)`);
	const text = (v: string | null): Sql =>
		v === null ? sql`NULL` : v.includes('\u0000') ? sql`(${join(v.split('\u0000').map((p) => sql`${p}`), ' || chr(0) || ')})` : v.includes('\u001f') ? sql`(${join(v.split('\u001f').map((p) => sql`${p}`), ' || chr(31) || ')})` : sql`${v}`;
	for (const [id, a, b, n] of ROWS) await db.exec(sql`INSERT INTO ${ident(TABLE)} VALUES (${id}, ${text(a)}, ${text(b)}, ${n})`);
	await db.exec(sql`CREATE OR REPLACE TABLE ${ident(INDEX)} AS ${searchIndexSql(sql`SELECT * FROM ${ident(TABLE)}`, TEXT)}`);
}

const ids = async (source: Sql) => (await db.query<{ id: number }>(sql`SELECT id FROM (${source}) ORDER BY id`)).rows.map((r) => r.id);
/** The plain check: a text column (not the number column) holds the trimmed text, ignoring case. */
const expected = (s: string) => {
	const t = s.trim().toLowerCase();
	return ROWS.filter(([, a, b]) => [a, b].some((v) => v !== null && v.toLowerCase().includes(t))).map(([id]) => id);
};

describe('quick search', () => {
	it('per column and through the index: the rows a plain check finds, for hostile, mixed-case, Chinese and numeric text', async () => {
		await setUp();
		const searches = ['hello', 'HeLLo', ' world ', '张伟', '138001', '001', '00123', '%', '_', 'a_b', '\\', "o'b", '"', 'école', 'ÄRGER', 'vip', 'çà', '1785', 'x', 'nul\u0000b', 'zzz'];
		for (const s of searches) {
			const want = expected(s);
			const perColumn = filteredSql({ source: sql`SELECT * FROM ${ident(TABLE)}`, filters: [], search: s, textColumns: TEXT });
			expect(await ids(perColumn), `per column ${JSON.stringify(s)}`).toEqual(want);
			const indexed = searchedSql({ table: TABLE, index: INDEX, text: s });
			expect(indexed, s).not.toBeNull();
			expect(await ids(indexed!), `indexed ${JSON.stringify(s)}`).toEqual(want);
		}
		// The number column is not searched (17850 is only in it); a text under 1785 is not there either.
		expect(expected('17850')).toEqual([]);
		expect(await ids(filteredSql({ source: sql`SELECT * FROM ${ident(TABLE)}`, filters: [], search: '17850', textColumns: TEXT }))).toEqual([]);
		// A search for the index's separator cannot use it; the per-column search finds the one row.
		expect(searchedSql({ table: TABLE, index: INDEX, text: 'x\u001fy' })).toBeNull();
		expect(await ids(filteredSql({ source: sql`SELECT * FROM ${ident(TABLE)}`, filters: [], search: 'x\u001fy', textColumns: TEXT }))).toEqual([10]);
		expect(searchedSql({ table: TABLE, index: INDEX, text: '  ' })).toBeNull();
	});

	it('the row numbers found once (a hits table) give the index search’s rows, in the table’s order, for hostile text', async () => {
		await setUp();
		// Rows inserted out of id order, so "the table's order" is not "sorted by id" by chance.
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(TABLE)} AS SELECT * FROM ${ident(TABLE)} ORDER BY (id * 7) % 13`);
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(INDEX)} AS ${searchIndexSql(sql`SELECT * FROM ${ident(TABLE)}`, TEXT)}`);
		const inOrder = async (source: Sql) => (await db.query<{ id: number }>(sql`SELECT id FROM (${source})`)).rows.map((r) => r.id);
		const tableOrder = await inOrder(sql`SELECT * FROM ${ident(TABLE)}`);
		expect(tableOrder).not.toEqual([...tableOrder].sort((a, b) => a - b));
		const searches = ['hello', 'HeLLo', ' world ', '张伟', '上海', '138001', '001', '%', '_', 'a_b', '\\', "o'b", "'", '"quoted"', 'école', 'ÄRGER', 'İstanbul', 'çà', 'x', 'nul\u0000b', 'zzz'];
		for (const s of searches) {
			const want = tableOrder.filter((id) => expected(s).includes(id));
			const hits = searchHitsSql({ index: INDEX, text: s });
			expect(hits, s).not.toBeNull();
			await db.exec(sql`CREATE OR REPLACE TEMP TABLE grid_search_hits AS ${hits!}`);
			const rows = hitRowsSql({ table: TABLE, hits: 'grid_search_hits' });
			expect(await inOrder(rows), `hits ${JSON.stringify(s)}`).toEqual(want);
			// The same rows and order as the positional join over the index.
			expect(await inOrder(rows), s).toEqual(await inOrder(searchedSql({ table: TABLE, index: INDEX, text: s })!));
		}
		expect(searchHitsSql({ index: INDEX, text: 'x\u001fy' })).toBeNull();
		expect(searchHitsSql({ index: INDEX, text: ' ' })).toBeNull();
	});

	it('a caseless text needs no lower-casing: no character lower-cases to one of its characters (every BMP character in DuckDB)', async () => {
		expect([caseless('138001'), caseless('张伟 %_\\\'"'), caseless('vip'), caseless('VIP'), caseless('É'), caseless('ß')]).toEqual([true, true, false, false, false, false]);
		// Code points, not strings: a text decoder would drop a lone U+FEFF.
		const r = await db.query<{ i: number; lc: number; len: number }>(
			sql`SELECT CAST(i AS INTEGER) AS i, unicode(lower(chr(CAST(i AS INTEGER)))) AS lc, length(lower(chr(CAST(i AS INTEGER)))) AS len
				FROM range(1, 65536) t(i) WHERE i NOT BETWEEN 55296 AND 57343`
		);
		expect(r.rows.length).toBe(65535 - 2048);
		expect(r.rows.filter((x) => x.len !== 1)).toEqual([]);
		const wrong: string[] = [];
		for (const { i, lc } of r.rows) {
			const ch = String.fromCodePoint(i);
			const l = String.fromCodePoint(lc);
			// A caseless character stays itself; any other character that changes lower-cases to a cased one.
			if (caseless(ch) && l !== ch) wrong.push(`U+${i.toString(16)} stays? ${l}`);
			if (l !== ch && caseless(l)) wrong.push(`U+${i.toString(16)} → caseless ${l}`);
		}
		expect(wrong).toEqual([]);
	});
});
