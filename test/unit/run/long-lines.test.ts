import { describe, expect, it } from 'vitest';
import { firstLongLine } from '../../../src/run/long-lines.ts';

/** A stream of the text cut into chunks of `size` bytes (a line may span chunks). */
function chunked(text: string, size: number): ReadableStream<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	return new ReadableStream({
		pull(c) {
			if (at >= bytes.length) return c.close();
			c.enqueue(bytes.slice(at, at + size));
			at += size;
		}
	});
}

describe('firstLongLine', () => {
	it('finds the first line longer than the limit, wherever the chunks cut it', async () => {
		// lines: 1 "a,b" (3 bytes), 2 "x"×12, 3 "y"×5, 4 "z"×20
		const text = `a,b\n${'x'.repeat(12)}\n${'y'.repeat(5)}\n${'z'.repeat(20)}\n`;
		for (const size of [1, 3, 7, 64]) {
			expect(await firstLongLine(() => chunked(text, size), 10)).toBe(2);
			expect(await firstLongLine(() => chunked(text, size), 12)).toBe(4);
			expect(await firstLongLine(() => chunked(text, size), 20)).toBeNull();
		}
	});

	it('a last line without a line break counts too; CRLF lines are not longer by their CR', async () => {
		expect(await firstLongLine(() => chunked('ab\r\ncd\r\n' + 'q'.repeat(9), 4), 8)).toBe(3);
		expect(await firstLongLine(() => chunked('ab\r\ncd\r\n', 2), 3)).toBeNull();
	});

	it('an aborted scan stops at its next chunk and resolves null; one aborted late still answers', async () => {
		const text = `${'x'.repeat(5)}\n`.repeat(50) + 'z'.repeat(40) + '\n';
		const stopped = new AbortController();
		stopped.abort();
		expect(await firstLongLine(() => chunked(text, 8), 10, stopped.signal)).toBeNull();
		// Not aborted: the same stream finds line 51.
		expect(await firstLongLine(() => chunked(text, 8), 10, new AbortController().signal)).toBe(51);
	});

	it('agrees with splitting the text into lines, on random texts, chunk sizes and limits', async () => {
		// A seeded generator: lines of 0–40 bytes with now and then a long one, ASCII and 3-byte Chinese, CR and LF.
		let seed = 7;
		const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
		const enc = new TextEncoder();
		for (let round = 0; round < 400; round++) {
			const max = 1 + rand(40);
			const lines: string[] = [];
			for (let i = rand(30); i >= 0; i--) {
				// Mostly short lines, often one byte either side of the limit, now and then a long one.
				const k = rand(10);
				const n = k < 6 ? rand(max) : k < 9 ? Math.max(0, max - 1 + rand(3)) : rand(4 * max);
				let l = '';
				while (enc.encode(l).length < n) l += rand(8) === 0 && enc.encode(l).length + 3 <= n ? '客' : rand(20) === 0 ? '\r' : 'x';
				lines.push(l);
			}
			const text = lines.join('\n') + (rand(2) ? '\n' : '');
			const oracle = text.split('\n').findIndex((l) => enc.encode(l).length > max);
			const want = oracle < 0 ? null : oracle + 1;
			const size = 1 + rand(rand(2) ? 8 : 4 * max + 50);
			expect(await firstLongLine(() => chunked(text, size), max), `round ${round}, max ${max}, chunks of ${size}`).toBe(want);
		}
	});
});
