/**
 * The open-file pipeline's page side (run/open-file.ts): inputs are File objects; a workbook is
 * converted in our xlsx worker, another encoding transcoded as a stream, the sample inspected in
 * our inspection worker. The import view and the datasets panel open files through it.
 */
import { fileHead, inflation, utf8File } from '../core/import/read-sample.ts';
import type { RaggedChoice, RaggedReport } from '../core/csv/ragged.ts';
import { sheetInputName } from '../core/xlsx/xlsx-csv.ts';
import type { OpenFileIo } from '../run/open-file.ts';
import { inspectOffThread } from '../workers/inspect-client.ts';
import { startXlsxRead } from '../workers/xlsx-client.ts';

export interface FileInputHooks {
	/**
	 * The CSV File to read for a file of this kind: a workbook's sheet, any other file as it is
	 * (default: a workbook's first sheet with data). The import view's XlsxSource remembers the sheets.
	 */
	toCsv?(file: File, kind: 'text' | 'xlsx', signal?: AbortSignal): Promise<File>;
	/** Stops a conversion or a transcoding under way. */
	signal?: AbortSignal;
	/** Bytes transcoded so far (only files in another encoding than UTF-8 report it). */
	onBytes?(bytesIn: number): void;
	askRagged?(report: RaggedReport): Promise<RaggedChoice>;
	/** The share of the file the engine has read (0–1). */
	onProgress?(fraction: number): void;
}

/** The page's adapter for the pipeline: File objects in, workers for the CPU-heavy steps. */
export function fileInput(h: FileInputHooks = {}): OpenFileIo<File> {
	const toCsv = h.toCsv ?? firstSheet;
	return {
		name: (file) => file.name,
		head: (file) => fileHead(file),
		inflation,
		async prepare(file, kind, o) {
			const csv = await toCsv(file, kind, h.signal);
			const u = await utf8File(csv, { encoding: o.encoding, repair: o.repair, signal: h.signal, onProgress: (p) => h.onBytes?.(p.bytesIn) });
			return { fileName: u.file.name, source: { kind: 'file', file: u.file }, sample: u.sample, detection: u.detection, size: u.file.size, ...(u.repaired ? { repaired: u.repaired } : {}) };
		},
		inspect: inspectOffThread,
		...(h.askRagged ? { askRagged: h.askRagged } : {}),
		...(h.onProgress ? { onProgress: h.onProgress } : {})
	};
}

/** A workbook → the CSV File of its first sheet with data; any other file as it is. */
async function firstSheet(file: File, kind: 'text' | 'xlsx', signal?: AbortSignal): Promise<File> {
	if (kind !== 'xlsx') return file;
	const job = startXlsxRead({ workbook: file, file: file.name });
	const stop = () => job.cancel();
	signal?.addEventListener('abort', stop);
	try {
		const r = await job.result;
		return new File([r.csv], sheetInputName(file.name, r.sheet), { type: 'text/csv' });
	} finally {
		signal?.removeEventListener('abort', stop);
	}
}
