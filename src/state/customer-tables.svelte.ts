/**
 * The customer tables the KPI and journey views group by — the RFM table (segments) and a value
 * quadrant table — as those views' queries see them: versions that change when a table is rebuilt,
 * and the quadrant tables not to use yet.
 *
 * `value_matrix` belongs to the current transactions only once the value-matrix view has computed
 * it for the current RFM run (a table from earlier data is stale). That view hands its matrix model
 * over through provideMatrixModel, so no other view needs to import it.
 */
import type { DbClient } from '../db/client.ts';
import { VALUE_MATRIX_TABLE } from '../run/tables.ts';
import { analysis } from './analysis.svelte.ts';
import { session } from './session.svelte.ts';

type Run = NonNullable<typeof analysis.rfm>;
type MatrixOf = (rfm: Run, db: DbClient) => { readonly version: number };

const provided: { matrixOf: MatrixOf | null } = { matrixOf: null };

/** Called once, when the value-matrix view loads: its matrix model of an RFM run (`version` > 0 once computed). */
export function provideMatrixModel(f: MatrixOf): void {
	provided.matrixOf = f;
}

/**
 * The matrix model of the current RFM run. It is made here, in a derived of its own: a reaction does
 * not follow state it creates itself, so a query that made the model while asking would never see
 * its version change.
 */
const currentMatrix = $derived(analysis.rfm && session.db && provided.matrixOf ? provided.matrixOf(analysis.rfm, session.db) : null);

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
