import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../src/core/errors.ts';
import { countSql, pageSql } from '../../../src/core/sql/grid.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { gridViews } from '../../../src/state/grid-views.svelte.ts';
import { GridTools } from '../../../src/ui/grid-tools.svelte.ts';
import { useDb } from '../../helpers/db.ts';

/*
 * The grid's tools over a real table (Node runs Svelte's server build: the model's state is plain
 * fields). Expected counts come from the rows listed here.
 */
const db = useDb();
const ROWS: [string, string, number, string][] = [
	['C1', '上海', 120, '2024-01-05'],
	['C1', '北京', 80, '2024-02-10'],
	['C2', '上海', 300, '2024-03-01'],
	['C3', 'Shanghai', 45.5, '2024-03-20'],
	['C4', '广州', 500, '2024-04-02']
];

async function tools(key: string): Promise<GridTools> {
	await db.exec(sql`CREATE OR REPLACE TABLE gt_rows (${ident('客户 id')} VARCHAR, city VARCHAR, amount DOUBLE, day DATE)`);
	for (const [c, city, a, d] of ROWS) await db.exec(sql`INSERT INTO gt_rows VALUES (${c}, ${city}, ${a}, CAST(${d} AS DATE))`);
	const t = new GridTools(db, sql`SELECT * FROM gt_rows`, key, '客户 id');
	await t.init();
	return t;
}
const shown = async (t: GridTools) => (await db.query<{ n: number }>(countSql(t.source))).rows[0]?.n;

describe('grid tools model', () => {
	it('filters AND-combined, one per column; the view is plain JSON under its key', async () => {
		const t = await tools('test:a');
		expect([t.totalAll, t.textColumns]).toEqual([5, ['客户 id', 'city']]);
		t.setFilter('city', { column: 'city', kind: 'values', values: ['上海'] });
		expect(await shown(t)).toBe(2);
		t.setFilter('amount', { column: 'amount', kind: 'range', min: 200, max: null });
		expect(await shown(t)).toBe(1);
		t.setFilter('city', { column: 'city', kind: 'contains', text: 'shang' });
		expect(await shown(t)).toBe(0);
		t.setFilter('amount', null);
		expect(await shown(t)).toBe(1);
		expect(JSON.parse(JSON.stringify(gridViews.get('test:a')))).toEqual(gridViews.get('test:a'));
		expect(gridViews.get('test:other').filters).toEqual([]);
	});

	it('computed columns: added when they compile, refused with the position otherwise, sortable and filterable', async () => {
		const t = await tools('test:b');
		expect(() => t.addComputed('x', 'amount * [nope]')).toThrow(ClienteleError);
		try {
			t.addComputed('x', 'amount * [nope]');
		} catch (e) {
			expect([(e as ClienteleError).code, (e as ClienteleError).params.pos]).toEqual(['expr.unknownColumn', 10]);
		}
		expect(() => t.addComputed('city', '1')).toThrow(/expr.dupName/);
		t.addComputed('month', 'month(day)');
		t.addComputed('double', 'round(amount * 2, 0) + month');
		expect(t.columns.map((c) => c.name)).toEqual(['客户 id', 'city', 'amount', 'day', 'month', 'double']);
		const top = await db.query<{ double: number }>(pageSql({ source: t.source, offset: 0, limit: 1, sort: { column: 'double', desc: true } }));
		expect(top.rows[0]?.double).toBe(1004);
		t.setFilter('month', { column: 'month', kind: 'range', min: 3, max: 3 });
		expect(await shown(t)).toBe(2);
		t.removeComputed('month');
		expect(t.view.filters).toEqual([]);
		expect(t.columns.map((c) => c.name)).not.toContain('month');
	});

	it('a saved customer list: the distinct customers of the rows shown, kept with its view', async () => {
		const t = await tools('test:c');
		t.setFilter('amount', { column: 'amount', kind: 'range', min: 50, max: 400 });
		expect(await t.saveList('mid spenders')).toBe(2);
		const list = gridViews.lists.find((l) => l.name === 'mid spenders');
		expect(list).toEqual({ name: 'mid spenders', source: 'test:c', customerColumn: '客户 id', view: t.view, customers: 2 });
		const p = await t.profile('amount');
		expect([p.rows, p.min, p.max]).toEqual([3, 80, 300]);
	});
});

describe('grid tools: a column whose values are shown translated', () => {
	// A result table whose `seg` column reads in the UI language (as the RFM list's segment names do).
	const LABELS = { seg: { en: { champions: 'Champions', loyal: 'Loyal' }, 'zh-CN': { champions: '冠军客户', loyal: '忠诚客户' } } };
	const source = (lang: 'en' | 'zh-CN') => {
		const name = (id: string) => LABELS.seg[lang][id as 'champions'];
		return sql`SELECT * FROM (VALUES ('C1', ${name('champions')}), ('C2', ${name('loyal')}), ('C3', ${name('champions')})) AS t(customer_id, seg)`;
	};

	it('a value filter set in zh-CN keeps its rows in English (kept by id, shown as the label)', async () => {
		let lang: 'en' | 'zh-CN' = 'zh-CN';
		const zh = new GridTools(db, source('zh-CN'), 'test:tr', 'customer_id', null, LABELS, () => lang);
		await zh.init();
		zh.setFilter('seg', { column: 'seg', kind: 'values', values: ['冠军客户'] });
		expect(await shown(zh)).toBe(2);
		expect(gridViews.get('test:tr').filters).toEqual([{ column: 'seg', kind: 'values', values: ['champions'] }]);
		lang = 'en';
		const en = new GridTools(db, source('en'), 'test:tr', 'customer_id', null, LABELS, () => lang);
		await en.init();
		expect(await shown(en)).toBe(2);
		expect(en.filterOf('seg')).toEqual({ column: 'seg', kind: 'values', values: ['Champions'] });
	});

	it('a project file’s filter by names: known names mapped to ids, an unknown one dropped and listed', async () => {
		gridViews.set('test:old', { computed: [], search: '', filters: [{ column: 'seg', kind: 'values', values: ['Loyal', '流失客户'] }] });
		const t = new GridTools(db, source('zh-CN'), 'test:old', 'customer_id', null, LABELS, () => 'zh-CN');
		await t.init();
		expect(gridViews.get('test:old').filters).toEqual([{ column: 'seg', kind: 'values', values: ['loyal'] }]);
		expect(t.dropped).toEqual([{ column: 'seg', value: '流失客户' }]);
		expect(await shown(t)).toBe(1);
	});
});
