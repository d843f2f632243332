/**
 * Several exports of the same shape opened as one dataset (a platform caps an export's date range: a
 * year arrives as twelve monthly files). Each file goes through the one pipeline (open-file.ts) as
 * text; the later ones are appended to the first one's text table by column name. The files' row
 * ranges (LoadedFile.parts) let the order rules count an order found in two files once.
 */
import { ClienteleError } from '../core/errors.ts';
import { appendByNameSql, dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from './loaded-file.ts';
import { openFile, type OpenFileIo, type OpenFileOptions, type OpenedFile } from './open-file.ts';
import { RAW_PART, RAW_TABLE } from './tables.ts';

/** The files opened together: the dataset (the first file's, with every file's rows), and each file as read. */
export interface OpenedFiles {
	file: LoadedFile;
	opened: OpenedFile[];
}

/** Columns in one file and not in the other, for the message. */
function shapeDiff(a: readonly string[], b: readonly string[]): { missing: string[]; extra: string[] } {
	const [inA, inB] = [new Set(a), new Set(b)];
	return { missing: a.filter((c) => !inB.has(c)), extra: b.filter((c) => !inA.has(c)) };
}

/**
 * Opens `inputs` (at least one) into the text table. Resolves null when a load was cancelled (the
 * previous tables may be gone then: the caller loads again). A file whose columns differ from the
 * first one's is refused, naming the columns.
 */
export async function openFiles<F>(
	db: DbClient,
	inputs: readonly F[],
	o: Omit<OpenFileOptions, 'table' | 'typedFirst'>,
	io: OpenFileIo<F>
): Promise<OpenedFiles | null> {
	if (inputs.length === 0) throw new Error('openFiles needs at least one input');
	const first = await openFile(db, inputs[0]!, { ...o, table: RAW_TABLE }, io);
	if (!first) return null;
	const opened = [first];
	const names = first.file.sniff.columns.map((c) => c.name);
	const parts = [{ fileName: first.file.fileName, firstRow: 1, rows: first.file.rows }];
	let rows = first.file.rows;
	try {
		for (const input of inputs.slice(1)) {
			const next = await openFile(db, input, { ...o, table: RAW_PART }, io);
			if (!next) return null;
			const { missing, extra } = shapeDiff(names, next.file.sniff.columns.map((c) => c.name));
			if (missing.length || extra.length)
				throw new ClienteleError('orders.files.shape', {
					file: next.file.fileName,
					first: first.file.fileName,
					missing: missing.join(', ') || '—',
					extra: extra.join(', ') || '—'
				});
			await db.exec(appendByNameSql({ source: RAW_PART, target: RAW_TABLE }));
			parts.push({ fileName: next.file.fileName, firstRow: rows + 1, rows: next.file.rows });
			rows += next.file.rows;
			opened.push(next);
		}
	} finally {
		await db.exec(dropTableSql(RAW_PART));
	}
	const file: LoadedFile = { ...first.file, rows, ...(parts.length > 1 ? { parts } : {}) };
	return { file, opened };
}
