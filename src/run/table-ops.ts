import { existingTablesSql } from '../core/sql/catalog.ts';
/** Whole-table steps the runners share (SQL: core/sql/table-ops.ts). */
import { countRowsSql, dropTableSql, renameTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';

/** The rows of a table. */
export async function countRows(db: DbClient, table: string): Promise<number> {
	return (await db.query<{ n: number }>(countRowsSql(table))).rows[0]?.n ?? 0;
}

/** `stage` becomes `table` (the previous one is dropped only now). */
export async function replaceTable(db: DbClient, stage: string, table: string): Promise<void> {
	await db.exec(dropTableSql(table));
	await db.exec(renameTableSql(stage, table));
}

/** Whether a table (or view) exists. */
export async function tableExists(db: DbClient, table: string): Promise<boolean> {
	return (await db.query(existingTablesSql([table]))).rows.length > 0;
}
