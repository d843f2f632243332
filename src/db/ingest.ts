import { checkRolesPresent, judgeChecks, type MappingVerdict } from '../core/csv/mapping-check.ts';
import { guessRoles, type RoleMapping } from '../core/csv/roles.ts';
import type { SniffResult } from '../core/csv/sniff.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { withTimeZone } from '../core/csv/time-zones.ts';
import { ClienteleError } from '../core/errors.ts';
import type { RaggedPolicy, RaggedReport, SampleScan } from '../core/csv/ragged.ts';
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import { loadWithoutRagged, type RaggedLoad } from './ragged.ts';
import {
	promoteStageSql,
	stageChecks,
	stageChecksSql,
	stageSelectSql,
	stageTxSql,
	type RoleCheck,
	type TxMapping
} from '../core/sql/import.ts';
import { ident, raw, sql } from '../core/sql/sql.ts';
import type { DbClient, FileSource } from './client.ts';

export const RAW_TABLE = 'raw';
export const TX_TABLE = 'tx';
/** Every raw row parsed once; becomes the typed table, or is dropped when the checks fail. */
export const STAGE_TABLE = 'tx_stage';

export interface LoadedFile {
	fileName: string;
	/** The text table it was loaded into (default `raw`; other datasets use their own). */
	table: string;
	sniff: SniffResult;
	rows: number;
	guess: RoleMapping;
	/** Rows left out because their field count differs from the header's (absent: none). */
	ragged?: RaggedReport;
	/**
	 * Present when the file was loaded typed-first (loadTyped): its text table is read from the
	 * still-registered file the first time something needs it (ensureText).
	 */
	text?: PendingText;
}

/** The text table of a file loaded typed-first. */
export interface PendingText {
	/**
	 * Builds the table once (later calls wait for the same build); the file is let go after.
	 * `onProgress` gets the share of the file read (0–1) while the build runs.
	 */
	ensure(onProgress?: (fraction: number) => void): Promise<void>;
}

/** Waits until the file's text table exists: read now when the file was loaded typed-first. */
export async function ensureText(file: LoadedFile, onProgress?: (fraction: number) => void): Promise<void> {
	await file.text?.ensure(onProgress);
}

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
}

/** Bytes of text the sniffer reads from the start of a file. */
export const SAMPLE_BYTES = 256 * 1024;

/**
 * Registers a file and loads it whole into the raw (text) table. `sample` is the decoded start of
 * the file. The name decides how DuckDB decompresses it (.gz is read directly).
 */
export async function loadFile(
	db: DbClient,
	o: LoadOptions
): Promise<LoadedFile | null> {
	const table = o.table ?? RAW_TABLE;
	const { sniff, scan } = o.inspected ?? inspectSample(o.sample, o.fileName);
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
		onProgress: o.onProgress
	}).finally(() => db.dropFile(regName).catch(() => undefined));
	if (ragged === 'cancelled') return null;
	if (table === RAW_TABLE) supersede(db, null);
	const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(table)}`);
	const rows = n.rows[0]?.n ?? 0;
	if (rows === 0) throw new ClienteleError('import.noRows', { file: o.fileName });
	return {
		fileName: o.fileName,
		table,
		sniff,
		rows,
		guess: guessRoles(sniff.columns),
		...(ragged ? { ragged } : {})
	};
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

function readOptions(regName: string, sniff: SniffResult): RaggedLoad['read'] {
	return {
		fileName: regName,
		delimiter: sniff.delimiter,
		skipLines: sniff.skipLines,
		hasHeader: sniff.hasHeader,
		columns: sniff.columns.map((c) => c.name)
	};
}

/** The pending text table of each engine's current file (one per engine: the raw table). */
const pendingTexts = new WeakMap<DbClient, { stale: () => void }>();

/** A newer file owns the raw table: the older pending text never builds, and lets its file go. */
function supersede(db: DbClient, next: { stale: () => void } | null): void {
	pendingTexts.get(db)?.stale();
	if (next) pendingTexts.set(db, next);
	else pendingTexts.delete(db);
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
	const { sniff, scan } = o.inspected ?? inspectSample(o.sample, o.fileName);
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
		const { total, ...result } = await checkAndPromote(db, o.fileName, o.mapping);
		// From here the raw table must be this file's: the previous file's is dropped now.
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(RAW_TABLE)}`);
		const text = pendingText(db, { fileName: o.fileName, source: o.source, regName, read, scan });
		kept = true;
		const file: LoadedFile = {
			fileName: o.fileName,
			table: RAW_TABLE,
			sniff,
			rows: total,
			guess: guessRoles(sniff.columns),
			...(ragged ? { ragged } : {}),
			text
		};
		return { file, result };
	} finally {
		if (!kept) await db.dropFile(regName).catch(() => undefined);
	}
}

/** The roles loadTyped needs: customer, date, and an amount or quantity and unit price. */
export function canLoadTyped(roles: RoleMapping): boolean {
	return checkRolesPresent(roles, '').length === 0;
}

