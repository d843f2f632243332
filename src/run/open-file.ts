/**
 * Opening a file — ONE pipeline for the import view, the datasets panel and the command line:
 *
 *   prepare  what the file is (.xls, Parquet … are refused); an Excel workbook's sheet as CSV; the
 *            encoding detected and, unless UTF-8, the file transcoded (io.prepare: a File in the
 *            page, a path in Node)
 *   inspect  the decoded sample sniffed (dialect, columns, types) and scanned for ragged rows
 *            (io.inspect: the page's worker; in place by default)
 *   load     registered with the engine and read whole: into its text table, or typed-first when it
 *            looks like transactions with every role recognised (load-file.ts)
 *
 * The options are plain data; what only the page or only Node can do comes in through `io`, so the
 * whole pipeline runs in Node tests. The page prepares before it waits for the engine (prepareInput,
 * then loadInput); everything else calls openFile.
 */
import type { EncodingDetection, TextEncoding } from '../core/csv/encoding.ts';
import type { Utf8RepairReport } from '../core/csv/utf8-repair.ts';
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import type { RaggedChoice, RaggedPolicy, RaggedReport } from '../core/csv/ragged.ts';
import { ClienteleError } from '../core/errors.ts';
import { isInvalidUtf8Error } from '../core/csv/utf8-repair.ts';
import { mappingFor } from '../core/import/mapping.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import { fileKind, refusalFor } from '../core/xlsx/file-kind.ts';
import { notTextRefusal } from '../core/import/file-signature.ts';
import { gzipError, inflationOf, type Inflated, type InflationStep } from '../core/import/gzip-guard.ts';
import type { DbClient, FileSource } from '../db/client.ts';
import { loadFile, loadTyped, type LoadOptions } from './load-file.ts';
import type { LoadedFile } from './loaded-file.ts';
import { canLoadTyped, type MappingResult } from './stage.ts';

export interface OpenFileOptions {
	/** The text table to load into (default: the transactions' raw table). */
	table?: string;
	/** Decode with this encoding instead of the detected one. */
	encoding?: TextEncoding;
	/** The sheet of an Excel workbook (default: the first one with data); refused for other files. */
	sheet?: string;
	/**
	 * Rows whose field count differs from the header's: left out (default), stop, or 'ask':
	 * io.askRagged decides (the page asks the user; the CLI answers its --ragged with its own message).
	 */
	ragged?: RaggedChoice | 'ask';
	/**
	 * Present: a file that looks like transactions with every role recognised is parsed typed-first
	 * (the first analysis comes sooner; the text table is read when a view needs it), its instants
	 * shown in `timeZone`. Any other file is loaded as text.
	 */
	typedFirst?: { timeZone?: string };
	/**
	 * A file with more columns than WIDE_COLUMNS: only these go into its text table (the CLI passes
	 * the columns its flags name). Any other file is loaded whole.
	 */
	wideOnly?: readonly string[];
}

/** Columns from which a file counts as wide (OpenFileOptions.wideOnly). */
export const WIDE_COLUMNS = 1000;

/** What an input is once it can be read: a CSV file in UTF-8 (maybe .gz) and its decoded start. */
export interface PreparedInput {
	/** The name DuckDB registers the file under (its ending decides decompression) and messages use. */
	fileName: string;
	/** What DuckDB reads: the input itself, or its converted / transcoded copy. */
	source: FileSource;
	/** The decoded start of the file, for the sniffer. */
	sample: string;
	detection: EncodingDetection;
	/** UTF-8 with bad bytes: the lines where they became U+FFFD (absent: none). */
	repaired?: Utf8RepairReport;
	/** The sheet read, when the input is an Excel workbook. */
	sheet?: string;
	/** Bytes DuckDB reads (absent: unknown). */
	size?: number;
	/** A .gz input's size once decompressed (measured while it was checked for bombs; absent: not .gz). */
	inflatedSize?: number;
	/** Removes a temporary copy (absent: none). Safe to call twice. */
	cleanup?: () => void;
}

export interface PrepareOptions {
	encoding?: TextEncoding;
	sheet?: string;
	repair?: boolean;
	/**
	 * A .gz whose gzip data ends before the file does (zero padding after its last member, found by
	 * the inflation check): the engine must read only the bytes before this offset.
	 */
	gzipEnd?: number;
}

/** The steps only a page or only Node can do, for inputs of type F (a File, a path). */
export interface OpenFileIo<F, P extends PreparedInput = PreparedInput> {
	/** The input's name (its ending and first bytes say what it is; messages name it). */
	name(input: F): string;
	/** The input's first bytes, decompressed for .gz (signatures: Excel, Parquet, images, PDF, binary data …). */
	head(input: F): Promise<Uint8Array>;
	/**
	 * A .gz input inflated as a stream, only counted (decompression bombs, damaged files): its
	 * compressed size and the running totals. Stops when the consumer stops iterating.
	 */
	inflation?(input: F): { size: number; steps: AsyncIterable<InflationStep>; limit?: number };
	/** Makes a readable input readable by DuckDB: a workbook's sheet as CSV, another encoding as UTF-8. */
	prepare(input: F, kind: 'text' | 'xlsx', o: PrepareOptions): Promise<P>;
	/** Inspects the sample (default: inspectSample, in place). */
	inspect?(sample: string, fileName: string): Promise<SampleInspection>;
	/** Decides about ragged rows under `ragged: 'ask'`. */
	askRagged?(report: RaggedReport): Promise<RaggedChoice>;
	/** The share of the file the engine has read (0–1) while it loads. */
	onProgress?(fraction: number): void;
}

