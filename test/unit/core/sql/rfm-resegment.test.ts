import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	coverageCountsSql,
	coverageRows,
	coverageSql,
	coverageSummarySql
} from '../../../../src/core/sql/rfm-coverage.ts';
import { segmentSql, segmentSummarySql } from '../../../../src/core/sql/rfm.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { matchSegment, OTHERS, R10_DOCS, type SegmentSet } from '../../../../src/core/segments/rules.ts';
import { PRESETS } from '../../../../src/core/segments/presets.ts';
import { resegment } from '../../../../src/run/rfm.ts';
import { RFM_SCORES, RFM_TABLE } from '../../../../src/run/tables.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

/*
 * A re-segmentation reads the scores only: the segment table is a view over them, and the rule
 * editor's coverage comes from one scan (coverageCountsSql) that must agree with the per-rule
 * summary and the per-customer coverage.
 */

let db: NodeDbClient;

/** Every (r, f, m) in 1…5 once, plus a repeat of some, deterministic: 125 + 25 customers. */
const SCORES = sql`CREATE OR REPLACE TABLE ${ident(RFM_SCORES)} AS
	SELECT printf('c%03d', i) AS customer_id, r AS r_score, f AS f_score, m AS m_score,
		100 * r + 10 * f + m AS rfm_score, (6 - r) * 30 AS recency_days, f * 2 AS frequency,
		CAST(m * 100 + i AS DOUBLE) AS monetary, FALSE AS prospect,
		TIMESTAMP '2024-01-01' AS first_ts, TIMESTAMP '2024-06-01' AS last_ts
	FROM (SELECT (r - 1) * 25 + (f - 1) * 5 + m AS i, r, f, m FROM range(1, 6) a(r), range(1, 6) b(f), range(1, 6) c(m)
		UNION ALL SELECT 200 + r, r, r, 6 - r FROM range(1, 6) x(r)
		UNION ALL SELECT 300 + f, 5, f, f FROM range(1, 6) y(f))`;

const OVERLAP: SegmentSet = {
	id: 'overlap',
	rules: [
		{ id: 'big', r: [3, 5], f: [3, 5], m: [4, 5] },
		{ id: 'recent', r: [4, 5], f: [1, 5], m: [1, 5] },
		{ id: 'frequent', r: [1, 5], f: [4, 5], m: [1, 3] }
	]
};
const EMPTY: SegmentSet = { id: 'empty', rules: [] };

beforeAll(async () => {
	db = await openDb();
	await db.exec(SCORES);
});
afterAll(async () => {
	await db.close();
});

const cases: [string, SegmentSet][] = [
	['three overlapping rules', OVERLAP],
	['no rules', EMPTY],
	['the R package’s ten segments', R10_DOCS],
	['the Chinese eight classes', PRESETS.cn8]
];

describe('coverage in one scan', () => {
	it.each(cases)('%s: same rows as coverageSummarySql, same overlap as coverageSql', async (_name, set) => {
		const one = coverageRows(set, (await db.query(coverageCountsSql({ scores: RFM_SCORES, set }))).rows[0]);
		const summary = (await db.query(coverageSummarySql({ scores: RFM_SCORES, set }))).rows;
		expect(one.rows).toEqual(summary.map((r) => ({ ...r, priority: Number(r.priority) })));
		const per = (await db.query(coverageSql({ scores: RFM_SCORES, set }))).rows;
		expect(one.several).toBe(per.filter((r) => Number(r.matches) > 1).length);
		expect(one.none).toBe(per.filter((r) => Number(r.matches) === 0).length);
		expect(one.rows.reduce((a, r) => a + r.won, 0)).toBe(per.length);
	});

	it('an empty answer reads as zeros (no customers)', () => {
		const c = coverageRows(OVERLAP, undefined);
		expect(c.rows.map((r) => [r.segment, r.matched, r.won, r.shadowed])).toEqual([
			['big', 0, 0, 0],
			['recent', 0, 0, 0],
			['frequent', 0, 0, 0],
			[OTHERS, 0, 0, 0]
		]);
		expect([c.several, c.none]).toEqual([0, 0]);
	});
});

describe('the segment table as a view over the scores', () => {
	const counts = async () =>
		Object.fromEntries(
			(await db.query<{ segment: string; customers: number }>(segmentSummarySql(RFM_TABLE))).rows.map((r) => [
				r.segment,
				r.customers
			])
		);
	const expected = async (set: SegmentSet) => {
		const rows = (await db.query<{ r_score: number; f_score: number; m_score: number }>(sql`SELECT r_score, f_score, m_score FROM rfm_scores`)).rows;
		const out: Record<string, number> = {};
		for (const r of rows) {
			const s = matchSegment(set, r.r_score, r.f_score, r.m_score);
			out[s] = (out[s] ?? 0) + 1;
		}
		return out;
	};

	it.each(cases)('%s: each rule change is seen by the next read', async (_name, set) => {
		await resegment(db, set);
		expect(await counts()).toEqual(await expected(set));
		const kind = (await db.query<{ t: string }>(sql`SELECT table_type AS t FROM information_schema.tables WHERE table_name = ${RFM_TABLE}`)).rows;
		expect(kind).toEqual([{ t: 'VIEW' }]);
	});

	it.each(cases)('%s: the summary read from the scores equals the one read from the view', async (_name, set) => {
		await resegment(db, set);
		const fromView = (await db.query(segmentSummarySql(RFM_TABLE))).rows;
		const fromScores = (await db.query(segmentSummarySql({ scores: RFM_SCORES, set }))).rows;
		expect(fromScores).toEqual(fromView);
		expect(fromScores.length).toBeGreaterThan(0);
	});

	it('new scores under the same view: the view follows them', async () => {
		await resegment(db, OVERLAP);
		const before = await counts();
		await db.exec(sql`UPDATE rfm_scores SET r_score = 5, f_score = 5, m_score = 5 WHERE customer_id = 'c001'`);
		const after = await counts();
		expect(after).toEqual(await expected(OVERLAP));
		expect(after).not.toEqual(before);
		await db.exec(SCORES);
	});

	it('segmentSql without `view` still builds a table (CLI, migration)', async () => {
		await db.exec(segmentSql({ scores: RFM_SCORES, target: 'seg_table', set: OVERLAP }));
		const kind = (await db.query<{ t: string }>(sql`SELECT table_type AS t FROM information_schema.tables WHERE table_name = 'seg_table'`)).rows;
		expect(kind).toEqual([{ t: 'BASE TABLE' }]);
	});
});
