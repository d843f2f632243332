/**
 * Lines longer than the engine's max_line_size. DuckDB reports one (a LINE SIZE OVER MAXIMUM reject,
 * or an error) only while it fits in one of its read buffers (measured, DuckDB-WASM 1.4.3: a 31 MB
 * line is reported, a 64 MB one is dropped without a trace under store_rejects). So a file large
 * enough to hold a line longer than a buffer is scanned once for its longest run of bytes without a
 * line break — a line over max_line_size has one, quoted or not — and such a line stops the load
 * with the same message as a reported one, instead of a row silently missing.
 */
import { ClienteleError } from '../core/errors.ts';
import { timeSlicer } from '../core/time-slice.ts';
import type { FileSource } from '../db/client.ts';

/** DuckDB's default max_line_size (bytes). */
export const MAX_LINE_BYTES = 2_000_000;
/** Plain files from this size are scanned (DuckDB reports shorter over-long lines itself: below its 32 MB buffer). */
export const SCAN_FROM_BYTES = 30_000_000;

export async function openBlob(source: FileSource): Promise<Blob> {
	if (source.kind === 'file') return source.file;
	if (source.kind === 'text') return new Blob([source.text]);
	// Paths exist only under Node (CLI, tests); the name is kept out of the browser bundle.
	const fsModule = 'node:fs';
	const fs = (await import(/* @vite-ignore */ fsModule)) as typeof import('node:fs');
	return fs.openAsBlob(source.path);
}

/**
 * The 1-based line number of the first line longer than `max` bytes, or null. `open` gives the bytes
 * (called once, and again only to number a long line found). Per chunk the scan asks for the first and
 * the last line break and, in a chunk longer than `max`, one break per `max` bytes (lastIndexOf from
 * `max` ahead): a handful of calls per chunk, not one per line — counting every line break of a 5M-row
 * file (430 MB) took ≈ 1.2 s of the page's thread and, run beside the engine's read, slowed the read by
 * more. The read of a file the browser already holds resolves without a turn of the event loop, so the
 * loop still pauses between chunks every few tens of ms.
 */
export async function firstLongLine(
	open: () => ReadableStream<Uint8Array>,
	max = MAX_LINE_BYTES,
	/** Aborted: the scan stops at its next chunk and resolves null (its result is no longer wanted). */
	signal?: AbortSignal
): Promise<number | null> {
	let lineStart = 0; // byte offset where the current line starts
	let pos = 0; // bytes before the chunk
	const found = await eachChunk(open(), signal, (value) => {
		const len = value.length;
		const first = value.indexOf(10);
		if (first < 0) {
			pos += len;
			return pos - lineStart > max ? lineStart : null;
		}
		if (pos + first - lineStart > max) return lineStart;
		// A line wholly inside the chunk is longer than max only if no break lies within max + 1 bytes after the one before it.
		let p = first;
		while (len - p - 1 > max) {
			const q = value.lastIndexOf(10, p + 1 + max);
			if (q <= p) return pos + p + 1;
			p = q;
		}
		lineStart = pos + value.lastIndexOf(10) + 1;
		pos += len;
		return null;
	});
	if (found === null) return null;
	// Rare: number the line by counting the breaks before it.
	let line = 1;
	let at = 0;
	await eachChunk(open(), signal, (value) => {
		const end = Math.min(value.length, found - at);
		for (let j = value.indexOf(10); j >= 0 && j < end; j = value.indexOf(10, j + 1)) line++;
		at += value.length;
		return at >= found ? found : null;
	});
	return signal?.aborted ? null : line;
}

/** Feeds the stream's chunks to `step` until it returns a number (resolved) or the stream ends (null); pauses between chunks. */
async function eachChunk(stream: ReadableStream<Uint8Array>, signal: AbortSignal | undefined, step: (value: Uint8Array) => number | null): Promise<number | null> {
	const reader = stream.getReader();
	const pause = timeSlicer();
	try {
		for (;;) {
			await pause();
			if (signal?.aborted) return null;
			const { done, value } = await reader.read();
			if (done) return null;
			const r = step(value);
			if (r !== null) return r;
		}
	} finally {
		await reader.cancel();
	}
}

/** Throws engine.lineTooLong when a plain file large enough to hide one has a line over max_line_size. */
export async function checkLongLines(
	fileName: string,
	registered: string,
	source: FileSource,
	signal?: AbortSignal
): Promise<void> {
	if (/\.gz$/i.test(registered)) return;
	const blob = await openBlob(source);
	if (blob.size < SCAN_FROM_BYTES) return;
	const line = await firstLongLine(() => blob.stream(), MAX_LINE_BYTES, signal);
	if (line !== null) throw new ClienteleError('engine.lineTooLong', { file: fileName, line });
}
