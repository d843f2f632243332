import { beforeAll, describe, expect, it } from 'vitest';
import { FALLEN_COLUMNS, fallenListSql } from '../../../src/core/sql/migrate.ts';
import { ident, sql, type Sql } from '../../../src/core/sql/sql.ts';
import { CATALOGUES, type Lang } from '../../../src/i18n/translate.ts';
import { runAbc } from '../../../src/run/abc.ts';
import { CLV_TABLE, RFM_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { runValueMatrix } from '../../../src/run/value-matrix.ts';
import { gridHeader } from '../../../src/ui/format.ts';
import { abcGridLabels, AbcModel } from '../../../src/views/abc/abc-model.svelte.ts';
import { fallenGridLabels } from '../../../src/views/migrate/migrate-model.svelte.ts';
import { MatrixModel } from '../../../src/views/value-matrix/matrix-model.svelte.ts';
import { useDb } from '../../helpers/db.ts';

/*
 * The result grids of ABC, the value matrix and a migration name their columns by stable ids, so a
 * filter, a hidden column or a width kept by column name (state/grid-views, project files) holds after
 * a language switch; the headers are labels in the UI language. Their CSV exports keep the columns they
 * always had (ABC and migration: ids; value matrix: headers in the UI language).
 */
const db = useDb();
const LANGS: Lang[] = ['zh-CN', 'en'];

beforeAll(async () => {
	await db.exec(sql`CREATE TABLE ${ident(TX_TABLE)} AS SELECT * FROM (VALUES
		('a', TIMESTAMP '2024-01-05', 100.0), ('b', TIMESTAMP '2024-02-01', 300.0), ('c', TIMESTAMP '2024-03-01', 50.0),
		('d', TIMESTAMP '2024-04-01', 500.0), ('e', TIMESTAMP '2023-06-01', 200.0)) t(customer_id, ts, amount)`);
	await db.exec(sql`CREATE TABLE ${ident(CLV_TABLE)} AS SELECT * FROM (VALUES
		('a', 900.0, 0.9, 100.0, 3.0), ('b', 10.0, 0.2, 100.0, 0.5), ('c', 20.0, 0.5, 10.0, 1.0),
		('d', 800.0, 0.8, 200.0, 4.0), ('e', 700.0, 0.1, 50.0, 2.0)) t(customer_id, clv, p_alive, expected_avg_spend, expected_purchases)`);
	await db.exec(sql`CREATE TABLE ${ident(RFM_TABLE)} AS SELECT * FROM (VALUES ('a', 5, 4, 3, 'champions'), ('b', 1, 1, 1, 'lost'), ('c', 2, 2, 2, 'lost'),
		('d', 5, 5, 5, 'champions'), ('e', 3, 3, 3, 'lost')) t(customer_id, r_score, f_score, m_score, segment)`);
});

const columnsOf = async (q: Sql) => (await db.query(sql`SELECT * FROM (${q}) LIMIT 0`)).columns.map((c) => c.name);

/** Every column has a label in both languages, and the labels are those of the UI language. */
function expectLabelled(columns: readonly string[], labels: (lang: Lang) => Record<string, string>): void {
	for (const lang of LANGS) for (const c of columns) expect(labels(lang)[c], `${lang} ${c}`).toBeTruthy();
	expect(columns.filter((c) => labels('zh-CN')[c] === labels('en')[c])).toEqual(columns.includes('clv') ? ['clv'] : []);
}

describe('result grid columns: ids in the source, labels on the header', () => {
	it('headers a column by the grid’s labels, by the shared col.<id> labels, or as named', () => {
		expect(gridHeader('en', { revenue: 'Revenue' }, 'revenue')).toBe('Revenue');
		expect(gridHeader('en', { revenue: 'Revenue' }, 'computed')).toBe('computed');
		expect(gridHeader('zh-CN', true, 'customer_id')).toBe('客户编号');
		expect(gridHeader('zh-CN', false, 'customer_id')).toBe('customer_id');
	});

	it('ABC: the grid source’s columns are the same ids in both languages; the export keeps its columns', async () => {
		await runAbc(db, {});
		const model = new AbcModel(db, 0);
		const columns = await columnsOf(model.customersSource(null));
		expect(columns).toEqual(['customer_id', 'rank', 'revenue', 'cum_share', 'abc_class', 'segment']);
		// rank order d, b, e, a, c (revenue 500, 300, 200, 100, 50)
		const named = model.customersSource({ names: { champions: '重要价值客户' } });
		expect(await columnsOf(named)).toEqual(columns);
		expect((await db.query(named)).rows.map((r) => r.segment)).toEqual(['重要价值客户', 'lost', 'lost', '重要价值客户', 'lost']);
		expectLabelled(columns, abcGridLabels);
		expect(abcGridLabels('zh-CN').revenue).toBe(CATALOGUES['zh-CN']['abc.gcol.revenue']);
		expect((await model.exportCsv(null)).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('customer_id,revenue,cum_share,abc_class,segment');
	});

	it('value matrix: the grid source’s columns are ids in both languages; the export keeps its headers in the UI language', async () => {
		await runValueMatrix(db, { current: { kind: 'revenue', from: '2024-01-01' }, potential: 'clv', split: { kind: 'median' } });
		const model = new MatrixModel(db);
		const zh = await columnsOf(model.customersSource('zh-CN'));
		expect(await columnsOf(model.customersSource('en'))).toEqual(zh);
		// current value = revenue: one column (as before)
		expect(zh).toEqual(['customer_id', 'quadrant', 'current_value', 'potential_value', 'clv', 'p_alive', 'expected_purchases', 'expected_avg_spend']);
		expectLabelled(zh, (lang) => model.headerNames(lang));
		expect(model.moneyColumns()).toEqual(['revenue', 'current_value']);
		for (const lang of LANGS) {
			const names = model.headerNames(lang);
			const header = (await model.exportCsv(lang)).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
			const strategy = CATALOGUES[lang]['value.col.strategy'];
			expect(header).toEqual([names.customer_id, names.quadrant, strategy, ...zh.slice(2).map((c) => names[c as keyof typeof names])]);
			expect(model.moneyHeaders(lang)).toEqual([names.revenue, names.current_value]);
		}
	});

	it('migration: the fallen customers’ grid columns are FALLEN_COLUMNS, each labelled in both languages', async () => {
		await db.exec(sql`CREATE TABLE transitions AS SELECT * FROM (VALUES ('a', 'champions', 'at_risk', 555, 211, 900.0, 20.0))
			t(customer_id, segment_from, segment_to, rfm_score_from, rfm_score_to, monetary_from, monetary_to)`);
		for (const lang of LANGS) {
			const names = { champions: lang === 'en' ? 'Champions' : '重要价值客户' };
			const q = fallenListSql({ transitions: 'transitions', set: { valuable: ['champions'], atRisk: ['at_risk'] } as never, names });
			expect(await columnsOf(q)).toEqual([...FALLEN_COLUMNS]);
		}
		expectLabelled(FALLEN_COLUMNS, fallenGridLabels);
		expect(fallenGridLabels('en').monetary_from).toBe(CATALOGUES.en['migration.col.monetary_from']);
	});
});
