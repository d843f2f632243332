import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { loadFile } from '../../../../src/run/load-file.ts';
import { npsByGroup } from '../../../../src/run/kpi.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { joinSurveyRows, mergeGroups, toTrend } from '../../../../src/core/kpi/group-rows.ts';
import { periodsBetween } from '../../../../src/core/kpi/periods.ts';
import { pickQuadrantColumn } from '../../../../src/core/kpi/quadrants.ts';
import { existingTablesSql } from '../../../../src/core/sql/catalog.ts';
import { QUADRANT_COL, SEGMENT_COL, surveyJoinSql } from '../../../../src/core/sql/kpi-survey.ts';
import { openDb } from '../../../helpers/db.ts';

const SURVEYS = path.resolve(import.meta.dirname, '../../../../public/sample/surveys.csv');
let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
	const sample = fs.readFileSync(SURVEYS, 'utf8').slice(0, 256 * 1024);
	await loadFile(db, { fileName: 'surveys.csv', source: { kind: 'path', path: SURVEYS }, sample, table: 'raw_survey' });
	// A tiny RFM table: two known customers in two segments; everyone else is unknown.
	await db.exec(sql`CREATE TABLE rfm AS SELECT * FROM (VALUES ('C000399', 'champions'), ('C000644', 'lost')) AS t(customer_id, segment)`);
});
afterAll(async () => {
	await db.close();
});

describe('survey answers joined to RFM segments', () => {
	it('keeps every answer and row order, adds the segment, and NPS by segment adds up to the overall', async () => {
		await db.exec(surveyJoinSql({ source: 'raw_survey', target: 'survey_k', customer: '客户编号', rfm: 'rfm', quadrant: null }));
		const first = (await db.query<{ id: string; seg: string | null; q: string | null }>(sql`SELECT "客户编号" AS id, ${ident(SEGMENT_COL)} AS seg, ${ident(QUADRANT_COL)} AS q FROM survey_k LIMIT 2`)).rows;
		expect(first).toEqual([
			{ id: 'C000399', seg: 'champions', q: null },
			{ id: 'C000644', seg: 'lost', q: null }
		]);
		const n = (await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM survey_k`)).rows[0]!.n;
		expect(n).toBe(3000);
		const all = await npsByGroup(db, { file: 'surveys.csv', source: 'survey_k', score: 'NPS' });
		const bySeg = await npsByGroup(db, { file: 'surveys.csv', source: 'survey_k', score: 'NPS', by: { kind: 'column', column: SEGMENT_COL } });
		expect(bySeg.map((r) => r.group)).toEqual(expect.arrayContaining(['champions', 'lost', null]));
		expect(bySeg.reduce((a, r) => a + r.n, 0)).toBe(all[0]!.n);
	});

	it('adds the value quadrant when a quadrant table exists', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE value_matrix AS SELECT * FROM (VALUES ('C000644', 'core', 1.0)) AS t(customer_id, quadrant, potential_value)`);
		await db.exec(surveyJoinSql({ source: 'raw_survey', target: 'survey_q', customer: '客户编号', rfm: null, quadrant: { table: 'value_matrix', column: 'quadrant' } }));
		const rows = (await db.query<{ seg: string | null; q: string | null }>(sql`SELECT ${ident(SEGMENT_COL)} AS seg, ${ident(QUADRANT_COL)} AS q FROM survey_q LIMIT 2`)).rows;
		expect(rows).toEqual([
			{ seg: null, q: null },
			{ seg: null, q: 'core' }
		]);
		await db.exec(sql`DROP TABLE value_matrix`);
	});

	it.each<[string[], string[]]>([
		[['rfm', 'value_quadrants'], ['rfm']],
		[['nothing_here'], []]
	])('finds which of %j exist', async (names, expected) => {
		expect((await db.query<{ name: string }>(existingTablesSql(names))).rows.map((r) => r.name)).toEqual(expected);
	});
});

describe('pure helpers', () => {
	it.each<[string[], string | null]>([
		[['customer_id', 'quadrant', 'value'], 'quadrant'],
		[['customer_id', 'value_quadrant'], 'value_quadrant'],
		[['customer_id', '价值象限'], '价值象限'],
		[['customer_id', 'x'], null]
	])('quadrant column of %j', (cols, expected) => {
		expect(pickQuadrantColumn(cols)).toBe(expected);
	});

	it.each([
		['month', '2024-01-15', '2024-03-10', [['2024-01', '2024-01-15', '2024-01-31'], ['2024-02', '2024-02-01', '2024-02-29'], ['2024-03', '2024-03-01', '2024-03-10']]],
		['quarter', '2024-02-10', '2024-07-01', [['2024-Q1', '2024-02-10', '2024-03-31'], ['2024-Q2', '2024-04-01', '2024-06-30'], ['2024-Q3', '2024-07-01', '2024-07-01']]],
		['quarter', '2024-11-30', '2025-01-01', [['2024-Q4', '2024-11-30', '2024-12-31'], ['2025-Q1', '2025-01-01', '2025-01-01']]]
	] as const)('%s periods from %s to %s', (unit, first, last, expected) => {
		expect(periodsBetween(first, last, unit).map((p) => [p.label, p.start, p.end])).toEqual(expected);
	});

	it('joins survey KPIs per group, merges retention rows and builds a trend in display units', () => {
		const nps = (g: string, v: number) => ({ group: g, n: 10, detractors: 2, passives: 3, promoters: 5, pPromoters: 0.5, pDetractors: 0.2, nps: v, variance: 0.5, se: 0.1, ciLow: v - 0.2, ciHigh: v + 0.2 });
		const rows = joinSurveyRows([nps('2024-Q2', 0.3), nps('2024-Q1', 0.1)], [{ group: '2024-Q1', n: 5, satisfied: 4, csat: 0.8, ciLow: 0.4, ciHigh: 0.96 }], []);
		expect(rows.map((r) => [r.group, !!r.nps, !!r.csat])).toEqual([['2024-Q2', true, false], ['2024-Q1', true, true]]);
		const t = toTrend(rows, 'nps');
		expect(t.map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2']);
		expect(t[0]!.value).toBeCloseTo(10, 9);
		expect(t[0]!.low).toBeCloseTo(-10, 9);
		expect(toTrend(rows, 'csat').map((p) => p.value)).toEqual([80]);
		const merged = mergeGroups([{ group: null, nps: rows[0]!.nps }, { group: 'b' }], [{ group: 'a' }, { group: null }]);
		expect(merged.map((r) => r.group)).toEqual(['a', 'b', null]);
		expect(merged[2]!.nps).toBeDefined();
	});
});
