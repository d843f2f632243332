/**
 * The CLI maps a flag to the column headed exactly so: with headers `Amount` and `amount`,
 * `--amount amount` reads the fourth column (loaded as amount_2) and the rename is a warning naming
 * both; a name that matches only after case-folding is refused (exit 2) with the columns listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-headers-');
let stderr: string[] = [];
beforeEach(() => {
	stderr = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

function input(): string {
	const p = path.join(tmp(), 'two-amounts.csv');
	fs.writeFileSync(p, 'customer,date,Amount,amount\nC1,2024-01-01,1,100\nC2,2024-01-02,2,200\n');
	return p;
}

async function monetary(amount: string): Promise<Record<string, string>> {
	const out = path.join(tmp(), `rfm-${amount}.csv`);
	expect(await rfmCommand(['--input', input(), '--customer', 'customer', '--date', 'date', '--amount', amount, '--as-of', '2024-02-01', '--out', out])).toBeNull();
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
	return Object.fromEntries(rows.map((r) => [r.customer_id!, r.monetary!]));
}

describe('rfm --amount with headers Amount and amount', () => {
	it('--amount amount reads the column headed exactly "amount", and warns about the rename', async () => {
		expect(await monetary('amount')).toEqual({ C1: '100', C2: '200' });
		expect(stderr.join('')).toContain('Column 4 of');
		expect(stderr.join('')).toContain('is headed “amount”, the same name as column “Amount”');
		expect(stderr.join('')).toContain('it is read as “amount_2”');
	});

	it('--amount Amount reads the third column', async () => {
		expect(await monetary('Amount')).toEqual({ C1: '1', C2: '2' });
	});

	it('--amount AMOUNT is no column: exit 2 with the columns listed', async () => {
		const err = await rfmCommand(['--input', input(), '--customer', 'customer', '--date', 'date', '--amount', 'AMOUNT']).catch((e: unknown) => e);
		expect(isClienteleError(err) && err.code).toBe('cli.noColumn');
		expect(isClienteleError(err) && err.params.list).toBe('customer, date, Amount, amount_2');
	});
});
