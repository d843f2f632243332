import { checkRolesPresent, judgeChecks, type MappingVerdict } from '../core/csv/mapping-check.ts';
import { guessRoles, type RoleMapping } from '../core/csv/roles.ts';
import type { SniffResult } from '../core/csv/sniff.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import { dateFormatFor } from '../core/csv/date-choice.ts';
import { withTimeZone } from '../core/csv/time-zones.ts';
import { ClienteleError } from '../core/errors.ts';
import type { RaggedPolicy, RaggedReport } from '../core/csv/ragged.ts';
import { inspectSample, type SampleInspection } from '../core/csv/inspect.ts';
import { loadWithoutRagged } from './ragged.ts';
import {
	promoteStageSql,
	stageChecks,
	stageChecksSql,
	stageTxSql,
	type RoleCheck,
	type TxMapping
} from '../core/sql/import.ts';
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
	/** Rows left out because their field count differs from the header's (absent: none). */
	ragged?: RaggedReport;
}

/** Bytes of text the sniffer reads from the start of a file. */
export const SAMPLE_BYTES = 256 * 1024;

/**
 * Registers a file and loads it whole into the raw (text) table. `sample` is the decoded start of
 * the file. The name decides how DuckDB decompresses it (.gz is read directly).
 */
export async function loadFile(
	db: DbClient,
	o: {
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
): Promise<LoadedFile | null> {
	const table = o.table ?? RAW_TABLE;
	const { sniff, scan } = o.inspected ?? inspectSample(o.sample, o.fileName);
	const regName = 'input_' + o.fileName.replace(/[^\w.-]/g, '_');
	await db.registerFile(regName, o.source);
	const read = {
		fileName: regName,
		delimiter: sniff.delimiter,
		skipLines: sniff.skipLines,
		hasHeader: sniff.hasHeader,
		columns: sniff.columns.map((c) => c.name)
	};
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
	try {
		await db.exec(stageTxSql({ source: RAW_TABLE, target: STAGE_TABLE, mapping }));
		const row = (await db.query(stageChecksSql({ stage: STAGE_TABLE, mapping }))).rows[0] ?? {};
		const checks = stageChecks(row, mapping);
		const verdict = judgeChecks(checks, file.fileName);
		if (verdict.errors.length) return { ...verdict, checks, txRows: 0 };
		for (const q of promoteStageSql({ stage: STAGE_TABLE, target: TX_TABLE, mapping }))
			await db.exec(q);
		const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(TX_TABLE)}`);
		const txRows = n.rows[0]?.n ?? 0;
		if (txRows === 0)
			return {
				errors: [new ClienteleError('mapping.noUsableRows', { file: file.fileName })],
				warnings: verdict.warnings,
				checks,
				txRows
			};
		return { ...verdict, checks, txRows };
	} finally {
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(STAGE_TABLE)}`);
	}
}
