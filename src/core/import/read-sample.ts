/**
 * The start of a File, decoded for the sniffer, and the File DuckDB reads: the same bytes when
 * they are UTF-8, else a UTF-8 transcoding streamed chunk by chunk (Web File/Blob APIs, which Node
 * has too). The page's open-file adapter (state/file-input.ts) prepares files with it.
 */
import { decodeSample, detectEncoding, needsRepair, needsTranscoding, type EncodingDetection, type TextEncoding } from '../csv/encoding.ts';
import { createTranscoder, transcodeBlob, type TranscodeProgress } from '../csv/transcode.ts';
import type { Utf8RepairReport } from '../csv/utf8-repair.ts';
import { SAMPLE_BYTES } from '../csv/inspect.ts';
import { ClienteleError } from '../errors.ts';
import { SIGNATURE_BYTES } from './file-signature.ts';
import { gunzipBlob, type GzipDecoder } from './gunzip.ts';
import type { InflationStep } from './gzip-guard.ts';

/** The first bytes of a File (decompressed as a stream for .gz, every member of it). */
async function sampleBytes(file: File, max = SAMPLE_BYTES): Promise<Uint8Array> {
	if (!isGz(file)) return new Uint8Array(await file.slice(0, max).arrayBuffer());
	const chunks: Uint8Array[] = [];
	let size = 0;
	// Leaving the loop closes the inflation (the generator's finally).
	for await (const { chunk } of gunzipBlob(file)) {
		chunks.push(chunk);
		size += chunk.length;
		if (size >= max) break;
	}
	const all = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.length;
	}
	return all.subarray(0, max);
}

/**
 * The first bytes of a file for the signature checks (decompressed for .gz, like the CLI's); a .gz
 * that cannot be inflated is refused here, in one sentence.
 */
export async function fileHead(file: File): Promise<Uint8Array> {
	try {
		return await sampleBytes(file, SIGNATURE_BYTES);
	} catch {
		throw new ClienteleError('file.badGzip', { file: file.name });
	}
}

/** A .gz File inflated as a stream (core/import/gunzip.ts), only counted: for the bomb check. */
export function inflation(file: File, decoder?: GzipDecoder): { size: number; steps: AsyncIterable<InflationStep> } {
	return { size: file.size, steps: countInflated(file, decoder) };
}

/**
 * Inflates `file` (every gzip member) and reports the running totals: `read` is the compressed bytes
 * the decompressor has taken (fed in 64 KiB slices), not what a stream read ahead (Blob streams hand
 * over megabytes at once, and a bomb's first 64 MiB then looked like a ratio of 3:1 instead of 1000:1).
 */
async function* countInflated(file: File, decoder?: GzipDecoder): AsyncGenerator<InflationStep> {
	let inflated = 0;
	const it = gunzipBlob(file, decoder ? { decoder } : {});
	try {
		for (let r = await it.next(); ; r = await it.next()) {
			if (r.done) {
				if (r.value < file.size) gzipEnds.set(file, r.value);
				yield { read: r.value, inflated, end: r.value };
				return;
			}
			inflated += r.value.chunk.length;
			yield { read: r.value.read, inflated };
		}
	} finally {
		await it.return(0);
	}
}

/** A .gz followed by zero padding: where its gzip data ends (learnt by the bomb check), for the engine. */
const gzipEnds = new WeakMap<File, number>();

/** The file DuckDB reads for a UTF-8 file: a padded .gz without its padding (DuckDB refuses it). */
function engineFile(file: File): File {
	const end = gzipEnds.get(file);
	return end === undefined ? file : new File([file.slice(0, end)], file.name, { type: file.type });
}

function isGz(file: File): boolean {
	return file.name.toLowerCase().endsWith('.gz');
}

export interface Utf8File {
	/** What DuckDB reads: the File itself, or its UTF-8 transcoding (streamed, chunk by chunk). */
	file: File;
	sample: string;
	detection: EncodingDetection;
	/** UTF-8 with bad bytes: the lines where they became U+FFFD (absent: none). */
	repaired?: Utf8RepairReport;
}

export interface Utf8Options {
	/** The user's choice, overriding detection (the detection is still reported). */
	encoding?: TextEncoding;
	onProgress?: (p: TranscodeProgress) => void;
	signal?: AbortSignal;
	/** Copy UTF-8 with its bad bytes as U+FFFD even when the sample is valid (the engine met some later). */
	repair?: boolean;
}

/**
 * Detects the encoding from the first bytes; GBK/GB18030, UTF-16 and Windows-1252 files are
 * transcoded to UTF-8 as a stream (DuckDB reads UTF-8 only), never as one big string; so is UTF-8
 * with bad bytes in its sample (repaired: they become U+FFFD, the lines are counted).
 */
export async function utf8File(file: File, o: Utf8Options = {}): Promise<Utf8File> {
	const bytes = await sampleBytes(file);
	const detected = detectEncoding(bytes);
	const detection = o.encoding ? { ...detected, encoding: o.encoding } : detected;
	const sample = decodeSample(bytes, detection.encoding);
	if (!needsTranscoding(detection.encoding) && !o.repair && !needsRepair(detection.encoding, bytes)) return { file: engineFile(file), sample, detection };
	const t = createTranscoder(detection.encoding);
	const blob = await transcodeBlob(file, { encoding: t, gzip: isGz(file), onProgress: o.onProgress, signal: o.signal });
	const out = new File([blob], file.name.replace(/\.gz$/i, ''), { type: 'text/csv' });
	return { file: out, sample, detection, ...(t.repair?.lines ? { repaired: t.repair } : {}) };
}
