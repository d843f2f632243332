/**
 * Marketplace order rules on the staging table, before it becomes the analysis table: orders found
 * in two of the files loaded together counted once, excluded statuses and unpaid orders left out
 * (reported per value, their buyers kept apart as prospects), refunds and postage taken off the
 * amounts, masked ids counted. SQL: core/sql/order-rules.ts; rules and report: core/import/order-rules.ts.
 */
import { classifyStatuses, DEFAULT_ORDER_RULES, type OrderReport, type RefundPer } from '../core/import/order-rules.ts';
import {
	addReasonSql,
	adjustmentsSql,
	adjustmentTotalsSql,
	applyAdjustmentsSql,
	applyPaidTimesSql,
	deleteExcludedSql,
	excludedRowsSql,
	fillPaidSql,
	fillStatusSql,
	markOverlapSql,
	markStatusSql,
	markUnpaidSql,
	maskedIdsSql,
	overlapReportSql,
	paidTimesSql,
	prospectsSql,
	reasonTotalsSql,
	refundPerFromShape,
	refundShapeSql,
	statusCountsSql,
	type FilePart
} from '../core/sql/order-rules.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import { existingTablesSql } from '../core/sql/catalog.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import { countRows } from './table-ops.ts';
import { ORDER_ADJUST, ORDER_EXCLUDED, ORDER_PAID, PROSPECTS_TABLE } from './tables.ts';

/** Whether a mapping uses any order rule (else the staging table is promoted as before). */
export function hasOrderRules(m: TxMapping, parts?: readonly FilePart[]): boolean {
	const r = m.roles;
	return Boolean(r.status || r.paid || r.refund || r.postage || (parts && parts.length > 1 && r.order));
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
/** A list the SQL joined with chr(31) (a unit separator, never in a cell that matters). */
const strings = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split('\u001f') : []);

/** Drops what a previous mapping's rules left (a mapping without rules must not inherit them). */
export async function dropOrderTables(db: DbClient): Promise<void> {
	for (const t of [ORDER_EXCLUDED, ORDER_ADJUST, ORDER_PAID, PROSPECTS_TABLE]) await db.exec(dropTableSql(t));
}

/**
 * Applies the rules to the staging table in place: rows left out are deleted, amounts netted. The
 * rows left out and the adjustments are kept in their own tables (a rebuilt analysis table applies
 * them again, reapplyOrderRules); the prospects table is made. Returns what was done.
 */
export async function applyOrderRules(
	db: DbClient,
	o: { stage: string; mapping: TxMapping; parts?: readonly FilePart[] }
): Promise<OrderReport> {
	const { stage, mapping } = o;
	const { roles } = mapping;
	const rules = mapping.orderRules ?? DEFAULT_ORDER_RULES;
	const one = async (q: Parameters<DbClient['query']>[0]) => (await db.query(q)).rows[0] ?? {};
	await dropOrderTables(db);
	await db.exec(addReasonSql(stage));
	const report: OrderReport = { excluded: { rows: 0, amount: 0 }, prospects: 0, masked: { ids: 0, examples: [] } };
	if (o.parts && o.parts.length > 1 && roles.order) {
		const r = await one(overlapReportSql(stage, o.parts));
		report.overlap = { orders: num(r.orders), rows: num(r.rows), examples: strings(r.examples) };
		if (report.overlap.rows > 0) await db.exec(markOverlapSql(stage, o.parts));
	}
	if (roles.status) {
		if (roles.order) await db.exec(fillStatusSql(stage));
		await db.exec(markStatusSql(stage, rules.exclude));
		const rows = (await db.query(statusCountsSql(stage))).rows.map((r) => ({ value: String(r.value ?? ''), rows: num(r.rows), amount: num(r.amount) }));
		report.statuses = classifyStatuses(rows, rules.exclude);
	}
	if (roles.paid) {
		if (roles.order) await db.exec(fillPaidSql(stage));
		await db.exec(markUnpaidSql(stage));
	}
	for (const r of (await db.query(reasonTotalsSql(stage))).rows) {
		const t = { rows: num(r.rows), amount: num(r.amount) };
		if (r.reason === 'status') report.excluded = t;
		if (r.reason === 'unpaid') report.unpaid = t;
	}
	if (roles.paid) report.unpaid ??= { rows: 0, amount: 0 };
	const m = await one(maskedIdsSql(stage));
	report.masked = { ids: num(m.ids), examples: strings(m.examples) };
	await db.exec(prospectsSql({ stage, target: PROSPECTS_TABLE }));
	report.prospects = await countRows(db, PROSPECTS_TABLE);
	await db.exec(excludedRowsSql({ stage, target: ORDER_EXCLUDED }));
	if (roles.paid) await db.exec(paidTimesSql({ stage, target: ORDER_PAID }));
	if (roles.refund || roles.postage) {
		let per: RefundPer = rules.refundPer === 'auto' ? 'line' : rules.refundPer;
		let detected = false;
		if (roles.refund && rules.refundPer === 'auto' && roles.order) {
			const shape = await one(refundShapeSql(stage));
			per = refundPerFromShape({ same: num(shape.same), differ: num(shape.differ) });
			detected = true;
		}
		await db.exec(adjustmentsSql({ stage, target: ORDER_ADJUST, refund: !!roles.refund, postage: !!roles.postage, per }));
		const a = await one(adjustmentTotalsSql(ORDER_ADJUST));
		if (roles.refund) report.refund = { per, detected, amount: num(a.refund), rows: num(a.refund_rows) };
		if (roles.postage) report.postage = { amount: num(a.postage) };
		await db.exec(applyAdjustmentsSql({ table: stage, adjust: ORDER_ADJUST }));
	}
	await db.exec(deleteExcludedSql({ table: stage, excluded: ORDER_EXCLUDED }));
	return report;
}

/**
 * The rules again on an analysis table rebuilt from the text table (the data-quality fixes): the
 * rows left out at load are left out, refunds and postage taken off, the paid dates put back.
 */
export async function reapplyOrderRules(db: DbClient, table: string): Promise<void> {
	const names = new Set((await db.query(existingTablesSql([ORDER_EXCLUDED, ORDER_PAID, ORDER_ADJUST]))).rows.map((r) => String(r.name)));
	if (names.has(ORDER_EXCLUDED)) await db.exec(deleteExcludedSql({ table, excluded: ORDER_EXCLUDED }));
	if (names.has(ORDER_PAID)) await db.exec(applyPaidTimesSql({ table, paid: ORDER_PAID }));
	if (names.has(ORDER_ADJUST)) await db.exec(applyAdjustmentsSql({ table, adjust: ORDER_ADJUST }));
}
