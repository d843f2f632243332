import { SAMPLE_BYTES } from '../../db/ingest.ts';

/** The decoded start of a File for the sniffer; .gz files are decompressed as a stream. */
export async function readSampleText(file: File): Promise<string> {
	if (!file.name.toLowerCase().endsWith('.gz')) return file.slice(0, SAMPLE_BYTES).text();
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
	return new TextDecoder('utf-8').decode(all.subarray(0, SAMPLE_BYTES));
}
