import { ClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { actionListHeader } from '../core/plan/export.ts';
import { columnsSql } from '../core/sql/catalog.ts';
import { ACTION_LIST_COLUMNS, actionListOutputSql, extraCol } from '../core/sql/plan.ts';
import { numericColumnsSql } from '../core/sql/value-matrix.ts';
import type { Cell } from '../core/export/csv.ts';
import type { DbClient } from '../db/client.ts';
import { tableExists } from './table-ops.ts';
import { PLAN_TABLE, PROFILES_TABLE } from './tables.ts';

/**
 * The action list's export (the CLI's `plan` output and the plan view's download): the contract's
 * columns, then the profile columns the user chose (客户档案: name, phone …), formula-safe (toCsv).
 */

export interface ProfileColumn {
	name: string;
	/** Numbers are written as numbers; dates and text as text. */
	numeric: boolean;
}

/** The profile table's attribute columns in file order (none when no profiles are loaded). */
export async function profileColumns(db: DbClient): Promise<ProfileColumn[]> {
	if (!(await tableExists(db, PROFILES_TABLE))) return [];
	const numeric = new Set((await db.query<{ column_name: string }>(numericColumnsSql([PROFILES_TABLE]))).rows.map((r) => r.column_name));
	return (await db.query<{ name: string }>(columnsSql(PROFILES_TABLE))).rows
		.map((r) => r.name)
		.filter((n) => n !== 'customer_id')
		.map((name) => ({ name, numeric: numeric.has(name) }));
}

/**
 * The action list (PLAN_TABLE, after runPlan) as CSV with the chosen profile columns appended; a
 * column that is not in the profile table is refused, naming the ones there are.
 */
export async function actionListCsv(db: DbClient, o: { profileColumns?: readonly string[]; bom: boolean }): Promise<string> {
	const wanted = o.profileColumns ?? [];
	let extras: ProfileColumn[] = [];
	if (wanted.length > 0) {
		const have = await profileColumns(db);
		extras = wanted.map((name) => {
			const c = have.find((x) => x.name === name);
			if (!c) throw new ClienteleError('plan.noProfileColumn', { column: name, list: have.map((x) => x.name).join(', ') });
			return c;
		});
	}
	const header = actionListHeader(extras.map((c) => c.name));
	const rows = (await db.query(actionListOutputSql(PLAN_TABLE, extras.length ? { profiles: PROFILES_TABLE, columns: extras } : undefined))).rows;
	const out = rows.map((r) => {
		const row: Record<string, Cell> = { ...(r as Record<string, Cell>), control: r.control ? 'true' : 'false' };
		extras.forEach((_, i) => (row[header[ACTION_LIST_COLUMNS.length + i]!] = (r[extraCol(i)] ?? null) as Cell));
		return row;
	});
	return toCsv(header, out, { bom: o.bom });
}
