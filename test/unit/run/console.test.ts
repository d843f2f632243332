import { describe, expect, it } from 'vitest';
import { isConsoleError } from '../../../src/core/sql-console/console-error.ts';
import { raw } from '../../../src/core/sql/sql.ts';
import { consoleSchema, runConsole } from '../../../src/run/console.ts';
import { useConsoleDb } from '../../helpers/console-db.ts';

const { db, refusal } = useConsoleDb();

describe('the console guard, on DuckDB-WASM', () => {
	it.each([
		['SELECT * FROM tx'],
		['select segment, count(*) from tx group by all;'],
		['WITH c AS (SELECT * FROM tx) SELECT count(*) FROM c'],
		['FROM tx'],
		['DESCRIBE tx'],
		['SUMMARIZE tx'],
		['PIVOT tx ON segment USING sum(amount)'],
		["PIVOT tx ON segment IN ('A', 'B') USING sum(amount)"],
		['EXPLAIN SELECT * FROM tx'],
		['EXPLAIN ANALYZE SELECT count(*) FROM tx'],
		['SELECT * FROM range(3)'],
		['(SELECT 1) UNION ALL (SELECT 2)'],
		["SELECT 'read_csv(''x.csv'')' AS s -- read_csv('y') in a comment\n, /* glob('*') */ 1"]
	])('passes: %s', async (q) => {
		expect(await refusal(q)).toBeNull();
	});

	it.each([
		["SELECT * FROM read_csv('x')", 'console.refused.reader', 'read_csv'],
		["SELECT * FROM read_csv_auto('https://example.com/a.csv')", 'console.refused.reader', 'read_csv_auto'],
		["SELECT * FROM read_parquet('http://example.com/a.parquet')", 'console.refused.reader', 'read_parquet'],
		["WITH c AS (SELECT * FROM read_json('x.json')) SELECT * FROM c", 'console.refused.reader', 'read_json'],
		["SELECT * FROM tx WHERE customer_id IN (SELECT column0 FROM read_text('ids.txt'))", 'console.refused.reader', 'read_text'],
		['SELECT * FROM "READ_CSV" /* hidden */ (\'x\')', 'console.refused.reader', 'read_csv'],
		["SELECT * FROM system.main.read_blob('x')", 'console.refused.reader', 'read_blob'],
		["SELECT * FROM glob('*')", 'console.refused.reader', 'glob'],
		["SELECT * FROM sniff_csv('x.csv')", 'console.refused.reader', 'sniff_csv'],
		["SELECT * FROM query('SELECT 1')", 'console.refused.dynamicSql', 'query'],
		["SELECT * FROM query_table('tx')", 'console.refused.dynamicSql', 'query_table'],
		['SELECT * FROM checkpoint()', 'console.refused.tableFunction', 'checkpoint']
	])('refuses the call in %s', async (q, code, name) => {
		const r = await refusal(q);
		expect(r?.code).toBe(code);
		expect(r?.params.name).toBe(name);
		expect(q.slice(r!.at!).toLowerCase()).toMatch(/^"?(system\.main\.)?[a-z_]/);
	});

	it.each([
		["SELECT * FROM 'file.csv'", 'file.csv'],
		['SELECT * FROM "file.csv"', 'file.csv'],
		["SELECT * FROM 'http://example.com/x.csv'", 'http://example.com/x.csv'],
		["SELECT * FROM tx WHERE customer_id IN (SELECT customer_id FROM 'other.parquet')", 'other.parquet'],
		["WITH c AS (FROM 'https://example.com/x.csv') SELECT * FROM c", 'https://example.com/x.csv'],
		["PIVOT 'x.csv' ON a USING count(*)", 'x.csv'],
		['SELECT * FROM tx JOIN "https://example.com/z.parquet" USING (customer_id)', 'https://example.com/z.parquet'],
		["SELECT * FROM tx, 'y.csv' AS y", 'y.csv']
	])('refuses a file or URL as a table (DuckDB replacement scan): %s', async (q, name) => {
		const r = await refusal(q);
		expect(r).toMatchObject({ code: 'console.refused.fileTable', params: { name } });
		expect(q.slice(r!.at!)).toMatch(/^['"]/);
	});

	it.each([
		["ATTACH 'x.db' AS x", 'console.refused.attach'],
		['DETACH x', 'console.refused.attach'],
		["COPY tx TO 'out.csv'", 'console.refused.copy'],
		["COPY tx FROM 'in.csv'", 'console.refused.copy'],
		["EXPORT DATABASE 'dir'", 'console.refused.export'],
		["IMPORT DATABASE 'dir'", 'console.refused.export'],
		['INSTALL httpfs', 'console.refused.extension'],
		['LOAD httpfs', 'console.refused.extension'],
		['FORCE INSTALL httpfs', 'console.refused.extension'],
		['UPDATE EXTENSIONS', 'console.refused.extension'],
		['SET enable_external_access = true', 'console.refused.setting'],
		['RESET threads', 'console.refused.setting'],
		['PRAGMA version', 'console.refused.pragma'],
		['CALL pragma_version()', 'console.refused.call'],
		['SELECT 1; SELECT 2', 'console.refused.multiple'],
		["SELECT 1; COPY tx TO 'x.csv'", 'console.refused.multiple'],
		['BEGIN TRANSACTION', 'console.refused.statement'],
		['CHECKPOINT', 'console.refused.statement'],
		['   -- only a comment', 'console.refused.empty'],
		['DROP TABLE tx', 'console.refused.writeOff'],
		['DELETE FROM tx', 'console.refused.writeOff'],
		['CREATE TABLE scratch.t AS SELECT 1', 'console.refused.writeOff'],
		['SELECT * FROM nosuch', 'console.refused.unknownTable'],
		['EXPLAIN DROP TABLE tx', 'console.refused.explainWrite']
	])('refuses %s with its own message', async (q, code) => {
		expect((await refusal(q))?.code).toBe(code);
	});

	it('counts the second statement from its start, quoting and comments included', async () => {
		const q = "SELECT ';' -- ;\n; /* ; */ LOAD httpfs";
		const r = await refusal(q);
		expect(r?.code).toBe('console.refused.multiple');
		expect(q.slice(r!.at!)).toBe('LOAD httpfs');
	});

	it('gives a parse error with its position in the statement, from DuckDB', async () => {
		const q = 'SELECT segment\nFROM tx WHERE amount = = 1';
		const r = await refusal(q);
		expect(r?.code).toBe('console.err.syntax');
		expect(r!.at).toBe(q.indexOf('= 1'));
	});
});

describe('scratch writes, behind the switch', () => {
	it('creates, fills, reads and drops a scratch table only with the switch on', async () => {
		expect((await refusal('CREATE TABLE scratch.big AS SELECT * FROM tx WHERE amount > 3'))?.code).toBe('console.refused.writeOff');
		const made = await runConsole(db, 'CREATE TABLE scratch.big AS SELECT * FROM tx WHERE amount > 3', { scratch: true });
		expect(made).toMatchObject({ kind: 'done', action: 'create', target: 'big' });
		await runConsole(db, "INSERT INTO scratch.big VALUES ('c9', 'C', 99.0)", { scratch: true });
		await runConsole(db, 'CREATE VIEW scratch.v AS SELECT count(*) AS n FROM scratch.big', { scratch: true });
		const n = await db.query<{ n: number }>(raw('SELECT n FROM scratch.v'));
		// amounts > 3: 10, 5, 4 → 3 rows, + 1 inserted
		expect(n.rows[0]?.n).toBe(4);
		const schema = await consoleSchema(db);
		expect(schema.find((t) => t.schema === 'scratch' && t.name === 'big')?.columns.map((c) => c.name)).toEqual(['customer_id', 'segment', 'amount']);
		// The data grid's typed copy and search index of a table are not listed (the table itself is).
		await db.exec(raw('CREATE TABLE tx__grid AS SELECT * FROM tx'));
		await db.exec(raw('CREATE TABLE tx__grid_search AS SELECT customer_id AS s FROM tx'));
		const names = (await consoleSchema(db)).map((t) => t.name);
		expect(names).toContain('tx');
		expect(names.filter((n) => n.includes('__grid'))).toEqual([]);
		await db.exec(raw('DROP TABLE tx__grid'));
		await db.exec(raw('DROP TABLE tx__grid_search'));
		await runConsole(db, 'DROP VIEW scratch.v', { scratch: true });
		expect((await runConsole(db, 'DROP TABLE scratch.big', { scratch: true })).kind).toBe('done');
	});

	it.each([
		['CREATE TABLE t AS SELECT 1', 'console.refused.scratchOnly'],
		['CREATE TABLE main.t AS SELECT 1', 'console.refused.scratchOnly'],
		['CREATE TEMP TABLE t AS SELECT 1', 'console.refused.writeKind'],
		['INSERT INTO tx SELECT * FROM tx', 'console.refused.scratchOnly'],
		['INSERT INTO main.tx SELECT * FROM tx', 'console.refused.scratchOnly'],
		['DROP TABLE tx', 'console.refused.scratchOnly'],
		['DROP TABLE main.tx', 'console.refused.scratchOnly'],
		['DELETE FROM tx', 'console.refused.writeKind'],
		['UPDATE tx SET amount = 0', 'console.refused.writeKind'],
		['ALTER TABLE tx RENAME TO y', 'console.refused.writeKind'],
		['CREATE MACRO scratch.m() AS 1', 'console.refused.writeKind'],
		['CREATE SCHEMA x', 'console.refused.writeKind'],
		["CREATE TABLE scratch.t AS SELECT * FROM read_csv('x.csv')", 'console.refused.reader'],
		["CREATE VIEW scratch.v AS SELECT * FROM 'x.csv'", 'console.refused.fileTable'],
		["INSERT INTO scratch.t SELECT * FROM 'https://example.com/x.csv'", 'console.refused.fileTable'],
		['CREATE TABLE scratch."x.csv" AS SELECT 1', 'console.refused.scratchName'],
		['CREATE TABLE scratch.t AS SELECT 1; DROP TABLE tx', 'console.refused.multiple']
	])('with the switch on, still refuses %s', async (q, code) => {
		expect((await refusal(q, true))?.code).toBe(code);
	});

	it('leaves the main tables as they were', async () => {
		const n = await db.query<{ n: number }>(raw('SELECT count(*) AS n FROM tx'));
		expect(n.rows[0]?.n).toBe(5);
	});
});

describe('running a query', () => {
	it('keeps the result in a temporary table the grid pages', async () => {
		const out = await runConsole(db, 'SELECT segment, count(DISTINCT customer_id) AS customers FROM tx GROUP BY segment ORDER BY segment', { scratch: false });
		expect(out.kind).toBe('rows');
		if (out.kind !== 'rows') return;
		const r = await db.query<{ segment: string; customers: number }>(out.source);
		expect(r.rows).toEqual([{ segment: 'A', customers: 2 }, { segment: 'B', customers: 1 }]);
	});

	it('points an unknown column at its line and column', async () => {
		const q = 'SELECT segment,\n  nosuch\nFROM tx';
		try {
			await runConsole(db, q, { scratch: false });
			expect.unreachable();
		} catch (e) {
			expect(isConsoleError(e) && e.code).toBe('console.err.noColumn');
			expect(isConsoleError(e) && e.params.name).toBe('nosuch');
			expect(isConsoleError(e) && e.at).toBe(q.indexOf('nosuch'));
		}
	});

	it('explains a query as text', async () => {
		const out = await runConsole(db, 'EXPLAIN SELECT * FROM tx', { scratch: false });
		expect(out.kind === 'plan' && out.text).toMatch(/SEQ_SCAN|Table: tx/);
	});

	it('runs a dynamic PIVOT (its source checked alone)', async () => {
		const out = await runConsole(db, 'PIVOT tx ON segment USING sum(amount) GROUP BY customer_id ORDER BY customer_id', { scratch: false });
		if (out.kind !== 'rows') throw new Error(out.kind);
		const r = await db.query(out.source);
		// c1: A 15; c2: A 1; c3: B 6
		expect(r.rows).toEqual([{ customer_id: 'c1', A: 15, B: null }, { customer_id: 'c2', A: 1, B: null }, { customer_id: 'c3', A: null, B: 6 }]);
	});
});
