/**
 * Multi-member .gz in the page (core/import/gunzip.ts), with hand-made files: run once with a decoder
 * that refuses anything after one member, as Chromium's DecompressionStream does (test/helpers/
 * strict-gunzip.ts), and once with Node's DecompressionStream (which reads every member itself).
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipDamagedError, gunzipBlob, gunzipStream, nativeGzip, probePlaces, zeroTailStart, type GzipDecoder } from '../../../../src/core/import/gunzip.ts';
import { strictGunzip } from '../../../helpers/strict-gunzip.ts';

const A = 'c,d,a\nC1,2024-01-01,10\nC1,2024-01-11,20\n';
const B = 'C2,2024-01-06,5\n';
const gz = (text: string | Buffer) => zlib.gzipSync(text);
const blob = (...parts: Buffer[]) => new Blob(parts.map((p) => new Uint8Array(p)));

/** A pseudo-random text (deterministic) that compresses poorly: many output pieces per member. */
function noise(bytes: number, seed: number): string {
	let x = seed;
	let s = '';
	while (s.length < bytes) {
		x = (x * 1103515245 + 12345) >>> 0;
		s += `C${x % 9973},2024-01-${String((x % 28) + 1).padStart(2, '0')},${x % 997}\n`;
	}
	return s;
}

/** A member as gzip(1) writes it: FNAME set, the original name after the 10-byte header. */
function named(text: string, name: string): Buffer {
	const m = gz(text);
	const head = Buffer.from(m.subarray(0, 10));
	head[3] = head[3]! | 8;
	return Buffer.concat([head, Buffer.from(`${name}\0`, 'latin1'), m.subarray(10)]);
}

async function inflate(b: Blob, decoder: GzipDecoder, slice?: number): Promise<{ text: string; reads: number[] }> {
	const parts: Uint8Array[] = [];
	const reads: number[] = [];
	for await (const s of gunzipBlob(b, { decoder, ...(slice ? { slice } : {}) })) {
		parts.push(s.chunk);
		reads.push(s.read);
	}
	return { text: Buffer.concat(parts).toString('utf8'), reads };
}

const DECODERS: [string, GzipDecoder][] = [
	['a decoder that stops at one member (Chromium)', strictGunzip],
	["Node's DecompressionStream", nativeGzip]
];

describe.each(DECODERS)('multi-member gzip with %s', (_, decoder) => {
	it('two members: every member’s rows, in order', async () => {
		expect((await inflate(blob(gz(A), gz(B)), decoder)).text).toBe(A + B);
	});

	it('a member boundary anywhere in a read slice (1 to 64 bytes): the same rows', async () => {
		const file = blob(gz(A), named(B, 'b.csv'), gz(A));
		for (let slice = 1; slice <= 64; slice += slice < 24 ? 1 : 7) {
			expect((await inflate(file, decoder, slice)).text, `slice ${slice}`).toBe(A + B + A);
		}
	});

	it('members larger than one output piece lose nothing at their ends', async () => {
		const a = noise(200_000, 1);
		const b = noise(150_000, 2);
		const { text, reads } = await inflate(blob(gz(a), gz(b), gz(B)), decoder, 4096);
		expect(text.length).toBe(a.length + b.length + B.length);
		expect(text).toBe(a + b + B);
		expect(reads).toEqual([...reads].sort((x, y) => x - y));
	});

	it('many members (like a bomb made of concatenated members), each counted', async () => {
		const m = gz(B);
		const { text } = await inflate(blob(...Array<Buffer>(300).fill(m)), decoder);
		expect(text).toBe(B.repeat(300));
	});

	it('trailing zero padding after the last member is accepted', async () => {
		expect((await inflate(blob(gz(A), gz(B), Buffer.alloc(4096)), decoder, 1000)).text).toBe(A + B);
		expect((await inflate(blob(gz(''), Buffer.alloc(7)), decoder)).text).toBe('');
	});

	it('a damaged second member is refused, not read as the first alone', async () => {
		const second = Buffer.from(gz(noise(5000, 3)));
		second[40] = second[40]! ^ 0xff;
		await expect(inflate(blob(gz(A), second), decoder)).rejects.toBeInstanceOf(GzipDamagedError);
		const crc = Buffer.from(gz(B));
		crc[crc.length - 6] = crc[crc.length - 6]! ^ 1;
		await expect(inflate(blob(gz(A), crc), decoder)).rejects.toBeInstanceOf(GzipDamagedError);
	});

	it('a file cut short (inside a member, inside a header) is refused', async () => {
		const two = Buffer.concat([gz(A), gz(noise(5000, 4))]);
		for (const cut of [gz(A).length + 5, two.length - 3, two.length - 100]) {
			await expect(inflate(blob(two.subarray(0, cut)), decoder), `cut at ${cut}`).rejects.toBeInstanceOf(GzipDamagedError);
		}
	});

	it('bytes that are not gzip are refused: no header, junk after a member', async () => {
		await expect(inflate(blob(Buffer.from(A)), decoder)).rejects.toBeInstanceOf(GzipDamagedError);
		await expect(inflate(blob(gz(A), Buffer.from('not gzip at all')), decoder)).rejects.toBeInstanceOf(GzipDamagedError);
	});

	it('as a ReadableStream: the whole text, compressed bytes reported up to the file’s size', async () => {
		const file = blob(gz(A), gz(B));
		let read = 0;
		const text = await new Response(gunzipStream(file, { decoder, slice: 16, onRead: (n) => (read = n) })).text();
		expect(text).toBe(A + B);
		expect(read).toBeGreaterThan(file.size / 2);
		expect(read).toBeLessThanOrEqual(file.size);
	});
});

describe('the places a member may end', () => {
	it('a gzip magic past the smallest member, and the first bytes of the trailing zeros', () => {
		const b = new Uint8Array(100);
		b.set([0x1f, 0x8b, 0x08], 30);
		b.set([0x1f, 0x8b, 0x08], 5); // too close to the member's start
		expect(probePlaces(b, 0, 100, 0, 98)).toEqual([30, 98, 99]);
		expect(probePlaces(b, 0, 100, 0, 100)).toEqual([30]);
	});

	it('the trailing zero run', async () => {
		expect(await zeroTailStart(new Blob([new Uint8Array([1, 0, 2, 0, 0])]), 2)).toBe(3);
		expect(await zeroTailStart(new Blob([new Uint8Array([0, 0])]))).toBe(0);
		expect(await zeroTailStart(new Blob([new Uint8Array([5])]))).toBe(1);
	});
});
