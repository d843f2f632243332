import { checkRolesPresent, judgeChecks, type MappingVerdict } from '../core/csv/mapping-check.ts';
import { guessRoles, type RoleMapping } from '../core/csv/roles.ts';
import { sniffSample, type SniffResult } from '../core/csv/sniff.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { ClienteleError } from '../core/errors.ts';
import { loadRawSql, promoteStageSql, stageChecks, stageChecksSql, stageTxSql, type RoleCheck, type TxMapping } from '../core/sql/import.ts';
import { ident, sql } from '../core/sql/sql.ts';
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
}

/** Bytes of text the sniffer reads from the start of a file. */
export const SAMPLE_BYTES = 256 * 1024;

/**
 * Registers a file and loads it whole into the raw (text) table. `sample` is the decoded start of
 * the file. The name decides how DuckDB decompresses it (.gz is read directly).
 */
export async function loadFile(
	db: DbClient,
	o: { fileName: string; source: FileSource; sample: string; table?: string }
): Promise<LoadedFile | null> {
	const table = o.table ?? RAW_TABLE;
	const sniff = sniffSample(o.sample, { fileName: o.fileName });
	const regName = 'input_' + o.fileName.replace(/[^\w.-]/g, '_');
	await db.registerFile(regName, o.source);
	try {
		// Built inside the try: a header or delimiter SQL cannot hold (a NUL character) is a read failure too.
		const load = loadRawSql({
			fileName: regName,
			table,
			delimiter: sniff.delimiter,
			skipLines: sniff.skipLines,
			hasHeader: sniff.hasHeader,
			columns: sniff.columns.map((c) => c.name)
		});
		if (!(await db.execCancellable(load))) return null;
	} catch (e) {
		throw new ClienteleError('import.readFailed', { file: o.fileName, detail: e instanceof Error ? e.message : String(e) });
	}
	const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(table)}`);
	const rows = n.rows[0]?.n ?? 0;
	if (rows === 0) throw new ClienteleError('import.noRows', { file: o.fileName });
	return { fileName: o.fileName, table, sniff, rows, guess: guessRoles(sniff.columns) };
}

/** The mapping with the formats the sniffer found for the chosen columns. */
export function mappingFor(sniff: SniffResult, roles: RoleMapping, dateFormat?: DateFormat): TxMapping {
	const col = (name: string | undefined) => sniff.columns.find((c) => c.name === name);
	const df = dateFormat ?? col(roles.date)?.date?.format ?? { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true };
	const nf = (name: string | undefined) => col(name)?.number?.format;
	return {
		roles,
		dateFormat: df,
		numberFormats: { amount: nf(roles.amount), quantity: nf(roles.quantity), price: nf(roles.price), cost: nf(roles.cost) }
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
export async function applyMapping(db: DbClient, file: LoadedFile, mapping: TxMapping): Promise<MappingResult> {
	const missing = checkRolesPresent(mapping.roles, file.fileName);
	if (missing.length) return { errors: missing, warnings: [], checks: [], txRows: 0 };
	try {
		await db.exec(stageTxSql({ source: RAW_TABLE, target: STAGE_TABLE, mapping }));
		const row = (await db.query(stageChecksSql({ stage: STAGE_TABLE, mapping }))).rows[0] ?? {};
		const checks = stageChecks(row, mapping);
		const verdict = judgeChecks(checks, file.fileName);
		if (verdict.errors.length) return { ...verdict, checks, txRows: 0 };
		for (const q of promoteStageSql({ stage: STAGE_TABLE, target: TX_TABLE, mapping })) await db.exec(q);
		const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(TX_TABLE)}`);
		const txRows = n.rows[0]?.n ?? 0;
		if (txRows === 0) return { errors: [new ClienteleError('mapping.noUsableRows', { file: file.fileName })], warnings: verdict.warnings, checks, txRows };
		return { ...verdict, checks, txRows };
	} finally {
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(STAGE_TABLE)}`);
	}
}
