import { describe, expect, it } from 'vitest';
import { DEFAULT_PIVOT, type PivotSpec } from '../../../src/core/sql/pivot.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import { pivotFields, runPivot, tableSource } from '../../../src/run/pivot.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

describe('pivot runner', () => {
	it('reads the fields’ kinds, pivots the column keys, puts the grand total last and says what each column is', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE orders AS SELECT * FROM (VALUES
			('华东', '线上', 100.0, DATE '2024-03-01'), ('华东', '门店', 50.0, DATE '2024-03-02'),
			('华北', '线上', 30.0, DATE '2024-04-01'), ('华北', '线上', 20.0, DATE '2024-04-09')) t("区域", "渠道", "金额", "日期")`);
		const source = tableSource('orders');
		const fields = await pivotFields(db, source);
		expect(fields.map((f) => [f.name, f.kind])).toEqual([['区域', 'text'], ['渠道', 'text'], ['金额', 'number'], ['日期', 'date']]);
		const spec: PivotSpec = { ...DEFAULT_PIVOT, table: 'orders', rows: ['区域'], columns: ['渠道'], values: [{ field: '金额', agg: 'sum' }] };
		const res = await runPivot(db, { source, spec, fields });
		expect([res.keyCount, res.keysShown, res.rowCount]).toEqual([2, 2, 3]);
		expect(res.columns.map((c) => [c.id, c.key, c.value])).toEqual([['c0_v0', ['线上'], 0], ['c1_v0', ['门店'], 0], ['t_v0', null, 0]]);
		// 华东 (U+534E U+4E1C) sorts before 华北 (U+534E U+5317); the grand total comes last.
		expect(res.rows.map((r) => [r.keys[0], r.depth, r.values.c0_v0, r.values.c1_v0, r.values.t_v0])).toEqual([
			['华东', 1, 100, 50, 150],
			['华北', 1, 50, null, 50],
			[null, 0, 150, 50, 200]
		]);
	});

	it('a row cap keeps the grand total and counts every row', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE many AS SELECT 'id' || CAST(i AS VARCHAR) AS id, 1.0 AS n FROM range(30) r(i)`);
		const source = tableSource('many');
		const fields = await pivotFields(db, source);
		const res = await runPivot(db, { source, spec: { ...DEFAULT_PIVOT, table: 'many', rows: ['id'] }, fields, rowCap: 10 });
		expect([res.rows.length, res.rowCount]).toEqual([10, 31]);
		expect(res.rows.at(-1)).toEqual({ keys: [null], depth: 0, values: { t_v0: 30 } });
	});
});
