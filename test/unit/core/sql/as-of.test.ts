/**
 * The default as-of date reads the 99.9th percentile of purchase days from a per-day count. It must
 * pick the same cutoff as DuckDB's quantile_disc over every row (the definition it replaces), with
 * and without stray future dates, on tied and sparse days, and for tiny tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAsOfSql, STRAY_DAYS } from '../../../../src/core/sql/as-of.ts';
import { ident, join, lit, sql } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** The definition: quantile_disc over all rows' days. */
const reference = (tx: string) => sql`WITH d AS (SELECT CAST(ts AS DATE) AS day FROM ${ident(tx)}),
	q AS (SELECT quantile_disc(day, 0.999) + ${STRAY_DAYS} AS cutoff FROM d)
	SELECT strftime(max(day) FILTER (WHERE day <= cutoff) + 1, '%Y-%m-%d') AS as_of,
		strftime(min(day), '%Y-%m-%d') AS first_day,
		CAST(count(*) FILTER (WHERE day > cutoff) AS INTEGER) AS stray,
		strftime(max(day), '%Y-%m-%d') AS last_day
	FROM d, q`;

async function both(days: readonly number[]) {
	await db.exec(sql`CREATE OR REPLACE TABLE asof_tx (ts TIMESTAMP)`);
	if (days.length)
		await db.exec(sql`INSERT INTO asof_tx SELECT TIMESTAMP '2020-01-01 10:30:00' + to_days(CAST(d AS INTEGER)) FROM unnest([${join(days.map((d) => lit(d)))}]) t(d)`);
	const got = (await db.query(defaultAsOfSql('asof_tx'))).rows[0];
	const want = (await db.query(reference('asof_tx'))).rows[0];
	return { got, want };
}

describe('defaultAsOfSql equals the quantile_disc definition', () => {
	it('on an empty table, one row, and a stray date far ahead', async () => {
		for (const days of [[], [3], [0, 1, 2, 5000]]) {
			const { got, want } = await both(days);
			expect(got).toEqual(want);
		}
		const { got } = await both([...Array.from({ length: 2000 }, (_, i) => i % 300), 4000, 4100]);
		expect(got).toMatchObject({ stray: 2, as_of: '2020-10-27', last_day: '2031-03-24' });
	});

	it('on random days (ties, gaps, strays)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 3000 }),
				fc.array(fc.integer({ min: 500, max: 3000 }), { maxLength: 8 }),
				async (days, strays) => {
					const { got, want } = await both([...days, ...strays]);
					expect(got).toEqual(want);
				}
			),
			{ numRuns: 40 }
		);
	});
});
