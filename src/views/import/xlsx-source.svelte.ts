/**
 * The Excel side of the import: a workbook is converted (in our xlsx worker) to a CSV File of the
 * chosen sheet, which then goes through the CSV pipeline unchanged. Remembers the workbook and its
 * sheets so the page can offer a sheet picker and read another sheet of the same file.
 */
import type { FileKind } from './file-kind.ts';
import type { SheetInfo } from '../../core/xlsx/xlsx-csv.ts';
import { startXlsxRead } from '../../workers/xlsx-client.ts';

export class XlsxSource {
	/** The workbook last read (null after a CSV file). */
	book = $state.raw<File | null>(null);
	/** Its sheets with their row counts. */
	sheets = $state.raw<SheetInfo[]>([]);
	/** The sheet last converted. */
	sheet = $state('');
	converting = $state(false);
	private wanted: string | undefined;

	/** The name the converted sheet goes by in the pipeline and its messages: "book.xlsx [Sheet]". */
	static csvName(book: string, sheet: string): string {
		return `${book} [${sheet}]`;
	}

	/**
	 * A workbook → the CSV File of its chosen sheet (the first non-empty one unless choose() was
	 * called for this same File); any other file is returned as it is.
	 */
	async toCsv(file: File, kind: FileKind, signal?: AbortSignal): Promise<File> {
		if (kind !== 'xlsx') {
			this.reset();
			return file;
		}
		if (file !== this.book) {
			this.reset();
			this.book = file;
		}
		this.converting = true;
		const job = startXlsxRead({ workbook: file, file: file.name, sheet: this.wanted });
		const stop = () => job.cancel();
		signal?.addEventListener('abort', stop);
		try {
			const r = await job.result;
			if (r.sheets) this.sheets = r.sheets;
			this.sheet = r.sheet;
			return new File([r.csv], XlsxSource.csvName(file.name, r.sheet), { type: 'text/csv' });
		} finally {
			signal?.removeEventListener('abort', stop);
			this.converting = false;
		}
	}

	/** Picks a sheet of the current workbook; returns the workbook to open again (null: none). */
	choose(sheet: string): File | null {
		if (!this.book) return null;
		this.wanted = sheet;
		return this.book;
	}

	/** More than one sheet to choose from. */
	get pickable(): boolean {
		return this.book !== null && this.sheets.length > 1;
	}

	reset(): void {
		this.book = null;
		this.sheets = [];
		this.sheet = '';
		this.wanted = undefined;
	}
}
