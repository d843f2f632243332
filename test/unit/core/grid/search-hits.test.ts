/**
 * A search typed on from the one before (core/grid/search-hits.ts): its hits found among the earlier
 * search's give the rows, in the order, of a scan of the whole index (core/sql/grid-filter.ts
 * searchHitsSql, itself checked against a plain JavaScript search in core/sql/grid-search.test.ts),
 * for hostile text; where the engine's lower() of the longer text does not hold the shorter one's
 * (İ, final σ), nothing is narrowed — and narrowing there would lose rows.
 */
import { describe, expect, it } from 'vitest';
import { firstHitsSql, mayNarrow, narrowedHitsSql, narrowsSql, probeSql, restHitsSql } from '../../../../src/core/grid/search-hits.ts';
import { searchHitsSql, searchIndexSql, textLit } from '../../../../src/core/sql/grid-filter.ts';
import { ident, join, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

const WORDS = ['Hello World', 'hello', 'HEART', 'heartbeat', "O'Brien", '100% cotton', 'a_b', 'back\\slash', '"quoted"', '张伟', '王芳 VIP', '上海',
	'İstanbul', 'istanbul', 'i\u0307x', 'STRASSE', 'Straße', 'STRAẞE', 'ΟΔΟΣ', 'οδος', 'Ärger ÉCOLE', 'nul\u0000byte', 'C001', '00123', null];
const TABLE = 'hits_t';
const INDEX = 'hits_ix';

/** Two text columns; row i takes word i and word (i·7) mod the list: every word beside several others. */
async function setUp(): Promise<void> {
	await db.exec(sql`CREATE OR REPLACE TABLE ${ident(TABLE)} (a VARCHAR, b VARCHAR)`);
	const v = (w: string | null) => (w === null ? sql`NULL` : textLit(w));
	const rows: Sql[] = [];
	for (let i = 0; i < 3 * WORDS.length; i++) rows.push(sql`(${v(WORDS[i % WORDS.length]!)}, ${v(WORDS[(i * 7) % WORDS.length]!)})`);
	await db.exec(sql`INSERT INTO ${ident(TABLE)} VALUES ${join(rows)}`);
	await db.exec(sql`CREATE OR REPLACE TABLE ${ident(INDEX)} AS ${searchIndexSql(sql`SELECT * FROM ${ident(TABLE)}`, ['a', 'b'])}`);
}

const rowsOf = async (q: Sql) => (await db.query<{ r: number }>(q)).rows.map((x) => Number(x.r));
const full = (text: string) => rowsOf(searchHitsSql({ index: INDEX, text })!);
/** The hits table of `text` made as run/grid-source.ts makes it from the index (first `limit` with their text, then the rest). */
async function made(name: string, text: string, limit: number): Promise<{ n: number; whole: boolean }> {
	await db.exec(sql`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${firstHitsSql({ index: INDEX, text, limit })!}`);
	const first = (await db.query<{ n: number; last: number }>(sql`SELECT count(*) AS n, max(r) AS last FROM ${ident(name)}`)).rows[0]!;
	if (Number(first.n) < limit) return { n: Number(first.n), whole: true };
	await db.exec(restHitsSql({ index: INDEX, hits: name, text, after: Number(first.last) })!);
	const n = (await rowsOf(sql`SELECT r FROM ${ident(name)}`)).length;
	return { n, whole: n === Number(first.n) };
}

const SEARCHES = ['h', 'he', 'hea', 'heart', 'HEART', 'heartb', 'hello', 'Hello W', 'o', "o'", "o'b", "O'BRIEN", '%', '100%', '0% c', '_', 'a_b', '\\', 'k\\s',
	'"', '"quoted"', '张', '张伟', '王芳 v', 'i', 'İ', 'i\u0307', 'İstanbul', 'istanbul', 'ss', 'strasse', 'ß', 'straße', 'STRAẞE', 'σ', 'ς', 'οδος', 'ΟΔΟΣ',
	'ä', 'ärger é', 'nul\u0000', 'nul\u0000b', '0', '00', '001', 'c001', 'C0'];

describe('search narrowing', () => {
	it('finds a text typed on among the earlier search’s hits: the same rows in the same order as a scan of the index, or does not narrow', async () => {
		await setUp();
		let narrowed = 0;
		const refused: string[] = [];
		for (const before of SEARCHES) {
			const base = await made('hits_before', before, 1000);
			expect(base.whole).toBe(true);
			for (const text of SEARCHES) {
				if (!mayNarrow(before, text)) continue;
				const ok = (await db.query<{ ok: boolean }>(narrowsSql(before, text)!)).rows[0]!.ok;
				const want = await full(text);
				const naive = await rowsOf(narrowedHitsSql({ from: 'hits_before', text })!);
				if (ok) {
					narrowed++;
					expect(naive, `${JSON.stringify(before)} → ${JSON.stringify(text)}`).toEqual(want);
				} else {
					refused.push(`${before} → ${text}`);
				}
			}
		}
		expect(narrowed).toBeGreaterThan(60);
		// The engine lower-cases İ to i and ΟΔΟΣ to οδοσ (JavaScript: i̇ and οδος): these look typed on, are not.
		expect(refused).toEqual(expect.arrayContaining(['i\u0307 → İ', 'οδος → ΟΔΟΣ']));
		// Narrowed anyway, they would lose rows: the check is what keeps the rows right.
		for (const [before, text] of [['i\u0307', 'İ'], ['οδος', 'ΟΔΟΣ']] as const) {
			await made('hits_before', before, 1000);
			const naive = await rowsOf(narrowedHitsSql({ from: 'hits_before', text })!);
			expect(naive.length, `${before} → ${text}`).toBeLessThan((await full(text)).length);
		}
		// Typed on by a caseless text, or to one: 001 → C001, C0 → c001.
		expect((await db.query<{ ok: boolean }>(narrowsSql('001', 'C001')!)).rows[0]!.ok).toBe(true);
		expect((await db.query<{ ok: boolean }>(narrowsSql('C0', 'c001')!)).rows[0]!.ok).toBe(true);
		expect(mayNarrow('hea', 'hea')).toBe(false);
		expect(mayNarrow('heart', 'hea')).toBe(false);
		expect(narrowsSql('a', 'x\u001fa')).toBeNull();
	});

	it('keeps the text of the first hits only up to the limit, the rest without: all of a scan’s rows in order, and whole only when nothing was left out', async () => {
		await setUp();
		for (const text of SEARCHES)
			for (const limit of [1, 3, 8, 1000]) {
				const h = await made('hits_capped', text, limit);
				const got = await rowsOf(sql`SELECT r FROM hits_capped`);
				expect(got, `${JSON.stringify(text)} limit ${limit}`).toEqual(await full(text));
				expect(h.n).toBe(got.length);
				const texts = (await db.query<{ n: number }>(sql`SELECT count(s) AS n FROM hits_capped`)).rows[0]!.n;
				expect(h.whole, `${JSON.stringify(text)} limit ${limit}`).toBe(Number(texts) === got.length);
				expect(h.whole).toBe(got.length <= limit);
			}
		// The probe reads the index's first rows: here all of them.
		for (const text of SEARCHES) expect(Number((await db.query<{ n: number }>(probeSql({ index: INDEX, text })!)).rows[0]!.n), text).toBe((await full(text)).length);
	});
});
