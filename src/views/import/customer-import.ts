/** Checks a loaded customer table against its mapping and builds the per-customer RFM table. */
import { ClienteleError, isClienteleError } from '../../core/errors.ts';
import {
	customerTableCheckSql,
	type CustomerTableMapping,
	type CustomerTableProblem
} from '../../core/sql/rfm-customer-table.ts';
import type { DbClient } from '../../db/client.ts';
import { ensureText, type LoadedFile } from '../../db/ingest.ts';
import { loadCustomerTable } from '../../run/rfm.ts';
import { ident, sql } from '../../core/sql/sql.ts';

/**
 * The checked customer table's own copy: re-runs (another as-of date) read it, so opening
 * another file into the raw table cannot change the analysis under way.
 */
export const CUSTOMER_SOURCE = 'customer_table';

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
 * Runs the whole-file checks; when they pass, copies the table to CUSTOMER_SOURCE and builds
 * rfm_base from it (as-of: the default for a last-date column). A table the checks reject leaves the earlier analysis as it was.
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
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(CUSTOMER_SOURCE)} AS SELECT * FROM ${ident(file.table)}`);
		const r = await loadCustomerTable(db, { fileName: file.fileName, mapping, source: CUSTOMER_SOURCE });
		return { errors: [], customers: r.customers, defaultAsOf: r.asOf };
	} catch (e) {
		if (isClienteleError(e) && e.code === 'mapping.noUsableRows')
			return { errors: [new ClienteleError('ct.noRows', { file: file.fileName })], customers: 0, defaultAsOf: null };
		throw e;
	}
}
