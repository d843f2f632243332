import { describe, expect, it } from 'vitest';
import { isConsoleError } from '../../../src/core/sql-console/console-error.ts';
import { byteOffsetsToIndices } from '../../../src/core/sql-console/tokens.ts';
import { raw } from '../../../src/core/sql/sql.ts';
import { runConsole } from '../../../src/run/console.ts';
import { useConsoleDb } from '../../helpers/console-db.ts';

/*
 * The console's two harder shapes on DuckDB-WASM: an INSERT behind a WITH list (a write like any other:
 * scratch only, behind the switch), and a PIVOT without an IN list inside a larger query (DuckDB runs it
 * as several statements, which the table lister cannot read as they stand).
 */
const { db, refusal } = useConsoleDb();

async function rows(text: string): Promise<Record<string, unknown>[]> {
	const out = await runConsole(db, text, { scratch: false });
	if (out.kind !== 'rows') throw new Error(out.kind);
	return (await db.query(out.source)).rows;
}

const count = async (table: string) => (await db.query<{ n: number }>(raw(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`))).rows[0]!.n;

describe('WITH … INSERT INTO scratch', () => {
	it('fills a scratch table from CTEs (nested, with a column list, materialized, recursive) with the switch on', async () => {
		await runConsole(db, 'CREATE TABLE scratch.big AS SELECT * FROM tx WHERE false', { scratch: true });
		const done = await runConsole(db, 'WITH c AS (SELECT * FROM tx WHERE amount > 3) INSERT INTO scratch.big SELECT * FROM c', { scratch: true });
		expect(done).toMatchObject({ kind: 'done', action: 'insert', target: 'big' });
		await runConsole(db, 'WITH a AS (WITH b AS (SELECT * FROM tx) SELECT * FROM b WHERE segment = \'B\'), d(x) AS MATERIALIZED (SELECT 1)\nINSERT INTO "scratch"."big" BY NAME SELECT * FROM a', { scratch: true });
		await runConsole(db, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) INSERT INTO scratch.big (customer_id, amount) SELECT 'r' || n, n FROM r", { scratch: true });
		// amounts > 3: 10, 5, 4; segment B: 2, 4; r1–r3
		expect(await count('scratch.big')).toBe(8);
		// a scratch table named like a keyword the check rewrites (pivot, using), filled through a USING join
		await runConsole(db, 'CREATE TABLE scratch.pivot AS SELECT * FROM tx WHERE false', { scratch: true });
		await runConsole(db, 'WITH c AS (SELECT customer_id FROM tx GROUP BY 1) INSERT INTO scratch.pivot SELECT t.* FROM tx t JOIN c USING (customer_id) ORDER BY 1', { scratch: true });
		expect(await count('scratch.pivot')).toBe(5);
		await runConsole(db, 'DROP TABLE scratch.big', { scratch: true });
	});

	it.each([
		['WITH c AS (SELECT 1) INSERT INTO scratch.t SELECT * FROM c', 'INSERT'],
		['WITH c AS (SELECT 1) INSERT INTO tx SELECT * FROM c', 'INSERT'],
		['WITH c AS (SELECT 1) DELETE FROM tx', 'DELETE'],
		['WITH c AS (SELECT 1) UPDATE tx SET amount = 0', 'UPDATE'],
		['WITH c(a) AS (SELECT 1), "insert" AS (SELECT 2) INSERT INTO tx SELECT * FROM c', 'INSERT']
	])('without the switch, refuses %s like other writes', async (q, keyword) => {
		expect(await refusal(q)).toMatchObject({ code: 'console.refused.writeOff', params: { keyword } });
	});

	it.each([
		['WITH c AS (SELECT * FROM tx) INSERT INTO tx SELECT * FROM c', 'tx'],
		['WITH c AS (SELECT * FROM tx) INSERT INTO main.tx SELECT * FROM c', 'main.tx'],
		['WITH c AS (SELECT 1) INSERT OR REPLACE INTO tx SELECT * FROM c', 'tx'],
		['WITH c AS (SELECT 1) INSERT /* INTO scratch.t */ INTO "tx" -- scratch.t\nSELECT * FROM c', '"tx"'],
		['WITH "scratch" AS (SELECT 1) INSERT INTO "scratch.t" SELECT * FROM "scratch"', '"scratch.t"'],
		['WITH c(a) AS (SELECT 1), "insert" AS (SELECT 2) INSERT INTO tx SELECT * FROM c', 'tx'],
		['WITH c AS NOT MATERIALIZED (SELECT 1) INSERT INTO temp.x SELECT * FROM c', 'temp.x']
	])('with the switch on, refuses %s as a plain INSERT is refused', async (q, name) => {
		const r = await refusal(q, true);
		expect(r).toMatchObject({ code: 'console.refused.scratchOnly', params: { name } });
		const plain = await refusal(q.slice(q.search(/INSERT/)), true);
		expect(plain?.code).toBe('console.refused.scratchOnly');
		expect(q.slice(r!.at!)).toMatch(new RegExp(`^${name.replace(/[."]/g, '\\$&')}`));
	});

	it.each([
		["WITH c AS (SELECT * FROM read_csv('x.csv')) INSERT INTO scratch.t SELECT * FROM c", 'console.refused.reader'],
		["WITH c AS (FROM 'https://example.com/x.csv') INSERT INTO scratch.t SELECT * FROM c", 'console.refused.fileTable'],
		['WITH c AS (SELECT 1) INSERT INTO scratch.t SELECT * FROM "https://example.com/x.parquet"', 'console.refused.fileTable'],
		["WITH c AS (SELECT 1) INSERT INTO scratch.t SELECT * FROM c WHERE 0 < (SELECT count(*) FROM 'y.csv')", 'console.refused.fileTable'],
		["WITH c AS (SELECT * FROM 'z.csv') INSERT INTO scratch.t DEFAULT VALUES", 'console.refused.fileTable'],
		['WITH c AS (SELECT * FROM nosuch) INSERT INTO scratch.t SELECT * FROM c', 'console.refused.unknownTable'],
		['WITH c AS (SELECT 1) INSERT INTO scratch.t SELECT * FROM c; DROP TABLE tx', 'console.refused.multiple'],
		['WITH c AS (SELECT 1) INSERT INTO scratch.t (a, (SELECT 1)) SELECT * FROM c', 'console.refused.writeKind'],
		['WITH c AS (SELECT 1) DELETE FROM tx', 'console.refused.writeKind'],
		['WITH c AS (SELECT 1) UPDATE scratch.t SET a = 1', 'console.refused.writeKind'],
		["WITH c AS (SELECT 1) COPY tx TO 'x.csv'", 'console.refused.copy'],
		['WITH x AS (INSERT INTO tx VALUES (1) RETURNING *) SELECT * FROM x', 'console.err.failed'],
		['SELECT * FROM (WITH c AS (SELECT 1) INSERT INTO tx SELECT * FROM c)', 'console.err.syntax'],
		['EXPLAIN ANALYZE WITH c AS (SELECT 1) INSERT INTO scratch.t SELECT * FROM c', 'console.refused.explainWrite']
	])('with the switch on, still refuses %s', async (q, code) => {
		expect((await refusal(q, true))?.code).toBe(code);
	});

	it('left the loaded table as it was', async () => {
		expect(await count('tx')).toBe(5);
	});
});

describe('a PIVOT without IN (…) inside a larger query', () => {
	const wide = [
		{ customer_id: 'c1', A: 15, B: null },
		{ customer_id: 'c2', A: 1, B: null },
		{ customer_id: 'c3', A: null, B: 6 }
	];
	it.each([
		'SELECT * FROM (PIVOT tx ON segment USING sum(amount) GROUP BY customer_id) ORDER BY customer_id',
		'WITH p AS (PIVOT tx ON segment USING sum(amount) GROUP BY customer_id) SELECT * FROM p ORDER BY customer_id',
		'WITH s AS (SELECT * FROM tx) SELECT * FROM (PIVOT s ON segment USING sum(amount) GROUP BY customer_id) ORDER BY 1',
		'SELECT * FROM (PIVOT (SELECT * FROM tx WHERE amount > 0) ON segment USING sum(amount) GROUP BY customer_id) ORDER BY 1',
		'SELECT customer_id, "A", "B" FROM (PIVOT_WIDER tx ON segment USING sum(amount) GROUP BY customer_id) WHERE customer_id IN (SELECT customer_id FROM tx) ORDER BY 1'
	])('runs %s', async (q) => {
		expect(await rows(q)).toEqual(wide);
	});

	it('runs two of them joined, one nested in the other, and an UNPIVOT in a subquery', async () => {
		expect(await rows('SELECT count(*) AS n FROM tx p JOIN tx q USING (customer_id)')).toEqual([{ n: 9 }]);
		const joined = await rows('SELECT p.customer_id, p."A", q.n FROM (PIVOT tx ON segment USING sum(amount) GROUP BY customer_id) p JOIN (SELECT customer_id, count(*) AS n FROM tx GROUP BY 1) q USING (customer_id) ORDER BY 1');
		expect(joined.map((r) => r.n)).toEqual([2, 1, 2]);
		// the outer PIVOT groups by the inner one's other column, B
		const nested = await rows('SELECT * FROM (PIVOT (PIVOT tx ON segment USING sum(amount) GROUP BY customer_id) ON customer_id USING first("A")) ORDER BY "B" NULLS FIRST');
		expect(nested).toEqual([{ B: null, c1: 15, c2: 1, c3: null }, { B: 6, c1: null, c2: null, c3: null }]);
		const long = await rows('SELECT count(*) AS n FROM (UNPIVOT tx ON amount INTO NAME k VALUE v)');
		expect(long).toEqual([{ n: 5 }]);
	});

	it.each([
		["SELECT * FROM (PIVOT 'x.csv' ON a USING count(*))", 'console.refused.fileTable'],
		['SELECT * FROM (PIVOT "https://example.com/x.parquet" ON a USING count(*))', 'console.refused.fileTable'],
		["WITH p AS (PIVOT (FROM read_csv('x.csv')) ON a USING count(*)) SELECT * FROM p", 'console.refused.reader'],
		["SELECT * FROM (PIVOT (SELECT * FROM tx, 'y.csv') ON segment USING count(*))", 'console.refused.fileTable'],
		['SELECT * FROM (PIVOT nosuch ON a USING count(*))', 'console.refused.unknownTable'],
		["SELECT * FROM (PIVOT tx ON segment USING count(*) LIMIT (SELECT count(*) FROM 'z.csv'))", 'console.refused.fileTable'],
		['SELECT * FROM (PIVOT tx ON segment USING count(*) LIMIT (SELECT count(*) FROM tx))', 'console.refused.dynamicPivot'],
		['SELECT * FROM (PIVOT tx JOIN tx t2 ON tx.customer_id = t2.customer_id ON tx.segment USING count(*))', 'console.refused.dynamicPivot'],
		['SELECT * FROM (PIVOT tx ON segment USING count(*)) p JOIN "https://example.com/z.parquet" USING (customer_id)', 'console.refused.fileTable'],
		['SELECT * FROM (PIVOT tx ON segment USING count(*)) p JOIN "other.csv" q USING (customer_id)', 'console.refused.fileTable'],
		["SELECT * FROM (PIVOT tx ON segment USING count(*) -- ) JOIN 'x.csv' ON true\n)", null],
		["SELECT * FROM (PIVOT tx ON segment USING count(*) /* ) */) p, (FROM 'w.csv') w", 'console.refused.fileTable']
	])('refuses %s', async (q, code) => {
		expect((await refusal(q))?.code ?? null).toBe(code);
	});

	it('points a PIVOT it cannot check at its first word', async () => {
		const q = 'SELECT 1 AS x,\n  (SELECT count(*) FROM (PIVOT tx ON segment USING count(*) LIMIT (SELECT 1)))';
		const r = await refusal(q);
		expect(r?.code).toBe('console.refused.dynamicPivot');
		expect(q.slice(r!.at!)).toMatch(/^PIVOT tx/);
	});

	it('says what to write instead of what DuckDB cannot do: a view, a source that uses the query around it', async () => {
		const view = await runConsole(db, 'CREATE VIEW scratch.v AS SELECT * FROM (PIVOT tx ON segment USING sum(amount))', { scratch: true }).catch((e: unknown) => e);
		expect(isConsoleError(view) && view.code).toBe('console.err.pivotView');
		const fixed = await runConsole(db, "CREATE VIEW scratch.v AS SELECT * FROM (PIVOT tx ON segment IN ('A', 'B') USING sum(amount))", { scratch: true });
		expect(fixed.kind).toBe('done');
		const lateral = await runConsole(db, 'SELECT * FROM tx o, LATERAL (PIVOT (SELECT * FROM tx WHERE customer_id = o.customer_id) ON segment USING count(*))', { scratch: false }).catch((e: unknown) => e);
		expect(isConsoleError(lateral) && [lateral.code, lateral.params.name]).toEqual(['console.err.pivotOuter', 'o']);
	});
});

describe('text that is not ASCII before the tokens (DuckDB counts its offsets in UTF-8 bytes)', () => {
	it('turns byte offsets into string indices', () => {
		// 中 3 bytes, é 2, 😀 4 (two UTF-16 units)
		expect(byteOffsetsToIndices("'中é😀' x", [0, 12])).toEqual([0, 7]);
		expect(byteOffsetsToIndices('abc', [0, 1, 3])).toEqual([0, 1, 3]);
	});

	it.each([
		["SELECT '中文中文中文' AS 名称, * FROM read_csv('https://example.com/x.csv')", 'console.refused.reader', 'read_csv('],
		["SELECT '😀😀' AS x FROM \"渠道表\" JOIN read_parquet('x.parquet') ON true", 'console.refused.reader', 'read_parquet('],
		["SELECT '客户' AS x FROM 'https://example.com/y.csv'", 'console.refused.fileTable', "'https"],
		["SELECT '中' AS x; COPY tx TO 'x.csv'", 'console.refused.multiple', 'COPY'],
		["WITH \"城市\" AS (SELECT 1) INSERT INTO tx SELECT * FROM \"城市\"", 'console.refused.scratchOnly', 'tx SELECT'],
		["SELECT * FROM (PIVOT tx ON segment USING count(*) LIMIT (SELECT count(*) FROM tx WHERE segment = '甲'))", 'console.refused.dynamicPivot', 'PIVOT']
	])('refuses %s, pointing at the right place', async (q, code, at) => {
		const r = await refusal(q, true);
		expect(r?.code).toBe(code);
		expect(q.slice(r!.at!)).toMatch(new RegExp(`^${at.replace(/[()]/g, '\\$&')}`));
	});

	it('runs a PIVOT in a subquery and a WITH … INSERT whose text is Chinese', async () => {
		await db.exec(raw(`CREATE TABLE "订单" AS SELECT customer_id AS "客户", segment AS "分群", amount AS "金额" FROM tx`));
		const r = await rows('SELECT * FROM (PIVOT "订单" ON "分群" USING sum("金额") GROUP BY "客户") ORDER BY "客户"');
		expect(r).toEqual([{ 客户: 'c1', A: 15, B: null }, { 客户: 'c2', A: 1, B: null }, { 客户: 'c3', A: null, B: 6 }]);
		await runConsole(db, 'CREATE TABLE scratch."客户表" AS SELECT "客户" FROM "订单" WHERE false', { scratch: true });
		await runConsole(db, 'WITH "大额" AS (SELECT "客户" FROM "订单" WHERE "金额" > 3) INSERT INTO scratch."客户表" SELECT * FROM "大额"', { scratch: true });
		expect(await count('scratch."客户表"')).toBe(3);
	});
});
