/**
 * The typed transaction table from a staging table: checked on every row, then promoted (or
 * dropped when the checks find errors). The staging table is filled from the text table
 * (applyMapping) or straight from the file (loadTyped, load-file.ts). SQL: core/sql/stage.ts.
 */
import { checkRolesPresent, judgeChecks, type MappingVerdict } from '../core/csv/mapping-check.ts';
import type { RoleMapping } from '../core/csv/roles.ts';
import { ClienteleError } from '../core/errors.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import type { RoleCheck } from '../core/sql/role-check.ts';
import { promoteStageSql, stageChecks, stageChecksSql, stageTxSql } from '../core/sql/stage.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import { ensureText, type LoadedFile } from './loaded-file.ts';
import { countRows } from './table-ops.ts';
import { RAW_TABLE, STAGE_TABLE, TX_TABLE } from './tables.ts';

export interface MappingResult extends MappingVerdict {
	checks: RoleCheck[];
	/** Rows in the typed table (0 when errors blocked it). */
	txRows: number;
}

/** The roles a typed table needs: customer, date, and an amount or quantity and unit price. */
export function canLoadTyped(roles: RoleMapping): boolean {
	return checkRolesPresent(roles, '').length === 0;
}

/**
 * Validates a mapping on the whole raw table and, when it can work, builds the typed table. The raw
 * rows are parsed once into a staging table; the checks and the typed table are read from it. When
 * the checks find errors the typed table of the previous mapping is left as it was.
 */
export async function applyMapping(db: DbClient, file: LoadedFile, mapping: TxMapping): Promise<MappingResult> {
	const missing = checkRolesPresent(mapping.roles, file.fileName);
	if (missing.length) return { errors: missing, warnings: [], checks: [], txRows: 0 };
	await ensureText(file);
	try {
		await db.exec(stageTxSql({ source: RAW_TABLE, target: STAGE_TABLE, mapping, columns: columnNames(file) }));
	} catch (e) {
		await db.exec(dropTableSql(STAGE_TABLE));
		throw e;
	}
	const { total: _total, ...result } = await checkAndPromote(db, file.fileName, mapping);
	return result;
}

/**
 * Checks the staging table and, when the checks allow, promotes it to the typed table. The staging
 * table is gone afterwards either way. `total` is the rows checked (the file's rows).
 */
export async function checkAndPromote(
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
		for (const q of promoteStageSql({ stage: STAGE_TABLE, target: TX_TABLE, mapping })) await db.exec(q);
		const txRows = await countRows(db, TX_TABLE);
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
		await db.exec(dropTableSql(STAGE_TABLE));
	}
}

/** The text table's column names (a file made up by a caller may come without its sniff). */
function columnNames(file: LoadedFile): string[] {
	const sniff = file.sniff as LoadedFile['sniff'] | undefined;
	return sniff ? sniff.columns.map((c) => c.name) : [];
}
