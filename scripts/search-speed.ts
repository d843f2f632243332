/**
 * npx tsx scripts/search-speed.ts [rows] — the grid's quick search on generated rows (default 1M) in
 * DuckDB-WASM's Node bundle (the page's engine, one thread). Two tables: the Online-Retail-shaped
 * file (scripts/bench/generate.ts; its five text-like columns kept as text, as an export with ids
 * as text reads) and a Chinese CRM-shaped one (ids, names, phones, cities, channels). Ways of
 * searching, run in turn (interleaved, so a busy machine slows all alike), five rounds each; prints
 * the median and every run in ms, the row count found (all ways must agree) and the index's build time.
 */
import path from 'node:path';
import { filteredSql, searchIndexSql, searchedSql } from '../src/core/sql/grid-filter.ts';
import { countSql } from '../src/core/sql/grid.ts';
import { ident, join, lit, raw, sql, type Sql } from '../src/core/sql/sql.ts';
import { NodeDbClient } from '../src/db/node.ts';
import { ensureRetailCsv } from './bench/generate.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const RETAIL = ['InvoiceNo', 'StockCode', 'Description', 'CustomerID', 'Country'];
const ZH = ['cust', 'name', 'phone', 'city', 'channel'];
const CASES: [string, string[], string][] = [
	['retail', RETAIL, 'heart'],
	['retail', RETAIL, 'United K'],
	['retail', RETAIL, '17850'],
	['zh', ZH, '张伟'],
	['zh', ZH, '138001'],
	['zh', ZH, 'wechat']
];
const any = (cols: string[], f: (c: Sql) => Sql) => sql`(${join(cols.map((c) => f(ident(c))), ' OR ')})`;
const likeText = (t: string) => '%' + t.replace(/[\\%_]/g, (m) => '\\' + m) + '%';
const regexText = (t: string) => '(?i)' + t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WAYS: [string, (table: string, cols: string[], t: string) => Sql][] = [
	['lower() per column (before)', (tb, c, t) => sql`SELECT count(*) AS n FROM ${ident(tb)} WHERE ${any(c, (x) => sql`contains(lower(${x}), lower(${lit(t)}))`)}`],
	['ILIKE per column', (tb, c, t) => sql`SELECT count(*) AS n FROM ${ident(tb)} WHERE ${any(c, (x) => sql`${x} ILIKE ${lit(likeText(t))} ESCAPE ${lit('\\')}`)}`],
	['regexp_matches (?i)', (tb, c, t) => sql`SELECT count(*) AS n FROM ${ident(tb)} WHERE ${any(c, (x) => sql`regexp_matches(${x}, ${lit(regexText(t))})`)}`],
	['searchCondition (now)', (tb, c, t) => countSql(filteredSql({ source: sql`SELECT * FROM ${ident(tb)}`, filters: [], search: t, textColumns: c }))],
	['search index (now, once made)', (tb, _c, t) => countSql(searchedSql({ table: tb, index: `${tb}_ix`, text: t })!)]
];

async function main(): Promise<void> {
	const db = await NodeDbClient.create();
	const csv = await ensureRetailCsv(path.resolve('bench/data'), rows);
	await db.registerFile('retail.csv', { kind: 'path', path: csv.path });
	await db.exec(raw(`CREATE TABLE retail AS SELECT * REPLACE (TRY_CAST(Quantity AS DOUBLE) AS Quantity, TRY_CAST(UnitPrice AS DOUBLE) AS UnitPrice,
		strptime(InvoiceDate, '%Y-%m-%d %H:%M:%S') AS InvoiceDate) FROM read_csv('retail.csv', all_varchar = true, header = true)`));
	await db.exec(sql`CREATE TABLE zh AS SELECT 'C' || lpad(CAST(i % 50000 AS VARCHAR), 6, '0') AS cust,
		['张','王','李','赵','刘','陈','杨','黄'][1 + (i % 8)] || ['伟','芳','娜','敏','静','丽','强','磊','军','洋'][1 + ((i // 8) % 10)] AS name,
		'13' || lpad(CAST((i * 7919) % 1000000000 AS VARCHAR), 9, '0') AS phone,
		['上海','北京','广州','深圳','杭州','成都','武汉','南京'][1 + ((i // 3) % 8)] AS city, ['App','门店','小程序','电话','WeChat'][1 + ((i // 8) % 5)] AS channel,
		CAST((i * 37) % 1000 AS DOUBLE) / 10 AS amount FROM range(${lit(rows)}) r(i)`);
	for (const [tb, cols] of [['retail', RETAIL], ['zh', ZH]] as const) {
		const t0 = performance.now();
		await db.exec(sql`CREATE TABLE ${ident(`${tb}_ix`)} AS ${searchIndexSql(sql`SELECT * FROM ${ident(tb)}`, cols)}`);
		console.log(`index of ${tb}: made in ${(performance.now() - t0).toFixed(0)} ms`);
	}
	const times = new Map<string, number[]>();
	const found = new Map<string, Set<number>>();
	for (let round = 0; round < 5; round++)
		for (const [tb, cols, t] of CASES)
			for (const [way, q] of WAYS) {
				const a = performance.now();
				const r = await db.query<{ n: number }>(q(tb, cols, t));
				const k = `${tb} ${JSON.stringify(t)} | ${way}`;
				(times.get(k) ?? times.set(k, []).get(k)!).push(performance.now() - a);
				const c = `${tb} ${t}`;
				(found.get(c) ?? found.set(c, new Set()).get(c)!).add(Number(r.rows[0]!.n));
			}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
	for (const [k, xs] of times) console.log(`${k.padEnd(52)} median ${median(xs).toFixed(0).padStart(5)} ms  (${xs.map((x) => x.toFixed(0)).join(', ')})`);
	for (const [c, ns] of found) console.log(`${c}: ${[...ns].join(' / ')} rows${ns.size > 1 ? '  ← THE WAYS DISAGREE' : ''}`);
	await db.close();
}

void main();
