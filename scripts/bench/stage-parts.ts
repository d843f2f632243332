/**
 * Where the typed-first load's `create tx_stage__load` goes (issue 17): the CSV read alone, the whole
 * stage as the load runs it (core/sql/stage.ts stageSelectSql over read_csv), and its projection over
 * the same rows already in memory, whole, as plain casts, and with each part of the parsing replaced by
 * a plain cast or reference. Run on a bench file (`npm run bench` makes them), one engine at a time;
 * the cases run round robin. Times are the process's CPU time per statement (user + system: one engine
 * thread; steadier than wall time on a shared machine), min and median of the rounds.
 *
 *   npx tsx scripts/bench/stage-parts.ts [--engine wasm|native] [--rounds 5] [--file bench/data/retail-1000000.csv]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectSample, SAMPLE_BYTES } from '../../src/core/csv/inspect.ts';
import { guessRoles } from '../../src/core/csv/roles.ts';
import { mappingFor } from '../../src/core/import/mapping.ts';
import { cleanCellSql } from '../../src/core/sql/order-rules.ts';
import { dateOf, idOf, numberOf, PLAIN, type TxMapping } from '../../src/core/sql/parse.ts';
import { readCsvSql } from '../../src/core/sql/read-csv.ts';
import { ident, join, raw, sql, type Sql } from '../../src/core/sql/sql.ts';
import { nulFlagSql } from '../../src/core/sql/stage-guards.ts';
import { stageSelectSql } from '../../src/core/sql/stage.ts';
import { NodeDbClient } from '../../src/db/node.ts';
import { loadNodeApi } from './native-install.ts';

type Part = 'cleaning' | 'ids' | 'numbers' | 'dates' | 'NUL flags' | 'unread text';
const PARTS: readonly Part[] = ['cleaning', 'ids', 'numbers', 'dates', 'NUL flags', 'unread text'];

/**
 * stageSelectSql's projection for the bench file's mapping (customer, order, date, quantity × price),
 * written out with the parts in `without` replaced: cleaning by the raw text, ids by nullif(t, ''),
 * numbers and dates by TRY_CAST, the NUL flags and the unread-text columns by constants.
 */
function partsSql(m: TxMapping, from: Sql, without: ReadonlySet<Part>): Sql {
	const r = m.roles;
	const cols = [r.customer!, r.date!, r.quantity!, r.price!, r.order!];
	const t = (c: string) => ident(`t_${cols.indexOf(c)}`);
	const clean = (e: Sql) => (without.has('cleaning') ? e : cleanCellSql(e));
	const id = (e: Sql) => (without.has('ids') ? sql`nullif(${e}, '')` : idOf(e));
	const num = (e: Sql, cast: Sql) => (without.has('numbers') ? cast : numberOf(e, PLAIN, { cast }));
	const date = (e: Sql) => (without.has('dates') ? sql`TRY_CAST(${e} AS TIMESTAMP)` : dateOf(e, m.dateFormat));
	const flags = without.has('NUL flags')
		? raw('false AS z_customer, false AS z_order')
		: join([nulFlagSql(t(r.customer!), 'customer'), nulFlagSql(t(r.order!), 'order')]);
	const unread = without.has('unread text')
		? raw('CAST(NULL AS VARCHAR) AS v_1, CAST(NULL AS VARCHAR) AS v_2, CAST(NULL AS VARCHAR) AS v_3')
		: raw(`CASE WHEN ts IS NULL THEN coalesce(r_1, '') END AS v_1, CASE WHEN p_quantity IS NULL THEN coalesce(r_2, '') END AS v_2,
			CASE WHEN p_price IS NULL THEN coalesce(r_3, '') END AS v_3`);
	const cells = join([
		raw('CAST(rowid + 1 AS BIGINT) AS src_row'),
		...cols.map((c) => sql`${clean(ident(c))} AS ${t(c)}`),
		...[r.date!, r.quantity!, r.price!].map((c, i) => sql`${ident(c)} AS ${ident(`r_${i + 1}`)}`)
	]);
	const values = join([
		raw('src_row'),
		sql`${id(t(r.customer!))} AS customer_id`,
		sql`${id(t(r.order!))} AS order_id`,
		flags,
		sql`${date(t(r.date!))} AS ts`,
		sql`${num(t(r.quantity!), raw('c_2'))} AS p_quantity`,
		sql`${num(t(r.price!), raw('c_3'))} AS p_price`,
		raw('r_1, r_2, r_3')
	]);
	return sql`SELECT src_row, customer_id, order_id, ts, (p_quantity * p_price) AS amount, CAST(NULL AS DOUBLE) AS cost, z_customer, z_order, ${unread}
		FROM (SELECT ${values} FROM (SELECT *, TRY_CAST(${t(r.quantity!)} AS DOUBLE) AS c_2, TRY_CAST(${t(r.price!)} AS DOUBLE) AS c_3 FROM (SELECT ${cells} FROM ${from})))`;
}

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const engine = arg('--engine', 'wasm');
const rounds = Number(arg('--rounds', '5'));
const file = path.resolve(arg('--file', 'bench/data/retail-1000000.csv'));
if (engine !== 'wasm' && engine !== 'native') throw new Error('--engine wasm|native');
if (!fs.existsSync(file)) throw new Error(`${file}: no such file (npm run bench -- --sizes 1000000 --only native makes it)`);

