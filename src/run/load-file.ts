/**
 * The load step of opening a file: the prepared file registered with the engine and read whole —
 * into its text table (loadFile), or typed-first into the typed transaction table (loadTyped).
 * run/open-file.ts runs the whole pipeline (prepare → inspect → load).
 */
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import type { RaggedPolicy } from '../core/csv/ragged.ts';
import type { SniffResult } from '../core/csv/sniff.ts';
import type { FileGuess } from '../core/import/file-guess.ts';
import { ClienteleError } from '../core/errors.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import type { CsvRead } from '../core/sql/read-csv.ts';
import { stageSelectSql } from '../core/sql/stage.ts';
import { ident, join, raw, sql, type Sql } from '../core/sql/sql.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient, FileSource } from '../db/client.ts';
import type { LoadedFile } from './loaded-file.ts';
import { pendingText, supersede } from './pending-text.ts';
import { loadWithoutRagged } from './ragged.ts';
import { applyMapping, canLoadTyped, checkAndPromote, type MappingResult } from './stage.ts';
import { headerRenameWarnings } from '../core/csv/header-names.ts';
import { countRows } from './table-ops.ts';
import { RAW_TABLE, STAGE_TABLE, gridCopyOf, gridSearchOf } from './tables.ts';

export interface LoadOptions {
	fileName: string;
	source: FileSource;
	sample: string;
	table?: string;
	onProgress?: (fraction: number) => void;
	/** inspectSample(sample) when it was already run (the page runs it in a worker). */
	inspected?: SampleInspection;
	/** Rows whose field count differs from the header's: leave out, stop (default skip), or ask. */
	ragged?: RaggedPolicy;
	/**
	 * Only these columns go into the text table (those that exist; absent: all). The CLI, which knows
	 * the columns its flags name, passes them for a wide file: DuckDB-WASM spends seconds per thousand
	 * columns making a table (measured: 10,000 text columns of 3 rows, 8–25 s), ≈ 1 s reading three.
	 */
	only?: readonly string[];
	/** loadTyped only: lets go of what the source needs besides its registration (a temporary copy) once its text table is read or superseded. */
	release?: () => void;
}

/**
 * Registers a file and loads it whole into the raw (text) table. `sample` is the decoded start of
 * the file. The name decides how DuckDB decompresses it (.gz is read directly).
 */
export async function loadFile(db: DbClient, o: LoadOptions): Promise<LoadedFile | null> {
	const table = o.table ?? RAW_TABLE;
	const { sniff, scan, guess } = o.inspected ?? inspectSample(o.sample, o.fileName);
	const regName = registeredName(o.fileName);
	await db.registerFile(regName, o.source);
	const read = readOptions(regName, sniff);
	// The table holds the rows once read: the engine lets go of the file (or its transcoded copy).
	const ragged = await loadWithoutRagged({
		db,
		fileName: o.fileName,
		source: o.source,
		table,
		read,
		scan,
		policy: o.ragged ?? 'skip',
		onProgress: o.onProgress,
		...(o.only ? { select: projection(read.columns.filter((c) => o.only!.includes(c))) } : {})
	}).finally(() => db.dropFile(regName).catch(() => undefined));
	if (ragged === 'cancelled') return null;
	if (table === RAW_TABLE) supersede(db, null);
	const rows = await countRows(db, table);
	if (rows === 0) throw new ClienteleError('import.noRows', { file: o.fileName });
	return {
		fileName: o.fileName,
		table,
		sniff,
		rows,
		...guessOf(guess),
		...(ragged ? { ragged } : {})
	};
}

/** The guessed roles (made with the inspection: in the page's worker), and the platform preset the header was recognised as. */
function guessOf(g: FileGuess): Pick<LoadedFile, 'guess' | 'preset' | 'fileRole' | 'customerRoles'> {
	return { guess: g.roles, ...(g.preset ? { preset: g.preset } : {}), fileRole: g.fileRole, customerRoles: g.customerRoles };
}