/**
 * The text table read from the registered file once, on demand. It is never built once a newer file
 * has been loaded (and a build under way then leaves `raw` alone). The ragged rows were reported, and
 * accepted, when the file was loaded: the same rows are left out, unrecorded; the read cannot be
 * cancelled (Cancel belongs to the import under way, not to a view's text read).
 */
function pendingText(
	db: DbClient,
	{ source: from, ...o }: { fileName: string; source: FileSource; regName: string; read: RaggedLoad['read']; scan: SampleScan }
): PendingText {
	let built = false;
	let stale = false;
	let running: Promise<void> | null = null;
	const listeners = new Set<(fraction: number) => void>();
	// Released once built or superseded (a transcoded copy can be large): only this variable holds it.
	let source: FileSource | null = from;
	const letGo = () => {
		source = null;
		void db.dropFile(o.regName).catch(() => undefined);
	};
	const build = async () => {
		if (stale || !source) throw new ClienteleError('import.textSuperseded', { file: o.fileName });
		const r = await loadWithoutRagged({
			db,
			fileName: o.fileName,
			source,
			table: RAW_TABLE,
			read: o.read,
			scan: o.scan,
			policy: 'skip',
			onProgress: (f) => listeners.forEach((l) => l(f)),
			deferred: { stage: `${RAW_TABLE}__text_${o.regName}`, keep: () => !stale }
		});
		if (r === 'cancelled') throw new ClienteleError('import.textSuperseded', { file: o.fileName });
		built = true;
		letGo();
	};
	supersede(db, {
		stale: () => {
			stale = true;
			if (!built) letGo();
		}
	});
	return {
		ensure(onProgress) {
			if (built) return Promise.resolve();
			if (onProgress) listeners.add(onProgress);
			running ??= build().finally(() => {
				running = null;
				listeners.clear();
			});
			return running;
		}
	};
}

/**
 * The mapping with the formats the sniffer found for the chosen columns. The date column is read
 * as text in its sniffed format, or as Unix seconds / milliseconds / Excel serials when it holds
 * numbers (dateFormatFor); `dateFormat` overrides that. Instants (Unix times, text with a UTC
 * offset) are shown as wall time in `timeZone` (absent: UTC).
 */
export function mappingFor(
	sniff: SniffResult,
	roles: RoleMapping,
	dateFormat?: DateFormat,
	timeZone?: string
): TxMapping {
	const col = (name: string | undefined) => sniff.columns.find((c) => c.name === name);
	const found = dateFormat ??
		dateFormatFor(col(roles.date)) ?? {
			strptime: ['%Y-%m-%d'],
			label: 'YYYY-MM-DD',
			dateOnly: true
		};
	const df = withTimeZone(found, timeZone);
	const nf = (name: string | undefined) => col(name)?.number?.format;
	return {
		roles,
		dateFormat: df,
		...(timeZone ? { timeZone } : {}),
		numberFormats: {
			amount: nf(roles.amount),
			quantity: nf(roles.quantity),
			price: nf(roles.price),
			cost: nf(roles.cost)
		}
	};
}

export interface MappingResult extends MappingVerdict {
	checks: RoleCheck[];
	/** Rows in the typed table (0 when errors blocked it). */
	txRows: number;
}

/**
 * Validates a mapping on the whole raw table and, when it can work, builds the typed table. The raw
 * rows are parsed once into a staging table; the checks and the typed table are read from it. When
 * the checks find errors the typed table of the previous mapping is left as it was.
 */
export async function applyMapping(
	db: DbClient,
	file: LoadedFile,
	mapping: TxMapping
): Promise<MappingResult> {
	const missing = checkRolesPresent(mapping.roles, file.fileName);
	if (missing.length) return { errors: missing, warnings: [], checks: [], txRows: 0 };
	await ensureText(file);
	try {
		await db.exec(stageTxSql({ source: RAW_TABLE, target: STAGE_TABLE, mapping }));
	} catch (e) {
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(STAGE_TABLE)}`);
		throw e;
	}
	const { total: _total, ...result } = await checkAndPromote(db, file.fileName, mapping);
	return result;
}

/**
 * Checks the staging table and, when the checks allow, promotes it to the typed table. The staging
 * table is gone afterwards either way. `total` is the rows checked (the file's rows).
 */
async function checkAndPromote(
	db: DbClient,
	fileName: string,
	mapping: TxMapping
): Promise<MappingResult & { total: number }> {
	try {
		const row = (await db.query(stageChecksSql({ stage: STAGE_TABLE, mapping }))).rows[0] ?? {};
		const checks = stageChecks(row, mapping);
		const total = checks[0]?.total ?? 0;
		const verdict = judgeChecks(checks, fileName);
		if (verdict.errors.length) return { ...verdict, checks, txRows: 0, total };
		for (const q of promoteStageSql({ stage: STAGE_TABLE, target: TX_TABLE, mapping }))
			await db.exec(q);
		const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(TX_TABLE)}`);
		const txRows = n.rows[0]?.n ?? 0;
		if (txRows === 0)
			return {
				errors: [new ClienteleError('mapping.noUsableRows', { file: fileName })],
				warnings: verdict.warnings,
				checks,
				txRows,
				total
			};
		return { ...verdict, checks, txRows, total };
	} finally {
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(STAGE_TABLE)}`);
	}
}
