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
 * The 1-based line number of the first line longer than `max` bytes, or null. Reads the stream
 * once, counting line breaks (indexOf per chunk: hundreds of MB per second). The read of a file
 * the browser already holds resolves without a turn of the event loop, so the loop pauses between
 * chunks every few tens of ms: scanning a 1M-row file (83 MB) in one go was one main-thread task
 * of 0.3–0.7 s.
 */
export async function firstLongLine(
	stream: ReadableStream<Uint8Array>,
	max = MAX_LINE_BYTES,
	/** Aborted: the scan stops at its next chunk and resolves null (its result is no longer wanted). */
	signal?: AbortSignal
): Promise<number | null> {
	const reader = stream.getReader();
	let run = 0; // bytes since the last line break
	let line = 1;
	const pause = timeSlicer();
	try {
		for (;;) {
			await pause();
			if (signal?.aborted) return null;
			const { done, value } = await reader.read();
			if (done) return null;
			let from = 0;
			for (let j = value.indexOf(10); j >= 0; j = value.indexOf(10, from)) {
				if (run + j - from > max) return line;
				run = 0;
				line++;
				from = j + 1;
			}
			run += value.length - from;
			if (run > max) return line;
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
	const line = await firstLongLine(blob.stream(), MAX_LINE_BYTES, signal);
	if (line !== null) throw new ClienteleError('engine.lineTooLong', { file: fileName, line });
}
