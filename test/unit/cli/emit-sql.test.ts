import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';
import { runNativeScript } from '../../helpers/native-sql.ts';

const tmp = useTmpDir('clientele-emit-sql-');
afterEach(() => vi.restoreAllMocks());

/** Runs main capturing stdout and stderr. */
async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
	try {
		return { code: await main(argv), out, err };
	} finally {
		vi.restoreAllMocks();
	}
}

/**
 * The command's CSV, then the same command line with --emit-sql duckdb run on native DuckDB: both
 * files' bytes (the script's COPY writes to the same --out name in another folder).
 */
let n = 0;
async function both(argv: string[], extra: string[] = []) {
	const dir = path.join(tmp(), String(++n));
	fs.mkdirSync(dir);
	const want = path.join(dir, 'command.csv');
	const run = await cli([...argv, '--out', want]);
	expect(run.code, run.err).toBe(0);
	const got = path.join(dir, 'script.csv');
	const emitted = await cli([...argv, '--out', got, '--emit-sql', 'duckdb', ...extra]);
	expect(emitted.code, emitted.err).toBe(0);
	expect(fs.existsSync(got)).toBe(false); // the command did not write its CSV
	const script = path.join(dir, 'pipeline.sql');
	fs.writeFileSync(script, emitted.out);
	await runNativeScript(script);
	return { want: fs.readFileSync(want), got: fs.readFileSync(got), script: emitted.out };
}

const SAMPLE = ['--input', 'public/sample/transactions.csv', '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
const TRICKY = ['--input', fixture('emit-sql', 'tricky.csv'), '--customer', 'customer', '--date', 'day', '--amount', 'amount', '--order', 'order'];

describe('--emit-sql duckdb: the script run by native DuckDB writes the command’s CSV byte for byte', () => {
	it('rfm on the sample shop (5,000 customers), with the annotated steps', async () => {
		const r = await both(['rfm', ...SAMPLE]);
		expect(r.got.equals(r.want)).toBe(true);
		expect(r.want.length).toBeGreaterThan(100_000);
		expect(r.script).toMatch(/^-- Clientele .*: the pipeline of `clientele rfm --input public\/sample\/transactions.csv/);
		expect(r.script).toContain("read_csv('public/sample/transactions.csv'");
		expect(r.script).toMatch(/-- step \d+: rfm_scores: the R, F and M scores/);
		expect(r.script).toMatch(/COPY \(SELECT .* TO '.*script\.csv' \(FORMAT csv, HEADER true, QUOTE '', ESCAPE ''\);\n$/s);
	}, 120_000);

	it('rfm on ids to neutralise or quote and amounts on half cents, with --explain in Chinese', async () => {
		const r = await both(['rfm', ...TRICKY, '--as-of', '2024-04-01', '--explain', '--lang', 'zh']);
		expect(r.got.equals(r.want)).toBe(true);
		const text = r.want.toString('utf8');
		// by hand: 1.005 + 2.675 = 3.68; the ids as toCsv writes them
		expect(text).toContain("'=SUM(A1),");
		expect(text).toContain('\r\n-12.5,');
		expect(text).toContain('\r\n"a,b",');
		expect(text).toContain('\r\n"say ""hi""",');
		expect(text).toContain("\r\n'+x,");
		expect(text).toMatch(/'=SUM\(A1\),\d+,2,3\.68,/);
	}, 120_000);
});
