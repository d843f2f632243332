import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { cliLines as cliInProcess } from '../../helpers/cli-run.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CSV = fixture('xlsx', 'book-transactions.csv');
const MAP = ['--customer', '客户ID', '--date', '下单日期', '--amount', '金额', '--order', '订单号'];
const tmp = useTmpDir('clientele-xlsx-cli-');
let runs = 0;

/** Runs a command in process and returns what it wrote to --out. */
async function run(command: (argv: string[]) => Promise<string | null>, args: string[]): Promise<string> {
	const out = path.join(tmp(), `out-${++runs}.csv`);
	await command([...args, '--out', out]);
	return fs.readFileSync(out, 'utf8');
}

describe('Excel workbooks as --input', () => {
	it('rfm: a workbook (first sheet empty → the sheet with data) gives the same segments as the equivalent CSV', async () => {
		const args = [...MAP, '--as-of', '2025-01-01'];
		const fromCsv = await run(rfmCommand, ['--input', CSV, ...args]);
		const fromBook = await run(rfmCommand, ['--input', fixture('xlsx', 'empty-first.xlsx'), ...args]);
		expect(fromCsv.split('\r\n')).toHaveLength(26); // header + 24 customers + final line end
		expect(fromBook).toBe(fromCsv);
		expect(fromBook).toContain('\r\n00123,');
		expect(fromBook).toContain('\r\n123456789012345678,');
	});

	it.each(['book.xlsx', 'book.xlsm'])('abc --sheet 交易 on %s gives the same classes as the equivalent CSV', async (name) => {
		const fromCsv = await run(abcCommand, ['--input', CSV, ...MAP]);
		const fromBook = await run(abcCommand, ['--input', fixture('xlsx', name), '--sheet', '交易', ...MAP]);
		expect(fromBook).toBe(fromCsv);
	});
});

/** One real CLI process (~3 s each: keep these few). */
function cli(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn')) };
}

describe('clientele with workbooks (a spawned process, then main() in process)', () => {
	it('abc --sheet 交易 writes the output; --help documents --sheet', async () => {
		const out = path.join(tmp(), 'abc.csv');
		const r = cli(['abc', '--input', fixture('xlsx', 'book.xlsx'), '--sheet', '交易', ...MAP, '--out', out]);
		expect(r).toMatchObject({ code: 0, stdout: '', stderr: [] });
		expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toBe('customer_id,revenue,cum_share,abc_class');
		expect((await cliInProcess(['abc', '--help'])).stdout).toMatch(/--sheet NAME +sheet of an Excel \.xlsx\/\.xlsm input/);
	});

	it.each([
		['a sheet not in the workbook', ['--input', fixture('xlsx', 'book.xlsx'), '--sheet', 'Sheet9'], /^clientele abc: There is no sheet “Sheet9” in .*book\.xlsx\. Sheets: 说明, 交易\.$/],
		['a truncated workbook', ['--input', fixture('xlsx', 'corrupt.xlsx')], /^clientele abc: .*corrupt\.xlsx is not a readable Excel workbook/],
		['an encrypted workbook', ['--input', fixture('xlsx', 'encrypted.xlsx')], /^clientele abc: .*encrypted\.xlsx is password-protected/]
	])('%s → exit 2, one line on stderr, no output file', async (_n, input, message) => {
		const out = path.join(tmp(), 'never.csv');
		const r = await cliInProcess(['abc', ...input, ...MAP, '--out', out]);
		expect(r.code).toBe(2);
		expect(r.stderr).toHaveLength(1);
		expect(r.stderr[0]).toMatch(message);
		expect(fs.existsSync(out)).toBe(false);
	});
});
