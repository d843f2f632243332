/**
 * The engine's warm-up runs the real load and RFM statements on a generated file and leaves nothing
 * behind: no table, no view, no registered file, and the user's tables untouched.
 */
import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/core/sql/sql.ts';
import { warmUp, warmUpCsv } from '../../../src/run/warm-up.ts';
import { useDb } from '../../helpers/db.ts';
import type { DbClient } from '../../../src/db/client.ts';

const db = useDb();

describe('engine warm-up', () => {
	it('reads a generated file through the load and RFM statements and drops everything', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE tx AS SELECT 1 AS keep`);
		const before = (await db.query(sql`SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`)).rows;
		await warmUp(db, 2000);
		const after = (await db.query(sql`SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`)).rows;
		expect(after).toEqual(before);
		expect((await db.query(sql`SELECT * FROM tx`)).rows).toEqual([{ keep: 1 }]);
		// The file is gone: reading it fails.
		await expect(db.query(sql`SELECT count(*) FROM read_csv('clientele_warm_up.csv')`)).rejects.toThrow();
	});

	it('stops between two statements when asked, and still drops everything', async () => {
		const tables = sql`SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`;
		const before = (await db.query(tables)).rows;
		// The real engine behind a counter of the statements the rehearsal sends.
		const counting = (n: { count: number }): DbClient => ({
			query: (q) => (n.count++, db.query(q)),
			exec: (q) => (n.count++, db.exec(q)),
			execCancellable: (q) => (n.count++, db.execCancellable(q)),
			cancel: () => db.cancel(),
			registerFile: (name, source) => db.registerFile(name, source),
			dropFile: (name) => db.dropFile(name),
			close: () => Promise.resolve()
		});
		const whole = { count: 0 };
		await warmUp(counting(whole), 500);
		const stopped = { count: 0 };
		let asked = 0;
		await warmUp(counting(stopped), 500, { stop: () => ++asked > 4 });
		// Asked before the file and before each statement: three ran (load, checks, delete), then the clean-up (1 view + 5 tables).
		expect(stopped.count).toBe(3 + 6);
		expect(whole.count).toBeGreaterThan(stopped.count + 5);
		expect((await db.query(tables)).rows).toEqual(before);
		const never = { count: 0 };
		await warmUp(counting(never), 500, { stop: () => true });
		expect(never.count).toBe(0);
	});

	it('the generated file is the same every time and shaped like the benchmark file', () => {
		const a = warmUpCsv(500);
		expect(warmUpCsv(500)).toBe(a);
		const lines = a.trim().split('\n');
		expect(lines).toHaveLength(501);
		expect(lines[0]).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
		expect(lines[1]).toMatch(/^C?\d{6},\d+,"ITEM \d+, ASSORTED",-?\d+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+\.\d\d,\d*,United Kingdom$/);
	});
});
