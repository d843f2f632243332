/**
 * The grid's typed view and unparsed counts on a wide file: each typed column cleaned once in a
 * subquery and parsed from there (a tenth of the SQL), with the same values as the parsing of
 * parse.ts read straight from the column; sqlTemplate fills a parsing built once.
 */
import { describe, expect, it } from 'vitest';
import { sniffSample } from '../../../../src/core/csv/sniff.ts';
import { unparsedCountsSql } from '../../../../src/core/sql/grid-kinds.ts';
import { dateExpr, numberExpr } from '../../../../src/core/sql/parse.ts';
import { ident, join, lit, raw, sql, sqlTemplate } from '../../../../src/core/sql/sql.ts';
import { typedExpr, typedRawSql } from '../../../../src/core/sql/typed-view.ts';
import { columnQualitySql } from '../../../../src/core/sql/quality.ts';
import { blankSql } from '../../../../src/core/sql/trim.ts';
import { useDb } from '../../../helpers/db.ts';

describe('sqlTemplate', () => {
	it('gives the text the builder gives for each argument', () => {
		const build = (x: ReturnType<typeof ident>) => sql`(CASE WHEN ${x} = ${'a'} THEN ${join([x, lit(1)])} END)`;
		const t = sqlTemplate(build);
		for (const name of ['a', 'b"c', '列 1', "it's"]) expect(t(ident(name)).text).toBe(build(ident(name)).text);
		expect(t(raw('1 + 1')).text).toBe(build(raw('1 + 1')).text);
	});
	it('refuses a plain value', () => {
		expect(() => sqlTemplate((x) => x)('x' as never)).toThrow(TypeError);
	});
});

const db = useDb();
/** Cells of every kind the parsing meets: wrappers, spaces, bad values, blanks. */
const CSV = [
	'n,d,t,m',
	'1,2024-01-02,a,="12"',
	' 2 ,2024-01-03 ,b,\'7',
	'x,nope,c,3.5',
	',,d,="" ',
	'4e2,2024-02-30,e,1_000'
].join('\n') + '\n';

describe('the typed view reads what parse.ts reads', () => {
	it('typedExpr is numberExpr / dateExpr; the view and the counts give the same values through the subquery', async () => {
		// The columns' kinds and formats from clean cells; the table holds the messy ones.
		const { columns } = sniffSample('n,d,t,m\n' + '1,2024-01-02,a,3.5\n'.repeat(5), { fileName: 'f.csv' });
		const kinds = columns.map((c) => c.kind);
		expect(kinds).toEqual(['integer', 'date', 'text', 'number']);
		expect(typedExpr(columns[0]!)!.text).toBe(numberExpr('n', columns[0]!.number!.format).text);
		expect(typedExpr(columns[1]!)!.text).toBe(dateExpr('d', columns[1]!.date!.format).text);
		await db.exec(sql`CREATE OR REPLACE TABLE tv AS SELECT * FROM (VALUES ${join(
			(CSV.trim() + '\n' + 'nope,2024-03-01,f,9\n'.repeat(3)).trim().split('\n').slice(1).map((l) => sql`(${join(l.split(',').map((v) => lit(v)))})`)
		)}) v(n, d, t, m)`);
		const straight = sql`SELECT ${join(columns.map((c) => sql`${typedExpr(c) ?? ident(c.name)} AS ${ident(c.name)}`))} FROM tv`;
		const viaView = typedRawSql({ source: 'tv', columns });
		expect(viaView.text).toContain('FROM (SELECT');
		expect((await db.query(viaView)).rows).toEqual((await db.query(straight)).rows);
		const counts = (await db.query(unparsedCountsSql('tv', columns)!)).rows[0];
		// n: 'x' and 3 × 'nope' do not parse; d: 'nope', '2024-02-30'; m: '1_000' (the `=""` cell is empty once unwrapped).
		expect(counts).toEqual({ u0: 4, n0: 7, u1: 2, n1: 7, u3: 1, n3: 7 });
	});

	// ≈ 1.75 kB since the Excel wrapper is undone as unwrapExcel() does (its doubled quotes too); ≈ 2.1–2.2 kB
	// with the usual-cell test in front (cleanCellSql: the load's parsing, which this view must read the same).
	it('10,000 number columns: the view is ≈ 2.2 kB of SQL a column (9.5 kB before)', () => {
		const head = [...Array(10_000).keys()].map((i) => `x${i}`).join(',');
		const { columns } = sniffSample(`${head}\n${Array(10_000).fill('7').join(',')}\n`, { fileName: 'w.csv' });
		expect(typedRawSql({ source: 'raw', columns }).text.length / 10_000).toBeLessThan(2400);
		expect(unparsedCountsSql('raw', columns)!.text.length / 10_000).toBeLessThan(2400);
	});
});

describe('the quality check reads what parse.ts reads (cleaned once in a subquery)', () => {
	it('missing and unreadable counts as numberExpr / dateExpr straight from the column give them', async () => {
		const { columns } = sniffSample('n,d,t,m\n' + '1,2024-01-02,a,3.5\n'.repeat(5), { fileName: 'f.csv' });
		const lines = CSV.trim().split('\n').slice(1);
		await db.exec(sql`CREATE OR REPLACE TABLE qv AS SELECT * FROM (VALUES ${join(lines.map((l) => sql`(${join(l.split(',').map((v) => lit(v)))})`))}) v(n, d, t, m)`);
		const got = (await db.query(columnQualitySql({ source: 'qv', columns }))).rows[0];
		// The parsing written out on the column, as the check was before.
		const straight = (c: (typeof columns)[number]) => (c.kind === 'date' ? dateExpr(c.name, c.date!.format) : c.number ? numberExpr(c.name, c.number.format) : null);
		const old = sql`SELECT count(*) AS total, ${join(
			columns.map((c, i) => {
				const p = straight(c);
				return sql`count(*) FILTER (WHERE ${blankSql(ident(c.name))}) AS ${ident(`m_${i}`)}, count(*) FILTER (WHERE ${p ? sql`NOT ${blankSql(ident(c.name))} AND ${p} IS NULL` : raw('FALSE')}) AS ${ident(`i_${i}`)}`;
			})
		)} FROM qv`;
		expect(got).toEqual((await db.query(old)).rows[0]);
		// By hand: n — '' missing, 'x' unreadable; d — '' missing, 'nope' and '2024-02-30'; m — '1_000' and `=""` (empty once unwrapped).
		expect(got).toEqual({ total: 5, m_0: 1, i_0: 1, m_1: 1, i_1: 2, m_2: 0, i_2: 0, m_3: 0, i_3: 2 });
	});

	it('200 number columns: ≈ 2.3 kB of SQL a column (18 kB before, which DuckDB-WASM could not plan: out of memory)', () => {
		const head = [...Array(200).keys()].map((i) => `x${i}`).join(',');
		const { columns } = sniffSample(`${head}\n${Array(200).fill('7').join(',')}\n`, { fileName: 'w.csv' });
		expect(columnQualitySql({ source: 'raw', columns }).text.length / 200).toBeLessThan(3000);
	});
});

