import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelSql } from '../../../../src/core/sql/journey-paths.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { byQuadrantOrder } from '../../../../src/core/kpi/quadrants.ts';
import { customerEventsSql, filterKey, parseFilter, type CustomerFilter } from '../../../../src/core/sql/journey-filter.ts';
import { openDb } from '../../../helpers/db.ts';

let db: NodeDbClient;

/*
 * Four customers: A and B in quadrant core / segment champions, C in low / lost, D unknown to both.
 * A: 官网 → App → 门店, B: 官网 → 门店, C: 官网 → App, D: 官网 → 门店 (events in time order, seq per customer).
 */
beforeAll(async () => {
	db = await openDb();
	await db.exec(sql`CREATE TABLE tp AS SELECT customer_id, TIMESTAMP '2024-01-01' + to_days(CAST(seq AS INTEGER)) AS ts, CAST(seq AS INTEGER) AS seq, touchpoint FROM (VALUES
		('A', 1, '官网'), ('A', 2, 'App'), ('A', 3, '门店'), ('B', 1, '官网'), ('B', 2, '门店'),
		('C', 1, '官网'), ('C', 2, 'App'), ('D', 1, '官网'), ('D', 2, '门店')) AS t(customer_id, seq, touchpoint)`);
	await db.exec(sql`CREATE TABLE value_matrix AS SELECT * FROM (VALUES ('A', 'core'), ('B', 'core'), ('C', 'low')) AS t(customer_id, quadrant)`);
	await db.exec(sql`CREATE TABLE rfm AS SELECT * FROM (VALUES ('A', 'champions'), ('B', 'champions'), ('C', 'lost')) AS t(customer_id, segment)`);
});
afterAll(async () => {
	await db.close();
});

describe('journey narrowed to one group of customers', () => {
	it.each([
		['quadrant core', 'value_matrix', 'quadrant', 'core', ['A:1', 'A:2', 'A:3', 'B:1', 'B:2']],
		['quadrant low', 'value_matrix', 'quadrant', 'low', ['C:1', 'C:2']],
		['segment lost', 'rfm', 'segment', 'lost', ['C:1', 'C:2']],
		['a quadrant nobody is in', 'value_matrix', 'quadrant', 'potential', []]
	])('%s keeps whole customers in order', async (_name, table, column, value, expected) => {
		await db.exec(customerEventsSql({ source: 'tp', target: 'tp_sel', table, column, value }));
		const rows = (await db.query<{ k: string }>(sql`SELECT customer_id || ':' || seq AS k FROM tp_sel`)).rows.map((r) => r.k);
		expect(rows).toEqual(expected);
	});

	it('splits the funnel by quadrant: groups in the matrix order, step-1 customers add up to the whole funnel', async () => {
		const steps = ['官网', '门店'];
		const all = (await db.query<{ step: number; customers: number }>(funnelSql({ table: 'tp', steps }))).rows;
		const split = byQuadrantOrder((await db.query<{ group: string | null; step: number; customers: number }>(funnelSql({ table: 'tp', steps, by: { table: 'value_matrix', column: 'quadrant' } }))).rows);
		expect(split.map((r) => [r.group, r.step, r.customers])).toEqual([
			['core', 1, 2],
			['core', 2, 2],
			['low', 1, 1],
			['low', 2, 0],
			[null, 1, 1],
			[null, 2, 1]
		]);
		for (const step of [1, 2]) expect(split.filter((r) => r.step === step).reduce((a, r) => a + r.customers, 0)).toBe(all.find((r) => r.step === step)!.customers);
	});
});

describe('customer filter keys', () => {
	it.each<[string, CustomerFilter]>([
		['', null],
		['segment:champions', { kind: 'segment', value: 'champions' }],
		['quadrant:core', { kind: 'quadrant', value: 'core' }],
		['quadrant:a:b', { kind: 'quadrant', value: 'a:b' }],
		['other:x', null],
		['segment:', null]
	])('%j parses as %j', (key, expected) => {
		expect(parseFilter(key)).toEqual(expected);
		if (expected) expect(filterKey(expected.kind, expected.value)).toBe(key);
	});
});
