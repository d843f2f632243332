/**
 * The Excel side of the import: a workbook is converted (in our xlsx worker) to a CSV File of the
 * chosen sheet, which then goes through the CSV pipeline unchanged. Remembers the workbook and its
 * sheets so the page can offer a sheet picker and read another sheet of the same file.
 */
import { sheetInputName, type SheetInfo } from '../../core/xlsx/xlsx-csv.ts';
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

	/**
	 * A workbook → the CSV File of its chosen sheet (the first non-empty one unless choose() was
	 * called for this same File); any other file is returned as it is. What the picker shows changes
	 * only when that file has loaded (commit()): a stopped, cancelled or failed load leaves the
	 * workbook and sheet of the data still loaded.
	 */
	async toCsv(file: File, kind: 'text' | 'xlsx', signal?: AbortSignal): Promise<File> {
		if (kind !== 'xlsx') {
			this.pending = { book: null, sheets: [], sheet: '' };
			return file;
		}
		this.converting = true;
		const job = startXlsxRead({
			workbook: file,
			file: file.name,
			sheet: file === this.book ? this.wanted : undefined
		});
		const stop = () => job.cancel();
		signal?.addEventListener('abort', stop);
		try {
			const r = await job.result;
			this.pending = {
				book: file,
				sheets: r.sheets ?? (file === this.book ? this.sheets : []),
				sheet: r.sheet
			};
			return new File([r.csv], sheetInputName(file.name, r.sheet), { type: 'text/csv' });
		} finally {
			signal?.removeEventListener('abort', stop);
			this.converting = false;
		}
	}

	private pending: { book: File | null; sheets: SheetInfo[]; sheet: string } | null = null;

	/** The file toCsv() gave last has loaded: its workbook and sheet (none for a CSV) are the current ones. */
	commit(): void {
		const p = this.pending;
		if (!p) return;
		this.pending = null;
		this.book = p.book;
		this.sheets = p.sheets;
		this.sheet = p.sheet;
		this.wanted = p.book ? p.sheet : undefined;
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
}
