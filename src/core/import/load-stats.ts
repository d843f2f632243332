/** Pure checks on a chosen file before it is read (tested in Node). */
import { ClienteleError } from '../errors.ts';

// What a file is and the refusals live in core (the CLI refuses the same files the same way).
export { fileKind, refusalFor, type FileKind } from '../xlsx/file-kind.ts';

export type LoadStep = 'engine' | 'reading' | 'checking';

/** DuckDB-WASM reports an exhausted heap as "Out of Memory" (or the wasm runtime as a RangeError). */
export function isOutOfMemory(e: unknown): boolean {
	const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
	return /out of memory|memory access out of bounds|Array buffer allocation failed|could not allocate/i.test(
		m
	);
}

/** The translated out-of-memory message: how far the load got and what to try. */
export function outOfMemoryError(o: {
	step: LoadStep;
	file: string;
	size: string;
	seconds: number;
}): ClienteleError {
	return new ClienteleError(`load.oom.${o.step}`, {
		file: o.file,
		size: o.size,
		seconds: o.seconds.toFixed(1)
	});
}

/** Rows per second of a finished load (0 when nothing was measured). */
export function rowsPerSecond(rows: number, ms: number): number {
	return ms > 0 ? Math.round((rows * 1000) / ms) : 0;
}

/**
 * Lines per byte of a decoded sample (its UTF-8 size): with the share of the file read, an estimate
 * of the rows read so far. 0 for .gz (DuckDB's share is of the compressed bytes) or an empty sample.
 */
export function rowsPerByte(sample: string, fileName: string): number {
	if (/\.gz$/i.test(fileName) || sample === '') return 0;
	const bytes = new TextEncoder().encode(sample).length;
	let lines = 0;
	for (let i = sample.indexOf('\n'); i !== -1; i = sample.indexOf('\n', i + 1)) lines++;
	return bytes > 0 ? lines / bytes : 0;
}
