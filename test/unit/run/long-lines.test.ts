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
			expect(await firstLongLine(chunked(text, size), 10)).toBe(2);
			expect(await firstLongLine(chunked(text, size), 12)).toBe(4);
			expect(await firstLongLine(chunked(text, size), 20)).toBeNull();
		}
	});

	it('a last line without a line break counts too; CRLF lines are not longer by their CR', async () => {
		expect(await firstLongLine(chunked('ab\r\ncd\r\n' + 'q'.repeat(9), 4), 8)).toBe(3);
		expect(await firstLongLine(chunked('ab\r\ncd\r\n', 2), 3)).toBeNull();
	});

	it('an aborted scan stops at its next chunk and resolves null; one aborted late still answers', async () => {
		const text = `${'x'.repeat(5)}\n`.repeat(50) + 'z'.repeat(40) + '\n';
		const stopped = new AbortController();
		stopped.abort();
		expect(await firstLongLine(chunked(text, 8), 10, stopped.signal)).toBeNull();
		// Not aborted: the same stream finds line 51.
		expect(await firstLongLine(chunked(text, 8), 10, new AbortController().signal)).toBe(51);
	});
});