export interface OpenedFile {
	file: LoadedFile;
	/** How the file was decoded. */
	detection: EncodingDetection;
	/** UTF-8 with bad bytes: the lines where they became U+FFFD (absent: none). */
	repaired?: Utf8RepairReport;
	/** The sheet read, when the input was an Excel workbook. */
	sheet?: string;
	/** Loaded typed-first: the guessed mapping and its checks (the typed table exists when they found no errors). */
	typed?: { mapping: TxMapping; result: MappingResult };
}

/** prepare: refuses what cannot be read, then lets the adapter convert and transcode. */
export async function prepareInput<F, P extends PreparedInput>(
	input: F,
	o: Pick<OpenFileOptions, 'encoding' | 'sheet'> & { repair?: boolean },
	io: OpenFileIo<F, P>
): Promise<P> {
	const name = io.name(input);
	const head = await io.head(input);
	const kind = fileKind(name, head);
	const refusal = refusalFor(kind, name) ?? (kind === 'text' ? notTextRefusal(name, head) : null);
	if (refusal) throw refusal;
	let gz: Inflated | undefined;
	if (kind === 'text' && /\.gz$/i.test(name) && io.inflation) {
		const { size, steps, limit } = io.inflation(input);
		gz = await inflationOf(name, size, steps, limit).catch((e: unknown) => {
			throw gzipError(name, e);
		});
	}
	if (kind !== 'xlsx' && o.sheet !== undefined) throw new ClienteleError('xlsx.notWorkbook', { file: name });
	const prepared = await io.prepare(input, kind === 'xlsx' ? 'xlsx' : 'text', {
		encoding: o.encoding,
		sheet: o.sheet,
		...(o.repair ? { repair: true } : {}),
		...(gz?.end !== undefined ? { gzipEnd: gz.end } : {})
	});
	return gz === undefined ? prepared : { ...prepared, inflatedSize: gz.inflated };
}

/**
 * inspect → load. Resolves null when the load was cancelled (the previous tables are untouched).
 * The prepared input's temporary copy is removed once read (typed-first: once its text table is).
 */
export async function loadInput<F>(
	db: DbClient,
	prepared: PreparedInput,
	o: OpenFileOptions,
	io: OpenFileIo<F>
): Promise<OpenedFile | null> {
	let handedOver = false;
	try {
		const inspected = await (io.inspect?.(prepared.sample, prepared.fileName) ??
			inspectSample(prepared.sample, prepared.fileName));
		const load: LoadOptions = {
			fileName: prepared.fileName,
			source: prepared.source,
			sample: prepared.sample,
			inspected,
			onProgress: io.onProgress,
			ragged: raggedPolicy(o, io)
		};
		const opened = {
			detection: prepared.detection,
			...(prepared.repaired ? { repaired: prepared.repaired } : {}),
			...(prepared.sheet === undefined ? {} : { sheet: prepared.sheet })
		};
		const mapping = o.typedFirst ? typedMapping(inspected, o.typedFirst.timeZone) : null;
		if (mapping) {
			const typed = await loadTyped(db, { ...load, mapping, release: prepared.cleanup });
			if (!typed) return null;
			handedOver = true;
			return { ...opened, file: typed.file, typed: { mapping, result: typed.result } };
		}
		const wide = o.wideOnly && inspected.sniff.columns.length > WIDE_COLUMNS;
		const file = await loadFile(db, { ...load, table: o.table, ...(wide ? { only: o.wideOnly } : {}) });
		return file && { ...opened, file };
	} finally {
		if (!handedOver) prepared.cleanup?.();
	}
}

/**
 * loadInput, and once more with the input repaired when the engine met bytes that are not UTF-8
 * past the sample the encoding was detected from: they become U+FFFD and the lines are reported.
 */
export async function loadOrRepair<F>(db: DbClient, input: F, prepared: PreparedInput, o: OpenFileOptions, io: OpenFileIo<F>): Promise<OpenedFile | null> {
	try {
		return await loadInput(db, prepared, o, io);
	} catch (e) {
		if (prepared.repaired || !isInvalidUtf8Error(e)) throw e;
		return loadInput(db, await prepareInput(input, { ...o, repair: true }, io), o, io);
	}
}

/** The whole pipeline: prepare → inspect → load. */
export async function openFile<F>(db: DbClient, input: F, o: OpenFileOptions, io: OpenFileIo<F>): Promise<OpenedFile | null> {
	return loadOrRepair(db, input, await prepareInput(input, o, io), o, io);
}

/** The guessed mapping when the file looks like transactions with every role recognised; else null. */
function typedMapping({ sniff, guess }: SampleInspection, timeZone: string | undefined): TxMapping | null {
	if (guess.fileRole !== 'transactions' || !canLoadTyped(guess.roles)) return null;
	return mappingFor(sniff, guess.roles, undefined, timeZone);
}

function raggedPolicy<F>(o: OpenFileOptions, io: OpenFileIo<F>): RaggedPolicy {
	if (o.ragged !== 'ask') return o.ragged ?? 'skip';
	if (!io.askRagged) throw new Error("ragged: 'ask' needs io.askRagged");
	return (report) => io.askRagged!(report);
}