/** SELECT of some columns of the file's rows (RaggedLoad.select). */
function projection(columns: readonly string[]): (csv: Sql) => Sql {
	return (csv) => sql`SELECT ${join(columns.map((c) => ident(c)))} FROM ${csv}`;
}

let registrations = 0;

/**
 * One registered name per load: a file opened again under the same name (another encoding, the
 * sample twice) must not replace a registration that a pending text table still reads. The name
 * keeps the file's ending (.gz decides how DuckDB decompresses it).
 */
function registeredName(fileName: string): string {
	return `input_${++registrations}_` + fileName.replace(/[^\w.-]/g, '_');
}

function readOptions(regName: string, sniff: SniffResult): CsvRead {
	return {
		fileName: regName,
		delimiter: sniff.delimiter,
		skipLines: sniff.skipLines,
		hasHeader: sniff.hasHeader,
		columns: sniff.columns.map((c) => c.name)
	};
}

/**
 * Loads a transactions file typed-first: the rows are parsed into the typed table on their way in
 * from the file (one read, no text copy), checked as applyMapping checks them, and the text table
 * (raw: the data grid, the quality report, another mapping) is read later, when first needed
 * (ensureText). For a 5M-row file that is ≈ 2 s less before the first analysis, and no text copy
 * at all when none of those views is opened. Resolves null when cancelled; the previous tables
 * are untouched then. When the checks find errors the typed table of the previous mapping is left
 * as it was, as applyMapping leaves it.
 */
export async function loadTyped(
	db: DbClient,
	o: Omit<LoadOptions, 'table'> & { mapping: TxMapping }
): Promise<{ file: LoadedFile; result: MappingResult } | null> {
	if (!canLoadTyped(o.mapping.roles)) throw new Error('loadTyped needs customer, date and amount (or quantity and price) mapped');
	const { sniff, scan, guess } = o.inspected ?? inspectSample(o.sample, o.fileName);
	const regName = registeredName(o.fileName);
	await db.registerFile(regName, o.source);
	const read = readOptions(regName, sniff);
	let kept = false;
	try {
		const ragged = await loadWithoutRagged({
			db,
			fileName: o.fileName,
			source: o.source,
			table: STAGE_TABLE,
			read,
			scan,
			policy: o.ragged ?? 'skip',
			onProgress: o.onProgress,
			select: (csv) => stageSelectSql({ from: csv, rowNumber: raw('row_number() OVER ()'), mapping: o.mapping })
		});
		if (ragged === 'cancelled') return null;
		const { total, redo, ...checked } = await checkAndPromote(db, o.fileName, o.mapping);
		// From here the raw table must be this file's: the previous file's is dropped now.
		await db.exec(dropTableSql(RAW_TABLE));
		await db.exec(dropTableSql(gridCopyOf(RAW_TABLE)));
		await db.exec(dropTableSql(gridSearchOf(RAW_TABLE)));
		const text = pendingText(db, { fileName: o.fileName, source: o.source, regName, read, scan, release: o.release });
		kept = true;
		const file: LoadedFile = {
			fileName: o.fileName,
			table: RAW_TABLE,
			sniff,
			rows: total,
			...guessOf(guess),
			...(ragged ? { ragged } : {}),
			text
		};
		// The whole date column reads only in the other day/month order: mapped again from the text.
		// (applyMapping says the renamed headers itself; the typed-first path says them here.)
		const result = redo ? await applyMapping(db, file, { ...o.mapping, dateFormat: redo }) : { ...checked, warnings: [...headerRenameWarnings(sniff, o.fileName), ...checked.warnings] };
		return { file, result: redo ? { ...result, mapping: { ...o.mapping, dateFormat: redo } } : result };
	} finally {
		if (!kept) await db.dropFile(regName).catch(() => undefined);
	}
}
