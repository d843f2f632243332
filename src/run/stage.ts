/**
 * The typed transaction table from a staging table: checked on every row, then promoted (or
 * dropped when the checks find errors). The staging table is filled from the text table
 * (applyMapping) or straight from the file (loadTyped, load-file.ts). SQL: core/sql/stage.ts.
 */
import { checkRolesPresent, judgeChecks, judgeIdGuards, type MappingVerdict } from '../core/csv/mapping-check.ts';
import type { RoleMapping } from '../core/csv/roles.ts';
import { headerRenameWarnings } from '../core/csv/header-names.ts';
import { ClienteleError } from '../core/errors.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import type { RoleCheck } from '../core/sql/role-check.ts';
import { promoteStageSql, stageChecks, stageChecksSql, stageTxSql } from '../core/sql/stage.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import { HUGE_AMOUNT, hugeAmountsSql } from '../core/sql/stage-guards.ts';
import { dayMonthEvidenceSql, type DayMonthEvidence } from '../core/sql/day-month.ts';
import { judgeDayMonth, type DayMonthVerdict } from '../core/import/date-question.ts';
import type { DateFormat } from '../core/csv/dates.ts';
import type { DbClient, Row } from '../db/client.ts';
import { ensureText, type LoadedFile } from './loaded-file.ts';
import { countRows } from './table-ops.ts';
import { applyOrderRules, dropOrderTables, hasOrderRules } from './order-rules.ts';
import type { OrderReport } from '../core/import/order-rules.ts';
import type { FilePart } from '../core/sql/order-rules.ts';
import { RAW_TABLE, STAGE_TABLE, TX_TABLE } from './tables.ts';

export interface MappingResult extends MappingVerdict {
	checks: RoleCheck[];
	/** Rows in the typed table (0 when errors blocked it). */
	txRows: number;
	/** The mapping in effect when the whole date column chose the other day/month order than the sample. */
	mapping?: TxMapping;
	/** What the marketplace order rules did (absent: the mapping uses none). */
	orders?: OrderReport;
}

