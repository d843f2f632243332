import { describe, expect, it } from 'vitest';
import { hidesRowid, rowNumberSql } from '../../../../src/core/sql/row-number.ts';
import { raw } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

describe('rowNumberSql', () => {
	it('a column named rowid (any case) hides the pseudo-column; the row numbers are still 1, 2, 3', async () => {
		expect(['rowid', 'RowID', 'ROWID'].every(hidesRowid)).toBe(true);
		expect(hidesRowid('row_id')).toBe(false);
		await db.exec(
			raw(
				`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ('c', 'x'), ('a', 'y'), ('b', 'z')) v("RowId", z)`
			)
		);
		const n = rowNumberSql(['RowId', 'z']);
		const rows = (await db.query(raw(`SELECT CAST(${n.text} AS INTEGER) AS n, z FROM t`))).rows;
		expect(rows).toEqual([
			{ n: 1, z: 'x' },
			{ n: 2, z: 'y' },
			{ n: 3, z: 'z' }
		]);
		expect(rowNumberSql(['a', 'b']).text).toBe('rowid + 1');
	});
});
