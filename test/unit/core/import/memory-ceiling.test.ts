/** The page's memory ceiling and the native command it offers (core/import/memory-ceiling.ts). */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES, watchInflation, type InflationStep } from '../../../../src/core/import/gzip-guard.ts';
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

	it('a .gz past the page ceiling is refused for the page, accepted under a larger (native) limit, and a bomb is refused under both', async () => {
		async function* steps(list: InflationStep[]): AsyncGenerator<InflationStep> {
			yield* list;
		}
		// 1 GB of .gz unpacking to 2.5 GB at a CSV's ratio.
		const big = [{ read: 4e8, inflated: 1e9 }, { read: 1e9, inflated: 2.5e9 }];
		const page: unknown = await watchInflation('big.csv.gz', 1e9, steps(big)).catch((e: unknown) => e);
		expect(page).toMatchObject({ code: 'file.bomb', params: { file: 'big.csv.gz', size: '2.5 GB', limit: '2.0 GB' } });
		expect(await watchInflation('big.csv.gz', 1e9, steps(big), 24e9)).toBe(2.5e9);
		// 64 MiB out of 64 KiB read of a 1 GB file projects 1 TB: refused at once, whatever the limit.
		const bomb = [{ read: 65536, inflated: 64 * 1024 * 1024 }];
		const native: unknown = await watchInflation('bomb.csv.gz', 1e9, steps(bomb), 24e9).catch((e: unknown) => e);
		expect(native).toMatchObject({ code: 'file.bomb', params: { limit: '24.0 GB' } });
	});
});
