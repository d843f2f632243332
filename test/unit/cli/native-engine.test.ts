/**
 * `--engine native` (issue 17): the CLI's commands on native DuckDB (@duckdb/node-api 1.4.3-r.3, the
 * DuckDB inside our duckdb-wasm) write byte for byte what the wasm engine writes with --threads 1, and
 * the same after each column's documented rounding with 2 threads; without the package and without a
 * registry, exit 2 with the command to install it by hand.
 *
 * The pinned package is installed into the cache folder on first use (that needs the npm registry, as
 * `npm ci` does); when it cannot be installed the engine tests are skipped with the reason, not passed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { MONEY_COLUMNS, roundHalfAway } from '../../../src/core/export/money.ts';
import { raw } from '../../../src/core/sql/sql.ts';
import { loadNative } from '../../../src/db/native-install.ts';
import { NativeDbClient } from '../../../src/db/native.ts';
import { NodeDbClient } from '../../../src/db/node.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sample = (f: string) => path.join(ROOT, 'public', 'sample', f);
const TX = ['--input', sample('transactions.csv'), '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
const GRADE = fixture('grade');
const CDNOW = ['--input', fixture('cdnow', 'cdnow_sample_clean.csv'), '--customer', 'customer_id', '--date', 'date', '--amount', 'amount'];

/** A representative command of each kind: transactions (sample data), grading, CLV, surveys, journeys. */
const CASES: Record<string, string[]> = {
	rfm: ['rfm', ...TX, '--as-of', '2025-12-31'],
	abc: ['abc', ...TX],
	migrate: ['migrate', ...TX, '--from', '2025-06-30', '--to', '2025-12-31'],
	'kpi retention': ['kpi', 'retention', ...TX, '--start', '2025-01-01', '--end', '2025-06-30'],
	'value-matrix': ['value-matrix', ...TX, '--split', 'median'],
	lifecycle: ['lifecycle', '--input', fixture('lifecycle', 'lifecycle_hand.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id', '--as-of', '2024-07-01'],
	grade: ['grade', '--input', path.join(GRADE, 'tx.csv'), '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--order', 'order_id', '--cost', 'cost',
		'--surveys', path.join(GRADE, 'surveys.csv'), '--surveys-id', 'cust', '--surveys-date', 'answered', '--recommend', 'ltr', '--csat', 'sat', '--standard', path.join(GRADE, 'standard.json'), '--as-of', '2024-07-01'],
	clv: ['clv', ...CDNOW, '--calibration-end', '1997-09-30', '--unit', 'week'],
	'kpi nps': ['kpi', 'nps', '--input', sample('surveys.csv'), '--score', 'NPS', '--by', '地区'],
	journey: ['journey', '--input', sample('touchpoints.csv'), '--customer', '客户编号', '--date', '时间', '--touchpoint', '触点', '--report', 'paths']
};

const tmp = useTmpDir('clientele-native-');
let stderr: string[] = [];
afterEach(() => {
	vi.restoreAllMocks();
	stderr = [];
});

/** Runs the CLI's main in this process; stderr is kept (and not printed). */
async function cli(argv: string[]): Promise<{ code: number; out: string | null; err: string }> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
		stderr.push(String(s));
		return true;
	});
	const from = stderr.length;
	const code = await main([...argv, '--out', out]);
	vi.restoreAllMocks();
	return { code, out: fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null, err: stderr.slice(from).join('') };
}

/** null when the native engine is there (installed now if it was missing), else why it is not. */
let missing: string | null = null;
beforeAll(async () => {
	try {
		await loadNative({ log: ({ spec, dir }) => process.stdout.write(`(installing ${spec} into ${dir} for the native engine tests)\n`) });
	} catch (e) {
		missing = e instanceof Error ? e.message : String(e);
	}
}, 600_000);

const needsNative = (ctx: { skip: (condition: boolean, note?: string) => void }) =>
	ctx.skip(missing !== null, `the native engine could not be installed here (${missing}); this test did not run`);

