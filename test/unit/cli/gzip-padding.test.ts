/**
 * A .csv.gz of several gzip members followed by zero padding (as some tools write), through the CLI in
 * this process: zlib reads the members and stops at the padding; DuckDB's gzip reader refuses the
 * padding, so the CLI hands it a copy without it (removed afterwards, also when the run fails). A
 * damaged member is still the specific bad-gzip sentence, never the engine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { cliLines } from '../../helpers/cli-run.ts';
import { useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-gzpad-');
const HEADER = 'Customer ID,Order Date,Amount';
/** 60 rows over 7 customers (amounts with cents), made here. */
const ROWS = [...Array(60).keys()].map((i) => `C${(i * 5) % 7},2024-0${1 + (i % 6)}-${String(1 + ((i * 11) % 28)).padStart(2, '0')},${(i * 37) % 200}.${String(i % 100).padStart(2, '0')}`);
const MAP = ['--customer', 'Customer ID', '--date', 'Order Date', '--amount', 'Amount', '--as-of', '2024-07-01'];
const member = (lines: string[]) => zlib.gzipSync(lines.join('\n') + '\n');

/** The temporary files the CLI makes go to a folder of this test (os.tmpdir() reads TMPDIR): it must be empty after each run. */
let temps: string;
let saved: string | undefined;
beforeEach(() => {
	saved = process.env.TMPDIR;
	temps = fs.mkdtempSync(path.join(tmp(), 'tmp-'));
	process.env.TMPDIR = temps;
});
afterEach(() => {
	if (saved === undefined) delete process.env.TMPDIR;
	else process.env.TMPDIR = saved;
});

function write(name: string, bytes: Buffer): string {
	const file = path.join(tmp(), name);
	fs.writeFileSync(file, bytes);
	return file;
}

/** customer → monetary, from the CLI's CSV output. */
function monetary(stdout: string): Map<string, number> {
	const [head, ...lines] = stdout.trim().split(/\r?\n/);
	const cols = head!.split(',');
	const [c, m] = [cols.indexOf('customer_id'), cols.indexOf('monetary')];
	return new Map(lines.map((l) => l.split(',')).map((r) => [r[c]!, Number(r[m])]));
}

describe('a multi-member .csv.gz with zero padding (CLI, in process)', () => {
	it('two members + 512 zero bytes: the same customers and totals as the plain CSV; the trimmed copy is removed', { timeout: 60_000 }, async () => {
		const expected = new Map<string, number>();
		for (const [c, , a] of ROWS.map((r) => r.split(','))) expected.set(c!, Math.round(((expected.get(c!) ?? 0) + Number(a)) * 100) / 100);
		const plain = write('plain.csv', Buffer.from([HEADER, ...ROWS].join('\n') + '\n'));
		const padded = write('padded.csv.gz', Buffer.concat([member([HEADER, ...ROWS.slice(0, 25)]), member(ROWS.slice(25)), Buffer.alloc(512)]));
		const a = await cliLines(['rfm', '--input', plain, ...MAP]);
		const b = await cliLines(['rfm', '--input', padded, ...MAP]);
		expect([a.code, a.stderr]).toEqual([0, []]);
		expect([b.code, b.stderr]).toEqual([0, []]);
		expect(monetary(b.stdout)).toEqual(expected);
		expect(expected.size).toBe(7);
		expect(b.stdout).toBe(a.stdout);
		expect(fs.readdirSync(temps)).toEqual([]);
	});

	it('a run that fails after the copy was made (a column that is not there) removes it too', { timeout: 60_000 }, async () => {
		const padded = write('padded-bad-column.csv.gz', Buffer.concat([member([HEADER, ...ROWS.slice(0, 10)]), member(ROWS.slice(10)), Buffer.alloc(512)]));
		const r = await cliLines(['rfm', '--input', padded, ...MAP.slice(0, 4), '--amount', 'Total']);
		expect(r.code).toBe(2);
		expect(r.stderr.join('\n')).toContain('Total');
		expect(r.stderr.join('\n')).not.toMatch(/engine|duckdb|gzip/i);
		expect(fs.readdirSync(temps)).toEqual([]);
	});

	it('a damaged second member (then the padding): exit 2 and the bad-gzip sentence, no copy left', { timeout: 60_000 }, async () => {
		const second = Buffer.from(member(ROWS.slice(25)));
		second[12] = second[12]! ^ 0xff;
		const file = write('damaged.csv.gz', Buffer.concat([member([HEADER, ...ROWS.slice(0, 25)]), second, Buffer.alloc(512)]));
		const r = await cliLines(['rfm', '--input', file, ...MAP]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toEqual([`clientele rfm: ${en['file.badGzip'].replace('{file}', file)}`]);
		expect(fs.readdirSync(temps)).toEqual([]);
	});
});
