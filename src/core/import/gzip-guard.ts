/**
 * Decompression bombs and damaged .gz files, refused before the engine reads them (pure: the adapters
 * inflate — zlib in Node, DecompressionStream in the page — and report running totals here).
 *
 * The limit is the page's memory ceiling (memory-ceiling.ts: a 1.6 GB CSV loads in Chromium, a 2.45 GB
 * one fails with "Out of Memory"): a .gz that inflates past it is refused. A bomb is refused sooner: once 64 MiB are inflated, the ratio so
 * far projects the whole size, and a projection past four times the limit is refused at once (a CSV's
 * ratio does not change fourfold between its start and its end).
 */
import { ClienteleError } from '../errors.ts';
import { gigabytes, PAGE_CEILING_BYTES } from './memory-ceiling.ts';

export const MAX_INFLATED_BYTES = PAGE_CEILING_BYTES;
const PROJECT_AFTER = 64 * 1024 * 1024;

/** Running totals of one inflation: compressed bytes consumed so far, inflated bytes produced so far. */
export interface InflationStep {
	read: number;
	inflated: number;
	/**
	 * On the last step: where the gzip data ends (after its last member; the adapters measure it, the
	 * page with core/import/gunzip.ts, Node with zlib's count of the bytes it consumed).
	 */
	end?: number;
}

/** What a whole inflation found: the inflated size, and where the gzip data ends when bytes follow it. */
export interface Inflated {
	inflated: number;
	/**
	 * Present when the file goes on after its last member (zero padding, as some tools write): the
	 * engine must read only the bytes before it (DuckDB's gzip reader refuses the padding).
	 */
	end?: number;
}

export function bombError(file: string, inflated: number, limit = MAX_INFLATED_BYTES): ClienteleError {
	return new ClienteleError('file.bomb', { file, size: gigabytes(inflated), limit: gigabytes(limit) });
}

/**
 * Consumes the totals of an inflation (`limit`: what the engine holds; the page's by default, the
 * native engine's is larger); throws file.bomb as soon as the file is known (or projected) to
 * inflate past the limit — the caller's iterator is then closed, which stops the inflation.
 * Returns the inflated size.
 */
export async function watchInflation(file: string, compressedSize: number, steps: AsyncIterable<InflationStep>, limit = MAX_INFLATED_BYTES): Promise<number> {
	return (await inflationOf(file, compressedSize, steps, limit)).inflated;
}

/** watchInflation, and where the gzip data ends when the file has bytes after it (Inflated.end). */
export async function inflationOf(file: string, compressedSize: number, steps: AsyncIterable<InflationStep>, limit = MAX_INFLATED_BYTES): Promise<Inflated> {
	let last = 0;
	let end: number | undefined;
	for await (const s of steps) {
		last = s.inflated;
		if (s.end !== undefined) end = s.end;
		if (s.inflated > limit) throw bombError(file, s.inflated, limit);
		if (s.inflated >= PROJECT_AFTER && s.read > 0) {
			const projected = (s.inflated / s.read) * compressedSize;
			if (projected > 4 * limit) throw bombError(file, projected, limit);
		}
	}
	return end !== undefined && end < compressedSize ? { inflated: last, end } : { inflated: last };
}

/** A failed inflation (not ours): the .gz is damaged or ends early. */
export function gzipError(file: string, e: unknown): ClienteleError {
	if (e instanceof ClienteleError) return e;
	return new ClienteleError('file.badGzip', { file });
}
