import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { decodeSample, detectEncoding, needsRepair, needsTranscoding, type TextEncoding } from '../core/csv/encoding.ts';
import { createTranscoder, transcodeChunks } from '../core/csv/transcode.ts';
import { SAMPLE_BYTES } from '../core/csv/inspect.ts';
import { ClienteleError } from '../core/errors.ts';
import type { InflationStep } from '../core/import/gzip-guard.ts';
import { PAGE_CEILING_BYTES } from '../core/import/memory-ceiling.ts';
import { prepareInput, type OpenFileIo, type PreparedInput } from '../run/open-file.ts';
import { prepareWorkbook } from './xlsx-input.ts';
import { tempDir, trackTemp } from './temp-files.ts';

export interface SampleOptions {
	/** Decode with this encoding instead of detecting it. */
	encoding?: TextEncoding;
	/** The sheet of an Excel workbook to read (default: the first that is not empty). */
	sheet?: string;
}

/** The decoded start of a file (gunzipped for .gz), for the sniffer; the encoding is detected unless given. */
export function readSample(file: string, options: SampleOptions = {}): string {
	const bytes = readSampleBytes(file);
	return decodeSample(bytes, options.encoding ?? detectEncoding(bytes).encoding);
}

/** The raw first bytes of a file (gunzipped for .gz). */
export function readSampleBytes(file: string): Uint8Array {
	let fd: number;
	try {
		fd = fs.openSync(file, 'r');
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
	try {
		const gz = file.toLowerCase().endsWith('.gz');
		const buf = Buffer.alloc(SAMPLE_BYTES);
		const n = fs.readSync(fd, buf, 0, buf.length, 0);
		let bytes = buf.subarray(0, n);
		if (gz) {
			try {
				bytes = zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, SAMPLE_BYTES);
			} catch {
				throw new ClienteleError('file.badGzip', { file });
			}
		}
		return bytes;
	} catch (e) {
		if (e instanceof ClienteleError) throw e;
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	} finally {
		fs.closeSync(fd);
	}
}

/** A whole text file (UTF-8); a file that cannot be read is a cli.noFile error naming it. */
export function readTextFile(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
}

/** A listener that takes the command's output instead of the file (`--emit-sql`, cli/emit-sql.ts). */
export const outputTap: { on: ((out: string | undefined, text: string) => void) | null } = { on: null };

/** Writes the output whole or not at all: to a temporary file beside it, then renamed. */
export function writeOutput(out: string | undefined, text: string): void {
	if (outputTap.on) return outputTap.on(out, text);
	if (!out) {
		process.stdout.write(text);
		return;
	}
	const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
	const remove = trackTemp(tmp);
	try {
		fs.writeFileSync(tmp, text);
		fs.renameSync(tmp, out);
	} catch (e) {
		throw new ClienteleError('cli.cannotWrite', { file: out, detail: e instanceof Error ? e.message : String(e) });
	} finally {
		remove();
	}
}

/** `out` names the existing file `input` (a link or another spelling of its path counts). */
function sameFile(out: string, input: string): boolean {
	try {
		const y = fs.statSync(input);
		if (!y.isFile()) return false;
		if (path.resolve(out) === path.resolve(input)) return true;
		const x = fs.statSync(out);
		return x.dev === y.dev && x.ino === y.ino;
	} catch {
		return false;
	}
}

/**
 * Checks, before any work, that `out` can be written and is none of the inputs: writing over the
 * input would destroy it (cli.outIsInput); a folder that is missing or read-only fails now
 * (cli.cannotWrite), not after a long analysis.
 */
export function checkOutput(option: string, out: string | undefined, inputs: readonly string[]): void {
	if (!out) return;
	if (inputs.some((i) => sameFile(out, i))) throw new ClienteleError('cli.outIsInput', { out, option });
	const dir = path.dirname(path.resolve(out));
	try {
		if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new Error('it is a folder');
		fs.accessSync(dir, fs.constants.W_OK);
		if (fs.existsSync(out)) fs.accessSync(out, fs.constants.W_OK);
	} catch (e) {
		const detail = e instanceof Error && 'code' in e && e.code === 'ENOENT' ? `the folder ${dir} does not exist` : e instanceof Error ? e.message : String(e);
		throw new ClienteleError('cli.cannotWrite', { file: out, detail });
	}
}

/** A path prepared for the engine (see PreparedInput): what DuckDB reads is a file on disk. */
export interface PreparedPath extends PreparedInput {
	/** The file DuckDB should read: the input itself when it is UTF-8, else a temporary UTF-8 copy. */
	path: string;
	/** The encoding the input was decoded with. */
	encoding: TextEncoding;
	/** Removes the temporary copy (no-op when there is none). Safe to call twice. */
	cleanup(): void;
}

/** The open-file pipeline's Node side: inputs are paths; workbooks and other encodings become temporary UTF-8 files. */
export const NODE_FILES: OpenFileIo<string, PreparedPath> = {
	name: (file) => file,
	head: (file) => Promise.resolve(readSampleBytes(file)),
	inflation: (file) => ({ size: fs.statSync(file).size, steps: inflate(file) }),
	prepare: (file, kind, o) => (kind === 'xlsx' ? prepareWorkbook(file, o.sheet) : prepareText(file, o.encoding, o.repair, o.gzipEnd))
};