/**
 * The decimals each column is documented to be rounded to: money columns 2 (README "Money in files",
 * MONEY_COLUMNS, and value-matrix's current_value); `grade`'s indicator values 4, its points and total 2
 * (README "Grading standards").
 */
function documentedDigits(command: string, column: string): number | undefined {
	if ((MONEY_COLUMNS as readonly string[]).includes(column) || column === 'current_value') return 2;
	if (command === 'grade') return column === 'total' || column.startsWith('points_') ? 2 : 4;
	return undefined;
}
/**
 * Columns without a documented rounding (shares, rates) keep their decimals: a sum of DOUBLEs added in
 * another order (2 threads) may differ in its last bits, ~1e-16 of the value per addition, so 1e-9
 * relative is far above that noise and far below any real difference.
 */
const RELATIVE = 1e-9;
/**
 * Outputs of the CLV models' fit (written with 6 decimals): Nelder–Mead stops when the likelihood is flat
 * to 1e-12 · (1 + |f|) (core/clv/optimize.ts), which pins the parameters only to ≈ √1e-12 = 1e-6 relative;
 * inputs that differ in their last bits (spend per customer summed in another order) move the optimum
 * that far (3e-7 relative measured on the sample data). So: 1e-5 relative, plus one unit of the 6th decimal.
 */
const MODEL_OUTPUTS = new Set(['potential_value', 'p_alive', 'expected_purchases_holdout', 'expected_avg_spend', 'clv']);
const MODEL_RELATIVE = 1e-5;

/** Cell-by-cell differences of two CSV outputs beyond each column's rounding ([] when equal). */
function differences(command: string, a: string, b: string): string[] {
	const pa = Papa.parse<string[]>(a.replace(/^\ufeff/, '').trimEnd()).data;
	const pb = Papa.parse<string[]>(b.replace(/^\ufeff/, '').trimEnd()).data;
	if (pa.length !== pb.length) return [`${pa.length} lines, ${pb.length} lines`];
	const header = pa[0]!;
	if (header.join() !== pb[0]!.join()) return ['different headers'];
	const out: string[] = [];
	for (let r = 1; r < pa.length; r++)
		header.forEach((col, c) => {
			const x = pa[r]![c]!;
			const y = pb[r]![c]!;
			if (x === y) return;
			const nx = Number(x);
			const ny = Number(y);
			const digits = documentedDigits(command, col);
			const scale = Math.max(Math.abs(nx), Math.abs(ny));
			const close = digits !== undefined ? roundHalfAway(nx, digits) === roundHalfAway(ny, digits) : MODEL_OUTPUTS.has(col) ? Math.abs(nx - ny) <= MODEL_RELATIVE * scale + 1e-6 : Math.abs(nx - ny) <= RELATIVE * scale;
			const same = x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) && close;
			if (!same) out.push(`line ${r + 1} ${col}: ${x} vs ${y}`);
		});
	return out;
}