/** How a mapping is checked: `dayMonthChosen` — the user named the date format (no day/month question). */
export interface CheckOptions {
	dayMonthChosen?: boolean;
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
export async function applyMapping(db: DbClient, file: LoadedFile, mapping: TxMapping, o: CheckOptions = {}): Promise<MappingResult> {
	const missing = checkRolesPresent(mapping.roles, file.fileName);
	if (missing.length) return { errors: missing, warnings: [], checks: [], txRows: 0 };
	await ensureText(file);
	const stage = async (m: TxMapping) => {
		try {
			await db.exec(stageTxSql({ source: RAW_TABLE, target: STAGE_TABLE, mapping: m, columns: columnNames(file) }));
		} catch (e) {
			await db.exec(dropTableSql(STAGE_TABLE));
			throw e;
		}
		return checkAndPromote(db, file.fileName, m, o, file.parts);
	};
	// Headers read under another name than written (trimmed, repeated) are said first.
	const sniff = file.sniff as LoadedFile['sniff'] | undefined;
	const renamed = sniff ? headerRenameWarnings(sniff, file.fileName) : [];
	const { total: _total, redo, ...result } = await stage(mapping);
	if (!redo) return { ...result, warnings: [...renamed, ...result.warnings] };
	// The whole column reads only in the other day/month order: staged again that way.
	const swapped = { ...mapping, dateFormat: redo };
	const { total: _t, redo: _r, ...again } = await stage(swapped);
	return { ...again, warnings: [...renamed, ...again.warnings], mapping: swapped };
}

/**
 * Checks the staging table and, when the checks allow, promotes it to the typed table. The staging
 * table is gone afterwards either way. `total` is the rows checked (the file's rows).
 */
export async function checkAndPromote(
	db: DbClient,
	fileName: string,
	mapping: TxMapping,
	o: CheckOptions = {},
	parts?: readonly FilePart[]
): Promise<MappingResult & { total: number; redo?: DateFormat }> {
	// A mapping without rules must not inherit the previous one's (a rebuilt table applies them).
	await dropOrderTables(db);
	try {
		const row = (await db.query(stageChecksSql({ stage: STAGE_TABLE, mapping }))).rows[0] ?? {};
		const checks = stageChecks(row, mapping);
		const total = checks[0]?.total ?? 0;
		const order = o.dayMonthChosen ? null : await dayMonth(db, fileName, mapping, checks);
		if (order?.kind === 'swap') return { errors: [], warnings: [], checks, txRows: 0, total, redo: order.format };
		if (order && order.kind !== 'decided') return { errors: [order.error], warnings: [], checks, txRows: 0, total };
		const verdict = judgeChecks(checks, fileName);
		verdict.warnings.push(...judgeIdGuards(row, mapping.roles, fileName));
		if (row.amount_finite === false) verdict.errors.push(await notFiniteError(db, fileName, mapping));
		if (verdict.errors.length) return { ...verdict, checks, txRows: 0, total };
		const rules = hasOrderRules(mapping, parts);
		const orders = rules ? await applyOrderRules(db, { stage: STAGE_TABLE, mapping, parts }) : undefined;
		for (const q of promoteStageSql({ stage: STAGE_TABLE, target: TX_TABLE, mapping, reason: rules })) await db.exec(q);
		const txRows = await countRows(db, TX_TABLE);
		if (txRows === 0)
			return {
				errors: [new ClienteleError(orders ? 'orders.noPaidRows' : 'mapping.noUsableRows', { file: fileName })],
				warnings: verdict.warnings,
				checks,
				txRows,
				total,
				...(orders ? { orders } : {})
			};
		return { ...verdict, checks, txRows, total, ...(orders ? { orders } : {}) };
	} finally {
		await db.exec(dropTableSql(STAGE_TABLE));
	}
}

/** The day/month order of a DD/MM or MM/DD date column, judged on every staged row (null: no such format or no dates). */
async function dayMonth(db: DbClient, file: string, mapping: TxMapping, checks: readonly RoleCheck[]): Promise<DayMonthVerdict | null> {
	const q = dayMonthEvidenceSql({ stage: STAGE_TABLE, mapping });
	const date = checks.find((c) => c.role === 'date');
	if (!q || !date || date.total - date.empty === 0) return null;
	const r = (await db.query<DayMonthEvidence & Row>(q)).rows[0];
	if (!r) return null;
	const counts = { own: r.own, ownRow: r.own_row, ownValue: r.own_value, other: r.other, otherRow: r.other_row, otherValue: r.other_value, example: r.example_value };
	// Nothing read in either order: the date checks say what is wrong with the column.
	if (counts.own === 0 && counts.other === 0 && date.bad === date.total - date.empty) return null;
	return judgeDayMonth(counts, mapping.dateFormat, { file, column: date.column });
}

/** The text table's column names (a file made up by a caller may come without its sniff). */
function columnNames(file: LoadedFile): string[] {
	const sniff = file.sniff as LoadedFile['sniff'] | undefined;
	return sniff ? sniff.columns.map((c) => c.name) : [];
}

/** The amounts add up to more than a double holds: an error naming the largest rows (never `inf` in a total). */
async function notFiniteError(db: DbClient, file: string, mapping: TxMapping): Promise<ClienteleError> {
	const r = (await db.query(hugeAmountsSql(STAGE_TABLE))).rows[0] ?? {};
	const { amount, quantity, price } = mapping.roles;
	const column = amount ?? `${quantity} × ${price}`;
	return new ClienteleError('amounts.notFinite', {
		file,
		column,
		count: Number(r.count ?? 0),
		rows: String(r.rows ?? ''),
		value: String(r.value ?? ''),
		limit: HUGE_AMOUNT.toExponential()
	});
}
