/**
 * npx tsx scripts/pivot-speed.ts — the pivot's speed on 1M generated rows in DuckDB-WASM's Node bundle
 * (the page's engine, one thread): four pivots, six runs each, the keys query and the grouping-sets
 * statement together (run/pivot.ts). Prints the median and every run in milliseconds.
 */
import { DEFAULT_PIVOT, type PivotSpec } from '../src/core/sql/pivot.ts';
import { sql } from '../src/core/sql/sql.ts';
import { NodeDbClient } from '../src/db/node.ts';
import { pivotFields, runPivot, tableSource } from '../src/run/pivot.ts';

const CASES: [string, Partial<PivotSpec>][] = [
	['city × channel: count, sum', { rows: ['city'], columns: ['channel'], values: [{ agg: 'count' }, { field: 'amount', agg: 'sum' }] }],
	['city › channel, subtotals: sum, median, share', { rows: ['city', 'channel'], values: [{ field: 'amount', agg: 'sum' }, { field: 'amount', agg: 'median' }, { agg: 'share' }] }],
	['city × channel: distinct customers', { rows: ['city'], columns: ['channel'], values: [{ field: 'cust', agg: 'distinct' }] }],
	['city › category × channel: sum', { rows: ['city', 'cat'], columns: ['channel'], values: [{ field: 'amount', agg: 'sum' }] }]
];

async function main(): Promise<void> {
	const db = await NodeDbClient.create();
	await db.exec(sql`CREATE TABLE big AS SELECT 'C' || CAST(i % 50000 AS VARCHAR) AS cust,
		['上海','北京','广州','深圳','杭州','成都','武汉','南京'][1 + (i % 8)] AS city, ['App','门店','小程序','电话'][1 + ((i // 8) % 4)] AS channel,
		['奶茶','咖啡','零食','果汁','面包','甜品'][1 + ((i * 7) % 6)] AS cat, CAST((i * 37) % 1000 AS DOUBLE) / 10 AS amount FROM range(1000000) r(i)`);
	const source = tableSource('big');
	const fields = await pivotFields(db, source);
	for (const [name, part] of CASES) {
		const spec: PivotSpec = { ...DEFAULT_PIVOT, table: 'big', ...part };
		const times: number[] = [];
		for (let k = 0; k < 6; k++) {
			const t0 = performance.now();
			await runPivot(db, { source, spec, fields });
			times.push(performance.now() - t0);
		}
		const sorted = [...times].sort((a, b) => a - b);
		console.log(`${name}: median ${sorted[3]!.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})`);
	}
	await db.close();
}

void main();
