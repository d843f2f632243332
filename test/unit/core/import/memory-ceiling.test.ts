/** The page's memory ceiling and the native command it offers (core/import/memory-ceiling.ts). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES } from '../../../../src/core/import/gzip-guard.ts';
import { gigabytes, nativeRfmCommand, overPageCeiling, PAGE_CEILING_BYTES } from '../../../../src/core/import/memory-ceiling.ts';

describe('the page memory ceiling', () => {
	it('lies between the measured sizes: 1.6 GB loads in Chromium, 2.45 GB runs out of memory', () => {
		expect(overPageCeiling(1.6e9)).toBe(false);
		expect(overPageCeiling(2.45e9)).toBe(true);
		expect(overPageCeiling(PAGE_CEILING_BYTES)).toBe(false);
		expect(overPageCeiling(PAGE_CEILING_BYTES + 1)).toBe(true);
		expect(overPageCeiling(undefined)).toBe(false);
		// The decompression-bomb guard refuses at the same size.
		expect(MAX_INFLATED_BYTES).toBe(PAGE_CEILING_BYTES);
		expect(gigabytes(2_100_000_000)).toBe('2.1 GB');
	});

	it('offers a command whose words a POSIX shell reads back exactly, whatever the names', () => {
		const names = { file: "客户 订单's $(rm -rf x).csv", customer: '客户编号', date: 'Order Date', amount: "a'b" };
		const cmd = nativeRfmCommand(names.file, names);
		// sh parses the command; printf prints each word on its own line (nothing is run but printf).
		const words = execFileSync('sh', ['-c', `set -- ${cmd.replace(/^npm run --silent cli -- /, '')}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).trimEnd().split('\n');
		expect(words).toEqual(['rfm', '--input', names.file, '--customer', '客户编号', '--date', 'Order Date', '--amount', "a'b", '--engine', 'native', '--out', 'rfm.csv']);
		expect(nativeRfmCommand('orders.csv')).toBe('npm run --silent cli -- rfm --input orders.csv --customer COLUMN --date COLUMN --amount COLUMN --engine native --out rfm.csv');
	});
});
