/**
 * The CLI reads ids and amounts through the same guards as the page (run/stage.ts): an id column in
 * Excel's scientific notation is a warning on stderr naming the column and rows, NBSP-padded ids are
 * one customer, and amounts whose total overflows stop the command (exit 2) with the rows named.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-idguards-');
const ROLES = ['--customer', 'customer', '--date', 'date', '--amount', 'amount', '--as-of', '2024-02-01'];

let stderr: string[] = [];
beforeEach(() => {
	stderr = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

function write(name: string, lines: string[]): string {
	const p = path.join(tmp(), name);
	fs.writeFileSync(p, ['customer,date,amount', ...lines].join('\n') + '\n');
	return p;
}

describe('rfm on messy ids', () => {
	it('warns about scientific-notation ids and merges NBSP-padded ids into one customer', async () => {
		const input = write('sci.csv', ['1.23E+11,2024-01-01,10', '1.23E+11,2024-01-02,20', '\u00a0A7\u00a0,2024-01-03,5', 'A7,2024-01-04,5']);
		const out = path.join(tmp(), 'rfm.csv');
		expect(await rfmCommand(['--input', input, ...ROLES, '--out', out])).toBeNull();
		const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => r.customer_id).sort()).toEqual(['1.23E+11', 'A7']);
		const warning = stderr.join('').split('\n').find((l) => l.includes('scientific notation'));
		expect(warning).toContain('Column “customer”');
		expect(warning).toContain('2 rows (1 different ids)');
		expect(warning).toContain('“1.23E+11” on row 1');
		expect(warning).toContain('formatted as text');
	});

	it('stops with the rows named when the amounts add up past a finite number', async () => {
		const input = write('inf.csv', ['A,2024-01-01,1e308', 'B,2024-01-02,1e308', 'C,2024-01-03,3']);
		const err = await rfmCommand(['--input', input, ...ROLES, '--out', path.join(tmp(), 'x.csv')]).catch((e: unknown) => e);
		expect(isClienteleError(err) && err.code).toBe('amounts.notFinite');
		expect(isClienteleError(err) && err.params.rows).toBe('1, 2');
	});
});
