import type { DbClient } from '../../db/client.ts';
import { provideMatrixModel } from '../../state/customer-tables.svelte.ts';
import type { RfmRun } from '../../state/analysis.svelte.ts';
import { ClvModel } from './clv-model.svelte.ts';
import { MatrixModel } from './matrix-model.svelte.ts';

export interface ValueModels {
	clv: ClvModel;
	matrix: MatrixModel;
}

/** One pair of models per RFM run (i.e. per typed transaction table), kept across tab switches. */
const byRun = new WeakMap<RfmRun, ValueModels>();

export function valueModelsFor(rfm: RfmRun, db: DbClient): ValueModels {
	let m = byRun.get(rfm);
	if (!m) {
		m = { clv: new ClvModel(db), matrix: new MatrixModel(db) };
		byRun.set(rfm, m);
	}
	return m;
}

// The KPI and journey views group by value_matrix once it has been computed for the current RFM run.
provideMatrixModel((rfm, db) => valueModelsFor(rfm, db).matrix);
