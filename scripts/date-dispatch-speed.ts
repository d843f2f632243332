/**
 * npx tsx scripts/date-dispatch-speed.ts [rows] [rounds] — the load's date expression (core/sql/parse.ts
 * dateOf) on generated columns mixing two shapes (default 1M cells each, 3 rounds), in DuckDB-WASM's Node
 * bundle (the page's engine, one thread): before the strptime dispatch (try_strptime over the whole list
 * the detection wrote, behind the shape check and the ISO fast path) and now, in turn (interleaved, so a
 * busy machine slows both alike). Prints every run in ms and whether both read the same instants.
 */
import { detectDateFormat, dateShape, type DateFormat } from '../src/core/csv/dates.ts';
import { dateOf, ISO_FAST, ISO_FORMATS } from '../src/core/sql/parse.ts';
import { ident, join, lit, raw, sql, type Sql } from '../src/core/sql/sql.ts';
import { NodeDbClient } from '../src/db/node.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);

const p2 = (e: string) => `lpad(CAST(${e} AS VARCHAR), 2, '0')`;
/** A day of 2023 and a time of day from the row number; `half`: a pseudo-random half of the rows. */
const day = "(DATE '2023-01-01' + CAST(i % 365 AS INTEGER))";
const hm = `${p2('(i * 7) % 24')} || ':' || ${p2('(i * 13) % 60')}`;
const half = '(hash(i) % 2 = 0)';
const COLUMNS: [string, string, string[]][] = [
	[
		'DD/MM/YYYY HH:MM[:SS]',
		`strftime(${day}, '%d/%m/%Y') || ' ' || ${hm} || CASE WHEN ${half} THEN ':' || ${p2('(i * 17) % 60')} ELSE '' END`,
		['16/05/2023 14:23:11', '16/05/2023 14:23']
	],
	[
		'DD/MM/YYYY HH:MM:SS, 1 in 1000 HH:MM',
		`strftime(${day}, '%d/%m/%Y') || ' ' || ${hm} || CASE WHEN i % 1000 <> 0 THEN ':' || ${p2('(i * 17) % 60')} ELSE '' END`,
		['16/05/2023 14:23:11', '16/05/2023 14:23']
	],
	['YYYY/M/D [H:MM]', `strftime(${day}, '%Y/%-m/%-d') || CASE WHEN ${half} THEN ' ' || ${hm} ELSE '' END`, ['2023/5/16 14:23', '2023/5/16']],
	[
		'YYYY-MM-DD HH:MM[:SS]',
		`strftime(${day}, '%Y-%m-%d') || ' ' || ${hm} || CASE WHEN ${half} THEN ':' || ${p2('(i * 17) % 60')} ELSE '' END`,
		['2023-05-16 14:23:11', '2023-05-16 14:23']
	],
	[
		'ISO instants [.fff]Z',
		`strftime(${day}, '%Y-%m-%d') || 'T' || ${hm} || ':' || ${p2('(i * 17) % 60')} || CASE WHEN ${half} THEN '.' || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') ELSE '' END || 'Z'`,
		['2023-05-16T14:23:11.123Z', '2023-05-16T14:23:11Z']
	]
];

/** dateOf before the dispatch: the same shape check and ISO fast path, then the whole list. */
function before(t: Sql, f: DateFormat): Sql {
	const fmts = sql`[${join(f.strptime.map((s) => lit(s)))}]`;
	const parsed = f.instant ? sql`epoch_ms(epoch_ms(try_strptime(regexp_replace(${t}, '[Zz]$', '+00:00'), ${fmts})))` : sql`try_strptime(${t}, ${fmts})`;
	const full = sql`(CASE WHEN regexp_full_match(${t}, ${lit(dateShape(f.label)!)}) THEN ${parsed} END)`;
	const iso = !f.instant && f.label === 'YYYY-MM-DD' && f.strptime.every((s) => ISO_FORMATS.includes(s));
	const globs = iso ? f.strptime.flatMap((s) => ISO_FAST[s] ?? []) : [];
	return globs.length ? sql`(CASE WHEN ${join(globs.map((g) => sql`${t} GLOB ${lit(g)}`), ' OR ')} THEN TRY_CAST(${t} AS TIMESTAMP) ELSE ${full} END)` : full;
}

async function main(): Promise<void> {
	const db = await NodeDbClient.create();
	const cols = COLUMNS.map(([, e], i) => raw(`${e} AS c${i}`));
	await db.exec(sql`CREATE TABLE d AS SELECT ${join(cols)} FROM range(${raw(String(rows))}) r(i)`);
	for (const [i, [name, , sample]] of COLUMNS.entries()) {
		const f = detectDateFormat(sample)!.format;
		const c = ident(`c${i}`);
		const ways: [string, Sql][] = [['before', before(c, f)], ['now', dateOf(c, f)]];
		const same = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM d WHERE ${ways[0]![1]} IS DISTINCT FROM ${ways[1]![1]}`)).rows[0]!.n;
		const read = (await db.query<{ n: number }>(sql`SELECT count(${ways[1]![1]}) AS n FROM d`)).rows[0]!.n;
		const ms: number[][] = ways.map(() => []);
		for (let r = 0; r < rounds; r++)
			for (const [w, [, e]] of ways.entries()) {
				const t0 = performance.now();
				await db.query(sql`SELECT count(${e}) AS n FROM d`);
				ms[w]!.push(Math.round(performance.now() - t0));
			}
		console.log(`${name}: ${JSON.stringify(f.strptime)}; ${read} of ${rows} read, ${same} rows differ`);
		for (const [w, [label]] of ways.entries()) console.log(`  ${label.padEnd(7)} ${ms[w]!.join(' / ')} ms`);
	}
	await db.close();
}

await main();
