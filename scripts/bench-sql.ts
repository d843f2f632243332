/**
 * npm run bench:sql -- [--sizes 1000000,5000000,20000000] [--threads 2] [--out FILE]
 *
 * The exported SQL (`rfm --emit-sql duckdb`) on native DuckDB at growing sizes (issue 17): sizes past
 * what a browser tab holds. The script is exported once, by the CLI on DuckDB-WASM, from a small file of
 * the bench's generator (same columns, same date range, --as-of given so nothing in the script depends on
 * which file it reads), then run — in a child process per size, so its peak memory is its own — against
 * generated files of each size (bench/data/, reused). Prints time, peak memory and rows per second per
 * size; writes bench/results-sql.json (or --out).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED, ensureRetailCsv } from './bench/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'bench', 'data');

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = option('--sizes', '1000000,5000000,20000000')
	.split(',')
	.map((s) => Number(s.replace(/_/g, '')));
const threads = option('--threads', String(os.availableParallelism()));
const out = path.resolve(option('--out', path.join(ROOT, 'bench', 'results-sql.json')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--sizes: whole numbers ≥ 1000');

// tsx resolved from the project (the children run in a temporary folder).
const TSX = import.meta.resolve('tsx');
const node = (args: string[], cwd: string) =>
	execFileSync(process.execPath, ['--import', TSX, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

// 1. The script, exported from a 100,000-row file of the generator; it reads `input.csv` in its folder.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-sql-'));
const input = path.join(work, 'input.csv');
const small = await ensureRetailCsv(DATA, 100_000, DEFAULT_SEED);
fs.symlinkSync(small.path, input);
const MAPPING = ['--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice'];
const t0 = performance.now();
const script = node(
	[
		path.join(ROOT, 'src/cli/main.ts'),
		'rfm',
		'--input',
		'input.csv',
		...MAPPING,
		'--order',
		'InvoiceNo',
		'--as-of',
		'2011-12-10',
		'--out',
		'rfm.csv',
		'--emit-sql',
		'duckdb'
	],
	work
);
fs.writeFileSync(path.join(work, 'rfm.sql'), script);
console.log(`[bench:sql] script exported from ${small.rows.toLocaleString('en')} rows in ${Math.round(performance.now() - t0)} ms (${script.length} characters)`);

/** Written after every size: a long run stopped half-way keeps what it measured. */
function save(results: readonly SqlRun[]): void {
	const load = os.loadavg().map((x) => x.toFixed(1));
	const doc = { command: 'rfm --emit-sql duckdb', threads: Number(threads), measured_at: new Date().toISOString(), load_average: load, cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), runs: results };
	fs.writeFileSync(out, JSON.stringify(doc, null, '\t') + '\n');
}

// 2. The script on native DuckDB per size.
interface SqlRun {
	rows: number;
	bytes: number;
	customers: number;
	ms: number;
	peak_rss_mb: number;
	/** DuckDB's memory_limit in the run (it spills to disk beyond it). */
	memory_limit: string;
	rows_per_s: number;
	output_rows: number;
}
const results: SqlRun[] = [];
for (const rows of sizes) {
	const file = await ensureRetailCsv(DATA, rows, DEFAULT_SEED);
	if (!file.reused) console.log(`[bench:sql] generated ${path.basename(file.path)} (${(file.bytes / 1e9).toFixed(2)} GB) in ${(file.ms / 1000).toFixed(0)} s`);
	fs.rmSync(input);
	fs.symlinkSync(file.path, input);
	fs.rmSync(path.join(work, 'rfm.csv'), { force: true });
	const line = node([path.join(ROOT, 'scripts/bench/sql-run.ts'), 'rfm.sql', threads], work).trim().split('\n').pop()!;
	const run = JSON.parse(line) as { ms: number; peak_rss_mb: number; memory_limit: string };
	const outputRows = fs.readFileSync(path.join(work, 'rfm.csv'), 'utf8').split('\r\n').filter(Boolean).length - 1;
	const r: SqlRun = {
		rows,
		bytes: file.bytes,
		customers: file.customers,
		ms: run.ms,
		peak_rss_mb: run.peak_rss_mb,
		memory_limit: run.memory_limit,
		rows_per_s: Math.round(rows / (run.ms / 1000)),
		output_rows: outputRows
	};
	results.push(r);
	save(results);
	console.log(
		`[bench:sql] ${rows.toLocaleString('en')} rows (${(file.bytes / 1e9).toFixed(2)} GB): ${(r.ms / 1000).toFixed(1)} s, peak ${r.peak_rss_mb} MB, ${r.rows_per_s.toLocaleString('en')} rows/s, ${outputRows.toLocaleString('en')} customers out`
	);
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`[bench:sql] ${path.relative(ROOT, out)} written (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
