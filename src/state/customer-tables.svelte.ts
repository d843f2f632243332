/**
 * The customer tables the KPI and journey views group by — the RFM table (segments) and a value
 * quadrant table — as those views' queries see them: versions that change when a table is rebuilt,
 * and the quadrant tables not to use yet.
 *
 * `value_matrix` belongs to the current transactions only once the value-matrix view has computed
 * it for the current RFM run (a table from earlier data is stale). App.svelte publishes the matrix
 * model as analysis.matrix, so no other view needs to import it.
 */
import { VALUE_MATRIX_TABLE } from '../run/tables.ts';
import { analysis } from './analysis.svelte.ts';

/** The matrix model of the current RFM run (App.svelte makes it on first ask). */
const currentMatrix = $derived(analysis.matrix?.() ?? null);

/** Whether a quadrant table belongs to the current transactions (reactive: a view that asks follows it). */
export function quadrantTableFresh(table: string): boolean {
	return table !== VALUE_MATRIX_TABLE || (currentMatrix?.version ?? 0) > 0;
}

export interface CustomerTables {
	/** Change when the customer tables are rebuilt: the RFM run, its version and status. */
	versions: readonly unknown[];
	/** Quadrant tables not to use (a value_matrix from earlier transactions). */
	ignore: readonly string[];
}

/** The customer tables now (reactive). */
export function customerTables(): CustomerTables {
	const rfm = analysis.rfm;
	return { versions: [rfm, rfm?.version, rfm?.status], ignore: quadrantTableFresh(VALUE_MATRIX_TABLE) ? [] : [VALUE_MATRIX_TABLE] };
}
