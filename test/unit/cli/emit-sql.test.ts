import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../helpers/cli-run.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';
import { runNativeScript } from '../../helpers/native-sql.ts';

const tmp = useTmpDir('clientele-emit-sql-');
afterEach(() => vi.restoreAllMocks());


/**
 * The command's CSV, then the same command line with --emit-sql duckdb run on native DuckDB: both
 * files' bytes (the script's COPY writes to the same --out name in another folder).
 */
let n = 0;
async function both(argv: string[], data = false) {
	const dir = path.join(tmp(), String(++n));
	fs.mkdirSync(dir);
	const extra = data ? ['--emit-sql-data', path.join(dir, 'input-utf8.csv')] : [];
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
	return { want: fs.readFileSync(want), got: fs.readFileSync(got), script: emitted.out, err: emitted.err, data: extra[1] };
}

const SAMPLE = ['--input', 'public/sample/transactions.csv', '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
const HAND = ['--input', fixture('foundation', 'rfm_hand.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];
const G = fixture('grade');
const GRADE = ['--input', path.join(G, 'tx.csv'), '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--order', 'order_id', '--cost', 'cost', '--surveys', path.join(G, 'surveys.csv'), '--surveys-id', 'cust', '--surveys-date', 'answered', '--recommend', 'ltr', '--csat', 'sat', '--as-of', '2024-07-01'];
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

	it('migrate, abc (class names in Chinese) and lifecycle on the sample shop', async () => {
		for (const argv of [
			['migrate', '--from', '2025-06-30', '--to', '2025-12-31', '--lang', 'zh', ...SAMPLE],
			['abc', '--lang', 'zh', ...SAMPLE],
			['lifecycle', ...SAMPLE]
		]) {
			const r = await both(argv);
			expect(r.got.equals(r.want), argv[0]).toBe(true);
		}
	}, 240_000);

	it('kpi retention (summary in Chinese, cohorts): rates as rounded percentages, computed in SQL', async () => {
		for (const report of ['summary', 'cohorts']) {
			const r = await both(['kpi', 'retention', '--start', '2024-01-01', '--end', '2024-03-31', '--report', report, '--lang', 'zh', ...HAND]);
			expect(r.got.equals(r.want), report).toBe(true);
			expect(r.want.toString('utf8').split('\r\n').length).toBeGreaterThan(2);
		}
	}, 120_000);

	it('grade with cost, surveys and a standard without model indicators', async () => {
		const r = await both(['grade', ...GRADE, '--standard', path.join(fixture('grade'), 'standard.json')]);
		expect(r.got.equals(r.want)).toBe(true);
		expect(r.script).toContain(fixture('grade'));
	}, 120_000);
});

describe('--emit-sql-data: inputs DuckDB cannot read as they are get a UTF-8 copy the script reads', () => {
	const IMPORT = fixture('import');
	const R = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'revenue'];
	it.each([
		['GBK', ['rfm', '--input', path.join(IMPORT, 'rfm_gbk.csv'), '--customer', '客户编号', '--date', '下单日期', '--amount', '实付金额']],
		['GBK, gzipped', ['rfm', '--input', path.join(IMPORT, 'rfm_gbk.csv.gz'), '--customer', '客户编号', '--date', '下单日期', '--amount', '实付金额']],
		['UTF-16LE', ['rfm', '--input', path.join(IMPORT, 'rfm_utf16le_bom.csv'), ...R]],
		['UTF-16BE', ['lifecycle', '--input', path.join(IMPORT, 'rfm_utf16be_bom.csv'), ...R]],
		['an Excel sheet', ['abc', '--input', fixture('xlsx', 'book.xlsx'), '--sheet', '交易', '--customer', '客户ID', '--date', '下单日期', '--amount', '金额', '--order', '订单号']]
	])('%s', async (_, argv) => {
		const r = await both(argv, true);
		expect(r.got.equals(r.want)).toBe(true);
		const copy = fs.readFileSync(r.data!, 'utf8');
		expect(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(r.data!)).length).toBe(copy.length);
		expect(r.script).toContain(`read_csv('${r.data!}'`);
		expect(r.script).toMatch(/-- input: .* \(read as .*input-utf8\.csv: (text in (GB18030|UTF-16LE|UTF-16BE)|an Excel workbook), written as UTF-8 CSV by --emit-sql-data\)/);
	}, 60_000);

	it('without it, such an input stops with exit 2 naming the flag and the encoding', async () => {
		const r = await cli(['rfm', '--input', path.join(IMPORT, 'rfm_utf16le_bom.csv'), ...R, '--emit-sql', 'duckdb']);
		expect([r.code, r.out]).toEqual([2, '']);
		expect(r.err).toMatch(/^clientele rfm: --emit-sql: .*rfm_utf16le_bom\.csv \(text in UTF-16LE\) cannot be read by DuckDB as it is\. Add --emit-sql-data FILE/);
	});

	it('a UTF-8 input needs no copy: a note says so and nothing is written', async () => {
		const data = path.join(tmp(), 'unused.csv');
		const r = await cli(['rfm', ...HAND, '--emit-sql', 'duckdb', '--emit-sql-data', data]);
		expect(r.code).toBe(0);
		expect(r.err).toContain(`note: --emit-sql-data ${data} not written: the script reads the input as it is.`);
		expect(fs.existsSync(data)).toBe(false);
	});
});

describe('--emit-sql refusals: exit 2, one message naming the flag', () => {
	it.each([
		[['clv', ...HAND, '--emit-sql', 'duckdb'], 'clientele clv: --emit-sql is not available for clv: clv fits its model outside SQL'],
		[['forecast', ...HAND, '--emit-sql', 'spark'], 'clientele forecast: --emit-sql is not available for forecast'],
		[['journey', '--emit-sql', 'duckdb'], 'clientele journey: --emit-sql is not available for journey.'],
		[['kpi', 'summary', ...HAND, '--emit-sql', 'duckdb'], 'is not available for kpi.'],
		[['rfm', ...HAND, '--emit-sql', 'postgres'], '--emit-sql postgres: choose duckdb or spark'],
		[['rfm', ...HAND, '--emit-sql-data', 'x.csv'], '--emit-sql-data needs --emit-sql duckdb or --emit-sql spark'],
		[['rfm', ...HAND, '--engine', 'native', '--emit-sql', 'duckdb'], 'leave out --engine native and --threads'],
		[['abc', ...HAND, '--emit-sql', 'duckdb', '--threads', '2'], 'leave out --engine native and --threads']
	])('%j', async (argv, message) => {
		const r = await cli(argv);
		expect([r.code, r.out]).toEqual([2, '']);
		expect(r.err).toContain(message);
	});

	it('a grading standard with clv is refused, naming the indicator', async () => {
		const std = path.join(tmp(), 'clv-standard.json');
		const json = JSON.parse(fs.readFileSync(path.join(fixture('grade'), 'standard.json'), 'utf8')) as { indicators: { name: string }[] };
		json.indicators[0]!.name = 'clv';
		fs.writeFileSync(std, JSON.stringify(json));
		const r = await cli(['grade', ...GRADE, '--standard', std, '--emit-sql', 'duckdb']);
		expect([r.code, r.out]).toEqual([2, '']);
		expect(r.err).toBe('clientele grade: --emit-sql: the grading standard uses clv, computed by a model outside SQL. Export a standard without model indicators, or run grade without --emit-sql.\n');
	});
});
