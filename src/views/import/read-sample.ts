import { decodeSample, detectEncoding, needsTranscoding, type EncodingDetection } from '../../core/csv/encoding.ts';
import { transcodeBlob } from '../../core/csv/transcode.ts';
import { SAMPLE_BYTES } from '../../db/ingest.ts';

/** The first bytes of a File (decompressed as a stream for .gz). */
async function sampleBytes(file: File): Promise<Uint8Array> {
	if (!isGz(file)) return new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
	const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		while (size < SAMPLE_BYTES) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			size += value.length;
		}
	} finally {
		await reader.cancel().catch(() => undefined);
	}
	const all = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.length;
	}
	return all.subarray(0, SAMPLE_BYTES);
}

function isGz(file: File): boolean {
	return file.name.toLowerCase().endsWith('.gz');
}

export interface PreparedFile {
	/** What DuckDB reads: the File itself, or its UTF-8 transcoding (streamed, chunk by chunk). */
	file: File;
	sample: string;
	detection: EncodingDetection;
}

/**
 * Detects the encoding from the first bytes; GBK/GB18030, UTF-16 and Windows-1252 files are
 * transcoded to UTF-8 as a stream (DuckDB reads UTF-8 only), never as one big string.
 */
export async function prepareFile(file: File): Promise<PreparedFile> {
	const bytes = await sampleBytes(file);
	const detection = detectEncoding(bytes);
	const sample = decodeSample(bytes, detection.encoding);
	if (!needsTranscoding(detection.encoding)) return { file, sample, detection };
	const blob = await transcodeBlob(file, { encoding: detection.encoding, gzip: isGz(file) });
	return { file: new File([blob], file.name.replace(/\.gz$/i, ''), { type: 'text/csv' }), sample, detection };
}
