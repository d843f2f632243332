import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql } from '../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { byQuadrantOrder, isQuadrantId, presentQuadrants, quadrantLabel } from '../../../src/core/kpi/quadrants.ts';
import { findQuadrantSource } from '../../../src/run/quadrant-source.ts';
import { openDb } from '../../helpers/db.ts';

let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
});
afterAll(async () => {
	await db.close();
});

/** Quadrant tables to leave out: none, or a value_matrix left from earlier transactions. */
const always: string[] = [];
const staleMatrix = ['value_matrix'];

describe('finding the value quadrants', () => {
	it.each<[string, string[], string[], { table: string; column: string } | null]>([
		['no table', [], always, null],
		['the value view’s matrix', [`CREATE TABLE value_matrix AS SELECT 'C1' AS customer_id, 1.0 AS current_value, 'core' AS quadrant`], always, { table: 'value_matrix', column: 'quadrant' }],
		['a matrix left from earlier transactions', [`CREATE TABLE value_matrix AS SELECT 'C1' AS customer_id, 'core' AS quadrant`], staleMatrix, null],
		['a brought-in table with a Chinese column, preferred', [`CREATE TABLE value_matrix AS SELECT 'C1' AS customer_id, 'core' AS quadrant`, `CREATE TABLE value_quadrants AS SELECT 'C1' AS customer_id, '核心价值客户' AS "价值象限"`], always, { table: 'value_quadrants', column: '价值象限' }],
		['a table without customer ids, skipped', [`CREATE TABLE value_quadrants AS SELECT 'C1' AS id, 'core' AS quadrant`, `CREATE TABLE value_matrix AS SELECT 'C1' AS customer_id, 'low' AS quadrant`], always, { table: 'value_matrix', column: 'quadrant' }]
	])('%s', async (_name, setup, ignore, expected) => {
		await db.exec(sql`DROP TABLE IF EXISTS value_matrix`);
		await db.exec(sql`DROP TABLE IF EXISTS value_quadrants`);
		for (const s of setup) await db.exec(raw(s));
		expect(await findQuadrantSource(db, { ignore })).toEqual(expected);
	});
});

describe('quadrant order and names', () => {
	it.each<[(string | null)[], (string | null)[]]>([
		[['low', null, 'core', 'general', 'potential'], ['core', 'potential', 'general', 'low', null]],
		[['其他', 'low', null, 'A'], ['low', 'A', '其他', null]],
		[[], []]
	])('orders %j as %j', (groups, expected) => {
		expect(byQuadrantOrder(groups.map((group, i) => ({ group, i }))).map((r) => r.group)).toEqual(expected);
	});

	it('keeps the row order inside a group (funnel steps stay in order)', () => {
		const rows = [1, 2, 1, 2].map((step, i) => ({ group: i < 2 ? 'low' : 'core', step }));
		expect(byQuadrantOrder(rows).map((r) => `${r.group}${r.step}`)).toEqual(['core1', 'core2', 'low1', 'low2']);
	});

	it.each<[(string | null)[], string[]]>([
		[['general', 'core', null, 'low'], ['core', 'general', 'low']],
		[['potential'], ['potential']]
	])('present quadrants of %j', (values, expected) => {
		expect(presentQuadrants(values)).toEqual(expected);
	});

	it.each([
		['core', true, '[value.quadrant.core]'],
		['low', true, '[value.quadrant.low]'],
		['VIP', false, 'VIP']
	])('%s: quadrant id %s, shown as %s', (q, isId, shown) => {
		expect(isQuadrantId(q)).toBe(isId);
		expect(quadrantLabel(q, (k) => `[${k}]`)).toBe(shown);
	});
});
