/**
 * Streaming transcoding to UTF-8, chunk by chunk: a TextDecoder in stream mode carries a character
 * cut between two chunks over to the next one, so the file is never held as one string. The same
 * code runs in the page (File → Blob, see transcodeBlob) and in Node (see src/cli/io.ts).
 */
import { gunzipStream } from '../import/gunzip.ts';
import type { TextEncoding } from './encoding.ts';
import { createUtf8Repairer, type Utf8RepairReport } from './utf8-repair.ts';

export interface Transcoder {
	/** Decodes one chunk; returns its UTF-8 bytes (possibly empty when a character is cut). */
	push(chunk: Uint8Array): Uint8Array;
	/** Flushes what is left (an incomplete last character becomes U+FFFD). */
	end(): Uint8Array;
	/** Bytes read so far. */
	readonly bytesIn: number;
	/** UTF-8 bytes written so far. */
	readonly bytesOut: number;
	/** Characters that could not be decoded and became U+FFFD. */
	readonly replaced: number;
	/** UTF-8 in, repaired (utf8-repair.ts): the lines whose bad bytes became U+FFFD. */
	readonly repair?: Utf8RepairReport;
}

/**
 * A byte-order mark is dropped (TextDecoder's default); the output never starts with one. UTF-8
 * in (a file with a few bad bytes) is repaired, not decoded: valid bytes pass through.
 */
export function createTranscoder(encoding: TextEncoding): Transcoder {
	if (encoding === 'utf-8') return utf8Transcoder();
	const decoder = new TextDecoder(encoding);
	const encoder = new TextEncoder();
	let bytesIn = 0;
	let bytesOut = 0;
	let replaced = 0;
	const emit = (text: string): Uint8Array => {
		for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) replaced++;
		const out = encoder.encode(text);
		bytesOut += out.length;
		return out;
	};
	return {
		push(chunk) {
			bytesIn += chunk.length;
			return emit(decoder.decode(chunk, { stream: true }));
		},
		end() {
			return emit(decoder.decode());
		},
		get bytesIn() {
			return bytesIn;
		},
		get bytesOut() {
			return bytesOut;
		},
		get replaced() {
			return replaced;
		}
	};
}

function utf8Transcoder(): Transcoder {
	const r = createUtf8Repairer();
	let bytesIn = 0;
	let bytesOut = 0;
	const out = (u: Uint8Array) => ((bytesOut += u.length), u);
	return {
		push: (chunk) => ((bytesIn += chunk.length), out(r.push(chunk))),
		end: () => out(r.end()),
		get bytesIn() {
			return bytesIn;
		},
		get bytesOut() {
			return bytesOut;
		},
		get replaced() {
			return r.report.replaced;
		},
		repair: r.report
	};
}

const transcoderOf = (e: TextEncoding | Transcoder): Transcoder => (typeof e === 'string' ? createTranscoder(e) : e);

/** Transcodes an iterable of byte chunks (a Node read stream, a web stream reader loop …). */
export async function* transcodeChunks(
	source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	encoding: TextEncoding | Transcoder
): AsyncGenerator<Uint8Array> {
	const t = transcoderOf(encoding);
	for await (const chunk of source) {
		const out = t.push(chunk);
		if (out.length) yield out;
	}
	const last = t.end();
	if (last.length) yield last;
}

/** A web TransformStream (browser and Node ≥ 18): `file.stream().pipeThrough(transcodeStream('gb18030'))`. */
export function transcodeStream(encoding: TextEncoding | Transcoder): TransformStream<Uint8Array, Uint8Array> {
	const t = transcoderOf(encoding);
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			const out = t.push(chunk);
			if (out.length) controller.enqueue(out);
		},
		flush(controller) {
			const out = t.end();
			if (out.length) controller.enqueue(out);
		}
	});
}

export interface TranscodeProgress {
	/** Bytes of the input read (compressed bytes for .gz), to compare with blob.size. */
	bytesIn: number;
	bytesOut: number;
}

export interface TranscodeBlobOptions {
	/** The encoding, or a transcoder made for it (to read its counts afterwards). */
	encoding: TextEncoding | Transcoder;
	/** The blob is gzip-compressed (.csv.gz): decompress first. The result is plain UTF-8. */
	gzip?: boolean;
	onProgress?: (p: TranscodeProgress) => void;
	signal?: AbortSignal;
	/** Parts are folded into one Blob every this many bytes, so the JS heap holds little (default 32 MB). */
	foldBytes?: number;
}

/**
 * Transcodes a Blob (a browser File) to a UTF-8 Blob as a stream. The result can be wrapped as
 * `new File([blob], name)` and registered as a file handle; the browser keeps large blobs in its
 * blob store, not in the page's heap. Rejects with the signal's reason when aborted.
 */
export async function transcodeBlob(blob: Blob, o: TranscodeBlobOptions): Promise<Blob> {
	const fold = o.foldBytes ?? 32 * 1024 * 1024;
	let bytesIn = 0;
	let bytesOut = 0;
	// A .gz: every member inflated (core/import/gunzip.ts); bytesIn counts the compressed bytes taken.
	const input: ReadableStream<Uint8Array> = o.gzip
		? gunzipStream(blob, { onRead: (n) => (bytesIn = n) })
		: blob.stream().pipeThrough(
				new TransformStream<Uint8Array, Uint8Array>({
					transform(chunk, controller) {
						bytesIn += chunk.length;
						controller.enqueue(chunk);
					}
				})
			);
	const reader = input.pipeThrough(transcodeStream(o.encoding)).getReader();
	let acc = new Blob([], { type: 'text/csv' });
	let parts: Uint8Array[] = [];
	let pending = 0;
	try {
		for (;;) {
			o.signal?.throwIfAborted();
			const { done, value } = await reader.read();
			if (done) break;
			parts.push(value);
			pending += value.length;
			bytesOut += value.length;
			if (pending >= fold) {
				acc = new Blob([acc, ...parts.map(asBlobPart)], { type: 'text/csv' });
				parts = [];
				pending = 0;
			}
			o.onProgress?.({ bytesIn, bytesOut });
		}
	} catch (e) {
		await reader.cancel().catch(() => undefined);
		throw e;
	}
	return new Blob([acc, ...parts.map(asBlobPart)], { type: 'text/csv' });
}

/** TypeScript 6 types Uint8Array as generic over its buffer; a Blob part wants an ArrayBuffer-backed view. */
function asBlobPart(u: Uint8Array): BlobPart {
	return u as Uint8Array<ArrayBuffer>;
}
