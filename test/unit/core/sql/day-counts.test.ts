import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayCountsSql } from '../../../../src/core/sql/as-of.ts';
import { raw } from '../../../../src/core/sql/sql.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { openDb } from '../../../helpers/db.ts';

/*
 * The rows per day the default as-of date reads: grouped by the date and formatted per day, against
 * the per-row formatting it replaced (written out here), on times across midnight, NULLs, leap days,
 * and years outside 1000–9999 (where the text order and the date order differ).
 */
let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	await db.exec(raw(`CREATE TABLE t AS SELECT * FROM (VALUES
		(TIMESTAMP '2024-02-29 23:59:59'), (TIMESTAMP '2024-02-29 00:00:00'), (TIMESTAMP '2024-03-01 00:00:00.5'),
		(NULL), (NULL), (TIMESTAMP '0999-12-31 12:00:00'), (TIMESTAMP '10000-01-01 00:00:00'), (TIMESTAMP '1969-12-31 23:59:59.999'),
		(TIMESTAMP '2011-12-09 12:50:00'), (TIMESTAMP '2011-12-09 12:50:00'), (TIMESTAMP '2010-12-01 08:26:00')
	) v(ts)`));
	await db.exec(raw(`INSERT INTO t SELECT TIMESTAMP '2010-01-01' + INTERVAL (i * 37) MINUTE FROM range(20000) r(i)`));
}, 120_000);
afterAll(async () => db?.close());

describe('dayCountsSql', () => {
	it('gives the same days, counts and order as formatting every row', async () => {
		const old = `SELECT strftime(CAST(ts AS DATE), '%Y-%m-%d') AS day, CAST(count(*) AS INTEGER) AS "rows" FROM t WHERE ts IS NOT NULL GROUP BY ALL ORDER BY 1`;
		const want = (await db.query<{ day: string; rows: number }>(raw(old))).rows;
		const got = (await db.query<{ day: string; rows: number }>(dayCountsSql('t'))).rows;
		expect(want.length).toBeGreaterThan(500);
		expect(got).toEqual(want);
		expect(got.find((r) => r.day === '2024-02-29')?.rows).toBe(2);
		expect(got.reduce((n, r) => n + r.rows, 0)).toBe(20_009);
	});
});
