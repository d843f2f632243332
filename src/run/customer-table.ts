/**
 * A customer table (one row per customer) opened as the analysis source: checked on every row,
 * copied to CUSTOMER_SOURCE, and the per-customer RFM table built from it. SQL:
 * core/sql/rfm-customer-table.ts; roles: core/import/customer-roles.ts.
 */
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import {
	customerTableCheckSql,
	type CustomerTableMapping,
	type CustomerTableProblem
} from '../core/sql/rfm-customer-table.ts';
import { copyTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import { loadCustomerTable } from './rfm.ts';
import { ensureText, type LoadedFile } from './loaded-file.ts';
import { CUSTOMER_SOURCE } from './tables.ts';

export interface CustomerTableOutcome {
	/** Every problem found (one per column and kind, with the first bad row), or none. */
	errors: ClienteleError[];
	customers: number;
	/** The default as-of date: the day after the latest last purchase (null with recency days). */
	defaultAsOf: string | null;
}

/** One translated error per problem of the check query (all of them, not just the first). */
export function problemErrors(file: string, problems: readonly CustomerTableProblem[]): ClienteleError[] {
	return problems.map(
		(p) =>
			new ClienteleError(p.problem === 'duplicate' ? 'rfm.customerTableDuplicate' : 'rfm.customerTableBad', {
				file,
				column: p.column,
				count: p.count,
				row: p.firstBadRow ?? 0,
				value: p.firstBadValue ?? ''
			})
	);
}

/**
 * Runs the whole-file checks; when they pass, copies the table to CUSTOMER_SOURCE (re-runs with
 * another as-of date read the copy, so opening another file into the raw table cannot change the
 * analysis under way) and builds rfm_base from it (as-of: the default for a last-date column). A
 * table the checks reject leaves the earlier analysis as it was.
 */
export async function applyCustomerTable(
	db: DbClient,
	file: LoadedFile,
	mapping: CustomerTableMapping
): Promise<CustomerTableOutcome> {
	await ensureText(file);
	const problems = (await db.query<CustomerTableProblem>(customerTableCheckSql({ source: file.table, mapping }))).rows;
	if (problems.length > 0) return { errors: problemErrors(file.fileName, problems), customers: 0, defaultAsOf: null };
	try {
		await db.exec(copyTableSql({ source: file.table, target: CUSTOMER_SOURCE }));
		const r = await loadCustomerTable(db, { fileName: file.fileName, mapping, source: CUSTOMER_SOURCE });
		return { errors: [], customers: r.customers, defaultAsOf: r.asOf };
	} catch (e) {
		if (isClienteleError(e) && e.code === 'mapping.noUsableRows')
			return { errors: [new ClienteleError('ct.noRows', { file: file.fileName })], customers: 0, defaultAsOf: null };
		throw e;
	}
}
