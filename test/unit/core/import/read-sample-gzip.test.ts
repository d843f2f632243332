/**
 * The page's bomb check (core/import/read-sample.ts `inflation` + gzip-guard's watchInflation) on
 * Node's File and DecompressionStream, the same Web APIs the page uses.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isClienteleError } from '../../../../src/core/errors.ts';
import { watchInflation } from '../../../../src/core/import/gzip-guard.ts';
import { inflation, utf8File } from '../../../../src/core/import/read-sample.ts';
import { strictGunzip } from '../../../helpers/strict-gunzip.ts';

const gz = (text: string, times: number) => zlib.gzipSync(Buffer.alloc(text.length * times, text), { level: 9 });

describe('decompression bombs in the page', () => {
	it('a small .gz inflates to its size', async () => {
		const f = new File([gz('a,b\n', 1000)], 'ok.csv.gz');
		const { size, steps } = inflation(f);
		expect(await watchInflation(f.name, size, steps)).toBe(4000);
	});

	it('counts the compressed bytes the decompressor took, not what was read ahead: a bomb is refused at 64 MiB', async () => {
		// 96 MiB of one line (≈ 100 kB compressed) followed by 20 MB of the file: at 64 MiB inflated about
		// 70 kB were consumed, a ratio near 1000 that projects ≈ 19 GB (> 4 × 2 GB). Counting the whole
		// file as read (one read-ahead) would project 64 MiB and let it inflate on.
		const f = new File([gz('c,d,a\n', 16 * 1024 * 1024), new Uint8Array(20_000_000)], 'bomb.csv.gz');
		const { size, steps } = inflation(f);
		const e = await watchInflation(f.name, size, steps).catch((x: unknown) => x);
		expect(isClienteleError(e) && e.code === 'file.bomb').toBe(true);
	});

	it('a damaged .gz (truncated) fails the inflation', async () => {
		const whole = gz('x,y\n', 100_000);
		const f = new File([whole.subarray(0, whole.length - 100)], 'cut.csv.gz');
		const { size, steps } = inflation(f);
		await expect(watchInflation(f.name, size, steps)).rejects.toThrow();
	});

	it('a multi-member .gz counts every member; a bomb of concatenated members is refused as a bomb', async () => {
		const two = new File([gz('a,b\n', 1000), gz('c,d\n', 500)], 'two.csv.gz');
		const t = inflation(two);
		expect(await watchInflation(two.name, t.size, t.steps)).toBe(6000);
		// Like the hostile corpus's bomb: 1 MiB members one after the other; 200 of them pass a limit
		// lowered to 100 MiB (the page's own limit would need thousands: slow for a unit test).
		const member = gz('C1,2024-01-01,10\n', 61681);
		const bomb = new File(Array<Uint8Array<ArrayBuffer>>(200).fill(new Uint8Array(member)), 'bomb.csv.gz');
		const b = inflation(bomb);
		const e = await watchInflation(bomb.name, b.size, b.steps, 100 * 1024 * 1024).catch((x: unknown) => x);
		expect(isClienteleError(e) && e.code === 'file.bomb').toBe(true);
	});

	it('zero padding after the members: accepted, and the engine is handed the file without it', async () => {
		const members = Buffer.concat([gz('c,d,a\n', 1), gz('C1,2024-01-01,10\n', 2)]);
		const f = new File([members, new Uint8Array(4096)], 'padded.csv.gz');
		// The browser's decoder (Node's reads past the padding itself and never says where the data ends).
		const { size, steps } = inflation(f, strictGunzip);
		expect(await watchInflation(f.name, size, steps)).toBe(6 + 34);
		const u = await utf8File(f);
		expect(u.file.name).toBe('padded.csv.gz');
		expect(Buffer.from(await u.file.arrayBuffer())).toEqual(members);
		expect(u.sample).toBe('c,d,a\nC1,2024-01-01,10\nC1,2024-01-01,10\n');
	});
});