describe('--engine native', () => {
	it('normalises every type exactly as the wasm engine does', async (ctx) => {
		needsNative(ctx);
		const q = raw(`SELECT 1::TINYINT a, 3::INTEGER c, 4::BIGINT d, sum(x)::HUGEINT e, 1.5::FLOAT g, 0.1::DOUBLE * 3 h,
			12.345::DECIMAL(18,3) i, 12.345::DECIMAL(9,2) j, sum(x) m, sum(x::DECIMAL(10,2)) n, avg(x) o, -7.5::DECIMAL(4,1) p,
			DATE '2024-03-05' q, DATE '1960-01-01' r, TIMESTAMP '2024-03-05 10:11:12.345678' s, TIMESTAMP '1960-01-01 00:00:00.0015' t,
			TIMESTAMPTZ '2024-03-05 10:11:12.5+00' u, CAST('2024-03-05 23:30:00' AS TIMESTAMPTZ) v, TIME '10:11:12' w,
			true y, 'x' z, NULL aa, quantile_cont(x, [0.25, 0.5]) ab, 'NaN'::DOUBLE ac, 3::UTINYINT ad, string_agg(x::VARCHAR, ',' ORDER BY x) ae
			FROM range(1, 4) t(x)`);
		const wasm = await NodeDbClient.create();
		const native = await NativeDbClient.create({ threads: 1 });
		try {
			const [a, b] = [await wasm.query(q), await native.query(q)];
			expect(b.columns).toEqual(a.columns);
			const row = a.rows[0]!;
			for (const k of Object.keys(row)) expect([k, b.rows[0]![k]]).toEqual([k, row[k]]);
			// by hand: epoch ms, µs as a fraction of a ms, a time without zone read as UTC (the native engine's TimeZone)
			expect([row.q, row.s, row.v, row.m]).toEqual([Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 5, 10, 11, 12, 345) + 0.678, Date.UTC(2024, 2, 5, 23, 30), 6]);
			// the machine's zone (which native DuckDB's icu would take, and the tests run in UTC) is not used
			expect((await native.query(raw("SELECT current_setting('TimeZone') AS tz"))).rows).toEqual([{ tz: 'UTC' }]);
		} finally {
			await wasm.close();
			await native.close();
		}
	});

	it.for(Object.entries(CASES))('%s: --threads 1 writes byte for byte what the wasm engine writes (stderr too), 2 threads the same after rounding', async ([, argv], ctx) => {
		needsNative(ctx);
		const wasm = await cli(argv);
		expect(wasm.code).toBe(0);
		const one = await cli([...argv, '--engine', 'native', '--threads', '1']);
		expect(one.code).toBe(0);
		expect(one.out).not.toBeNull();
		expect(Buffer.from(one.out!).equals(Buffer.from(wasm.out!))).toBe(true);
		expect(one.err).toBe(wasm.err); // the same warnings, word for word
		const two = await cli([...argv, '--engine', 'native', '--threads', '2']);
		expect(two.code).toBe(0);
		expect(differences(argv[0]!, wasm.out!, two.out!)).toEqual([]);
	});

	it('refuses an unknown engine or thread count, naming the flag (exit 2, nothing written)', async () => {
		for (const [flags, text] of [
			[['--engine', 'gpu'], '--engine gpu: choose one of wasm, native'],
			[['--engine', 'native', '--threads', '0'], '--threads 0 must be a number from 1 to 256'],
			[['--threads', '2'], '--threads needs --engine native']
		] as const) {
			const r = await cli([...CASES.lifecycle!, ...flags]);
			expect([r.code, r.out]).toEqual([2, null]);
			expect(stderr.join('')).toContain(`clientele lifecycle: ${text}`);
			stderr = [];
		}
	});

	it('without the package and without a registry: exit 2 giving the command that installs it', async () => {
		const cache = fs.mkdtempSync(path.join(tmp(), 'cache-'));
		const saved = { ...process.env };
		// an empty cache folder, a registry nobody answers on, and an empty npm cache (npm would fall back to it)
		Object.assign(process.env, { CLIENTELE_NATIVE_DIR: cache, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: path.join(cache, 'npm-cache'), npm_config_fetch_retries: '0' });
		try {
			const r = await cli([...CASES.lifecycle!, '--engine', 'native']);
			expect([r.code, r.out]).toEqual([2, null]);
			const err = stderr.join('');
			expect(err).toContain(`npm install --prefix ${cache}/node-api-1.4.3-r.3 --no-save @duckdb/node-api@1.4.3-r.3`);
			expect(err).toMatch(/^clientele lifecycle: --engine native: the native engine \(@duckdb\/node-api@1\.4\.3-r\.3\) is not installed/m);
			// nothing half-installed is left behind
			expect(fs.readdirSync(cache).filter((f) => f.startsWith('node-api'))).toEqual([]);
		} finally {
			for (const k of ['CLIENTELE_NATIVE_DIR', 'npm_config_registry', 'npm_config_cache', 'npm_config_fetch_retries']) if (saved[k] === undefined) delete process.env[k];
			Object.assign(process.env, saved);
		}
	}, 180_000);
});
