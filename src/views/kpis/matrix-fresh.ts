import { analysis } from '../analysis.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { VALUE_MATRIX_TABLE } from '../../run/tables.ts';
import { valueModelsFor } from '../value-matrix/models.ts';

/**
 * Whether a quadrant table belongs to the current transactions: `value_matrix` only once the value
 * view has computed it for the current RFM run (a table from earlier data is stale); other tables
 * are taken as they are. Reads reactive state, so a view that calls it reruns when it changes.
 */
export function quadrantTableFresh(table: string): boolean {
	if (table !== VALUE_MATRIX_TABLE) return true;
	const rfm = analysis.rfm;
	const db = session.db;
	return !!(rfm && db && valueModelsFor(rfm, db).matrix.version > 0);
}