/**
 * The Node side for the native engine: a .gz may unpack to as much as this machine's memory (native
 * DuckDB spills to disk), not only to the page's ceiling; bombs are still refused by their ratio.
 */
export const NATIVE_FILES: OpenFileIo<string, PreparedPath> = {
	...NODE_FILES,
	inflation: (file) => ({ size: fs.statSync(file).size, steps: inflate(file), limit: Math.max(os.totalmem(), PAGE_CEILING_BYTES) })
};

/**
 * A .gz file inflated with zlib in 1 MiB pieces, only counted. zlib reads every member, and stops
 * without an error at zero padding after the last one: the bytes it consumed then are where the
 * gzip data ends (the last step's `end`), as core/import/gunzip.ts finds it in the page.
 */
async function* inflate(file: string): AsyncGenerator<InflationStep> {
	const read = fs.createReadStream(file, { highWaterMark: 1 << 16 });
	const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
	const out = read.pipe(gunzip);
	let inflated = 0;
	try {
		for await (const chunk of out as AsyncIterable<Buffer>) {
			inflated += chunk.length;
			// bytesWritten: the compressed bytes zlib has consumed (the file stream reads ahead of it)
			yield { read: gunzip.bytesWritten, inflated };
		}
		yield { read: gunzip.bytesWritten, inflated, end: gunzip.bytesWritten };
	} finally {
		read.destroy();
		gunzip.destroy();
	}
}

/**
 * Prepares a CLI input as the pipeline's first step does (run/open-file.ts): refuses what cannot be
 * read, converts a workbook's sheet, transcodes another encoding. Call cleanup() when done.
 */
export function preparePath(file: string, options: SampleOptions = {}): Promise<PreparedPath> {
	return prepareInput(file, options, NODE_FILES);
}

/**
 * Detects the encoding of a text input and, for anything but UTF-8, transcodes the file (gunzipped
 * first when .gz) to a temporary UTF-8 file, streaming in chunks; UTF-8 with bad bytes in its sample
 * is copied the same way, the bad bytes as U+FFFD (the lines are reported). A .gz with zero padding
 * after its gzip data (`gzipEnd`) is read up to there: a UTF-8 one as a temporary copy without the
 * padding, which DuckDB's gzip reader refuses.
 */
async function prepareText(file: string, chosen: TextEncoding | undefined, repair = false, gzipEnd?: number): Promise<PreparedPath> {
	const bytes = readSampleBytes(file);
	const detection = detectEncoding(bytes);
	const encoding = chosen ?? detection.encoding;
	const sample = decodeSample(bytes, encoding);
	const source = (p: string) => ({ kind: 'path' as const, path: p });
	// The compressed bytes DuckDB or the transcoder reads (createReadStream's `end` is inclusive).
	const upTo = gzipEnd === undefined ? {} : { end: gzipEnd - 1 };
	if (!needsTranscoding(encoding) && !repair && !needsRepair(encoding, bytes)) {
		if (gzipEnd === undefined) return { path: file, source: source(file), fileName: file, sample, detection, encoding, cleanup: () => undefined };
		const { dir, remove: cleanup } = tempDir();
		const out = path.join(dir, path.basename(file));
		try {
			await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20, ...upTo }), fs.createWriteStream(out));
		} catch (e) {
			cleanup();
			throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
		}
		return { path: out, source: source(out), fileName: file, sample, detection, encoding, cleanup };
	}
	const gz = file.toLowerCase().endsWith('.gz');
	const base = path.basename(file).replace(/\.gz$/i, '');
	const { dir, remove: cleanup } = tempDir();
	const out = path.join(dir, base.toLowerCase().endsWith('.csv') ? base : `${base}.csv`);
	const t = createTranscoder(encoding);
	try {
		const transcode = (src: AsyncIterable<Uint8Array>) => transcodeChunks(src, t);
		const read = fs.createReadStream(file, { highWaterMark: 1 << 20, ...upTo });
		if (gz) await pipeline(read, zlib.createGunzip(), transcode, fs.createWriteStream(out));
		else await pipeline(read, transcode, fs.createWriteStream(out));
	} catch (e) {
		cleanup();
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
	const fileName = gz ? file.replace(/\.gz$/i, '') : file;
	const repaired = t.repair?.lines ? { repaired: t.repair } : {};
	return { path: out, source: source(out), fileName, sample, detection, encoding, cleanup, ...repaired };
}

/** The options that name files the CLI writes. */
export const OUTPUT_OPTIONS = ['out', 'params'] as const;

/** checkOutput for every output option given, against every other option's value (inputs are among them). */
export function checkOutputs(values: Record<string, string | boolean | undefined>): void {
	const given = (k: string) => (typeof values[k] === 'string' && values[k] !== '' ? (values[k] as string) : undefined);
	const others = Object.keys(values).filter((k) => !(OUTPUT_OPTIONS as readonly string[]).includes(k)).map(given).filter((x): x is string => x !== undefined);
	const outs = OUTPUT_OPTIONS.map((o) => [o, given(o)] as const).filter((x): x is readonly [(typeof OUTPUT_OPTIONS)[number], string] => x[1] !== undefined);
	for (const [option, out] of outs) checkOutput(option, out, [...others, ...outs.filter((x) => x[0] !== option).map((x) => x[1])]);
}