const fd = fs.openSync(file, 'r');
const buf = Buffer.alloc(SAMPLE_BYTES);
const sample = new TextDecoder('utf-8').decode(buf.subarray(0, fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0)));
fs.closeSync(fd);
const { sniff } = inspectSample(sample, path.basename(file));
const mapping = mappingFor(sniff, guessRoles(sniff.columns));
const { roles } = mapping;
if (!roles.customer || !roles.order || !roles.date || !roles.quantity || !roles.price || roles.amount)
	throw new Error('expected the bench file: customer, order, date, quantity and unit price');

let run: (q: Sql) => Promise<void>;
let close: () => Promise<void>;
if (engine === 'native') {
	const { api } = await loadNodeApi(() => undefined);
	const inst = await api.DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await inst.connect();
	const links = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-stage-parts-'));
	fs.symlinkSync(file, path.join(links, 'input.csv'));
	await conn.run(`SET file_search_path='${links.replaceAll("'", "''")}'`);
	run = async (q) => void (await conn.run(q.text));
	close = () => {
		conn.closeSync?.();
		inst.closeSync?.();
		fs.rmSync(links, { recursive: true, force: true });
		return Promise.resolve();
	};
} else {
	const db = await NodeDbClient.create();
	await db.registerFile('input.csv', { kind: 'path', path: file });
	run = (q) => db.exec(q);
	close = () => db.close();
}

const csv = readCsvSql(
	{ fileName: 'input.csv', delimiter: sniff.delimiter, skipLines: sniff.skipLines, hasHeader: sniff.hasHeader, columns: sniff.columns.map((c) => c.name) },
	raw('store_rejects = true, rejects_table = parts_rejects, rejects_scan = parts_rejects_scan')
);
const mapped = [roles.customer, roles.order, roles.date, roles.quantity, roles.price].map((c) => ident(c));
const text = raw('parts_text');
const cases: [string, Sql][] = [
	['csv: read, every column', sql`SELECT * FROM ${csv}`],
	['csv: read, mapped columns + row number', sql`SELECT row_number() OVER () AS src_row, ${join(mapped)} FROM ${csv}`],
	['csv: the stage (stageSelectSql)', stageSelectSql({ from: csv, rowNumber: raw('row_number() OVER ()'), mapping })],
	['memory: plain casts', sql`SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${mapped[0]!} AS customer_id, ${mapped[1]!} AS order_id,
		TRY_CAST(${mapped[2]!} AS TIMESTAMP) AS ts, TRY_CAST(${mapped[3]!} AS DOUBLE) * TRY_CAST(${mapped[4]!} AS DOUBLE) AS amount FROM ${text}`],
	['memory: the projection (stageSelectSql)', stageSelectSql({ from: text, rowNumber: raw('rowid + 1'), mapping })],
	['memory: the projection, written out', partsSql(mapping, text, new Set())],
	...PARTS.map((p): [string, Sql] => [`memory: without ${p}`, partsSql(mapping, text, new Set([p]))]),
	['memory: without all six', partsSql(mapping, text, new Set(PARTS))]
];

await run(sql`CREATE OR REPLACE TABLE parts_text AS SELECT * FROM ${csv}`);
const cpu: number[][] = cases.map(() => []);
for (let round = 0; round < rounds; round++)
	for (const [i, [, q]] of cases.entries()) {
		const c0 = process.cpuUsage();
		await run(sql`CREATE OR REPLACE TABLE parts_out AS ${q}`);
		const c = process.cpuUsage(c0);
		cpu[i]!.push((c.user + c.system) / 1000);
		await run(raw('DROP TABLE parts_out'));
	}
await close();

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`${engine}, ${path.basename(file)}, ${rounds} rounds, CPU ms (min / median); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [i, [name]] of cases.entries()) console.log(`${name.padEnd(44)} ${Math.round(Math.min(...cpu[i]!)).toString().padStart(6)} ${Math.round(median(cpu[i]!)).toString().padStart(6)}`);
