import { beforeAll, describe, expect, it } from 'vitest';
import {
	rfmCustomersSql,
	type FrequencyMode,
	type MonetaryMode,
	type ReturnsMode
} from '../../../../src/core/sql/rfm.ts';
import { coverageSql, coverageSummarySql } from '../../../../src/core/sql/rfm-coverage.ts';
import { matchSegment, type SegmentSet } from '../../../../src/core/segments/rules.ts';
import { raw, sql } from '../../../../src/core/sql/sql.ts';
import { useHandDb } from '../../../helpers/rfm-hand.ts';

// The scoring methods on the same hand-checked customers: rfm-methods.test.ts.
const { db, score } = useHandDb();

describe('coverage of a rule set', () => {
	const set: SegmentSet = {
		id: 'overlap',
		rules: [
			{ id: 'big', r: [1, 2], f: [1, 2], m: [2, 2] },
			{ id: 'recent', r: [2, 2], f: [1, 2], m: [1, 2] },
			{ id: 'frequent', r: [1, 2], f: [2, 2], m: [1, 2] }
		]
	};
	it('per customer: how many rules match, which, and the winner; per rule: matched, won, shadowed', async () => {
		await score({ method: 'mean' });
		const rows = (await db.query(coverageSql({ scores: 'hand_scores', set }))).rows;
		expect(rows.map((r) => [r.customer_id, r.matches, r.matched, r.segment])).toEqual([
			['A', 3, 'big,recent,frequent', 'big'],
			['B', 2, 'big,recent', 'big'],
			['C', 2, 'big,frequent', 'big'],
			['D', 1, 'big', 'big'],
			['E', 2, 'recent,frequent', 'recent'],
			['F', 1, 'recent', 'recent'],
			['G', 1, 'frequent', 'frequent'],
			['H', 0, '', 'others']
		]);
		for (const r of rows)
			expect(r.segment).toBe(
				matchSegment(set, r.r_score as number, r.f_score as number, r.m_score as number)
			);
		const none = (await db.query(coverageSql({ scores: 'hand_scores', set, filter: 'none' }))).rows;
		expect(none.map((r) => r.customer_id)).toEqual(['H']);
		const overlap = (await db.query(coverageSql({ scores: 'hand_scores', set, filter: 'overlap' })))
			.rows;
		expect(overlap.map((r) => r.customer_id)).toEqual(['A', 'B', 'C', 'E']);
		const summary = (await db.query(coverageSummarySql({ scores: 'hand_scores', set }))).rows;
		expect(summary.map((r) => [r.segment, r.matched, r.won, r.shadowed])).toEqual([
			['big', 4, 4, 0],
			['recent', 4, 2, 2],
			['frequent', 4, 1, 3],
			['others', 1, 1, 0]
		]);
	});
});

describe('frequency, monetary and returns options', () => {
	beforeAll(async () => {
		// P: order O1 in two lines (100 + 50), a return in O2 (−30), a cancelled order C3 (−20), O4 (40).
		await db.exec(
			raw(`CREATE TABLE tx AS SELECT src_row, customer_id, order_id, CAST(ts AS TIMESTAMP) AS ts, amount FROM (VALUES
			(1, 'P', 'O1', '2024-01-01', 100.0), (2, 'P', 'O1', '2024-01-01', 50.0), (3, 'P', 'O2', '2024-01-05', -30.0),
			(4, 'P', 'C3', '2024-01-06', -20.0), (5, 'P', 'O4', '2024-01-10', 40.0)) AS t(src_row, customer_id, order_id, ts, amount)`)
		);
	});
	const cases: [FrequencyMode, MonetaryMode, ReturnsMode, number, number][] = [
		['orders', 'total', 'net', 2, 140],
		['days', 'total', 'net', 2, 140],
		['rows', 'total', 'net', 5, 140],
		['rows', 'total', 'exclude', 3, 190],
		['rows', 'total', 'drop-cancelled', 4, 160],
		['orders', 'average', 'net', 2, 70],
		['rows', 'average', 'exclude', 3, 63.33]
	];
	it.each(cases)(
		'frequency %s, monetary %s, returns %s → F %d, M %d',
		async (frequency, monetary, returns, f, m) => {
			await db.exec(
				rfmCustomersSql({
					tx: 'tx',
					target: 'opt_base',
					asOf: '2024-01-31',
					frequency,
					monetary,
					returns
				})
			);
			const row = (await db.query(sql`SELECT recency_days, frequency, monetary FROM opt_base`))
				.rows[0];
			expect(row).toEqual({ recency_days: 21, frequency: f, monetary: m });
		}
	);
});
