/**
 * A gzip decoder that behaves like Chromium's DecompressionStream('gzip') (measured in Chromium 156):
 * it inflates ONE member and refuses any byte after that member's end ("Junk found after end of
 * compressed data"), even zeros; a member that ends early or has a wrong CRC/ISIZE fails. Its output
 * comes in 16 KiB pieces as the input arrives, and an error discards what was not read yet (a
 * TransformStream's queue is reset when it errors), as in the browser. Node's own DecompressionStream
 * reads every member itself, so it cannot show what the page's code must do.
 *
 * Built on zlib's raw inflate over the bytes received so far (small test inputs only: quadratic).
 */
import zlib from 'node:zlib';

const PIECE = 16 * 1024;

/** The header's length, or null when more bytes are needed (FEXTRA, FNAME, FCOMMENT, FHCRC handled). */
function headerLength(b: Buffer): number | null {
	if (b.length < 10) return null;
	if (b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) throw new TypeError('The compressed data was not valid.');
	const flg = b[3]!;
	let at = 10;
	if (flg & 4) {
		if (b.length < at + 2) return null;
		at += 2 + b.readUInt16LE(at);
	}
	for (const bit of [8, 16]) {
		if (!(flg & bit)) continue;
		const nul = b.indexOf(0, at);
		if (nul < 0) return null;
		at = nul + 1;
	}
	if (flg & 2) at += 2;
	return b.length >= at ? at : null;
}

export function strictGunzip(): ReadableWritablePair<Uint8Array, Uint8Array> {
	let input = Buffer.alloc(0);
	let emitted = 0;
	let ended = false;
	const emit = (out: Buffer, c: TransformStreamDefaultController<Uint8Array>) => {
		for (; emitted < out.length; emitted = Math.min(out.length, emitted + PIECE)) {
			c.enqueue(new Uint8Array(out.subarray(emitted, Math.min(out.length, emitted + PIECE))));
		}
	};
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, c) {
			if (ended) throw new TypeError('Junk found after end of compressed data.');
			input = Buffer.concat([input, chunk]);
			const h = headerLength(input);
			if (h === null) return;
			const raw = input.subarray(h);
			let whole: { buffer: Buffer; engine: { bytesWritten: number } };
			try {
				whole = zlib.inflateRawSync(raw, { info: true }) as unknown as typeof whole;
			} catch (e) {
				if ((e as { code?: string }).code !== 'Z_BUF_ERROR') throw new TypeError('The compressed data was not valid.');
				emit(zlib.inflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }), c);
				return;
			}
			const used = whole.engine.bytesWritten;
			if (raw.length < used + 8) return emit(whole.buffer, c);
			const crc = raw.readUInt32LE(used);
			const isize = raw.readUInt32LE(used + 4);
			if (crc !== zlib.crc32(whole.buffer) || isize !== whole.buffer.length >>> 0) throw new TypeError('The compressed data was not valid.');
			emit(whole.buffer, c);
			ended = true;
			if (raw.length > used + 8) throw new TypeError('Junk found after end of compressed data.');
		},
		flush() {
			if (!ended) throw new TypeError('Compressed input was truncated.');
		}
	});
}
