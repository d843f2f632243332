/**
 * The CLI's default as-of date: stray dates reported on stderr and left out (a 31-row file with one
 * 2099 date), --as-of before the first purchase refused, a file of returns only refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliToday } from '../../../src/cli/as-of.ts';
import { abcCommand } from '../../../src/cli/abc.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-asof-');
const STRAY = fixture('guess', 'stray_2099.csv');
const ROLES = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];

async function codeOf(p: Promise<unknown>): Promise<string | null> {
	return p.then(
		() => null,
		(e: unknown) => (isClienteleError(e) ? e.code : String(e))
	);
}

let stderr: string[] = [];
beforeEach(() => {
	stderr = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
	vi.stubEnv('CLIENTELE_TODAY', '2026-12-05');
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('rfm: a 2099 date in a 31-row file', () => {
	it('is left out of the default as-of (2024-06-26) and reported on stderr with its row', async () => {
		const out = path.join(tmp(), 'rfm.csv');
		expect(await rfmCommand(['--input', STRAY, ...ROLES, '--out', out])).toBeNull();
		const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const r = Object.fromEntries(rows.map((x) => [x.customer_id, x]));
		// C10 bought last on 2024-06-25 (O030): 1 day before the as-of 2024-06-26. C03's 2099 row is
		// after the as-of, so its last purchase is O023 on 2024-05-13: 44 days; 3 orders (O003, O013, O023).
		expect(r.C10?.recency_days).toBe('1');
		expect(r.C03?.recency_days).toBe('44');
		expect(r.C03?.frequency).toBe('3');
		expect(stderr.join('')).toBe(
			`warning: ${STRAY}: 1 rows are dated after 2024-06-25 — in the future (today is 2026-12-05) or far after the rest of the data — and look like typing errors (2099-06-28 ×1; first at rows 31). The default as-of date 2024-06-26 leaves them out; set the date yourself to include them.\n`
		);
	});

	it('an --as-of given is used as given, and nothing is reported', async () => {
		const out = path.join(tmp(), 'rfm2.csv');
		expect(await rfmCommand(['--input', STRAY, ...ROLES, '--as-of', '2024-07-01', '--out', out])).toBeNull();
		expect(stderr.join('')).toBe('');
	});

	it('--as-of on or before the first purchase (2024-01-01) exits 2', async () => {
		expect(await codeOf(rfmCommand(['--input', STRAY, ...ROLES, '--as-of', '2024-01-01']))).toBe('asof.beforeFirst');
		expect(await codeOf(rfmCommand(['--input', STRAY, ...ROLES, '--as-of', '2023-05-01']))).toBe('asof.beforeFirst');
	});

	it('a file of returns only says so instead of scoring', async () => {
		const f = path.join(tmp(), 'returns.csv');
		fs.writeFileSync(f, 'customer_id,order_date,amount,order_id\nA,2024-01-05,-10,R1\nB,2024-02-05,-20,R2\nA,2024-03-01,0,R3\n');
		expect(await codeOf(rfmCommand(['--input', f, ...ROLES]))).toBe('rfm.noPurchases');
	});
});

// abc used to count every row without --to, the 2099 stray included; it now ends its default range
// where rfm's as-of does, so the two commands' revenues agree (on the sample: 12,643,575 each).
describe('abc: the same 2099 row', () => {
	const source = () => Papa.parse<Record<string, string>>(fs.readFileSync(STRAY, 'utf8'), { header: true, skipEmptyLines: true }).data;
	const revenue = async (args: string[]) => {
		const out = path.join(tmp(), `abc-${args.length}.csv`);
		expect(await abcCommand(['--input', STRAY, ...ROLES, ...args, '--out', out])).toBeNull();
		return Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data.reduce((a, r) => a + Number(r.revenue), 0);
	};

	it('is left out of the default range and reported on stderr as rfm reports it', async () => {
		const kept = source().filter((r) => r.order_date! < '2099-01-01');
		expect(kept).toHaveLength(30);
		expect(await revenue([])).toBeCloseTo(kept.reduce((a, r) => a + Number(r.amount), 0), 6);
		expect(stderr.join('')).toContain('(2099-06-28 ×1; first at rows 31). The default as-of date 2024-06-26 leaves them out');
	});

	it('--to given counts it, and nothing is reported', async () => {
		expect(await revenue(['--to', '2099-12-31'])).toBeCloseTo(source().reduce((a, r) => a + Number(r.amount), 0), 6);
		expect(stderr.join('')).toBe('');
	});
});

describe('the CLI clock', () => {
	it('CLIENTELE_TODAY fixes today; otherwise the machine day', () => {
		expect(cliToday()).toBe('2026-12-05');
		vi.stubEnv('CLIENTELE_TODAY', '');
		expect(cliToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});
