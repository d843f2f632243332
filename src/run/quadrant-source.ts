/**
 * Which customer tables the KPI and journey views can group by: the RFM table (segments) and a
 * value-matrix quadrant table. The value view writes `value_matrix` (customer_id, quadrant, …); a
 * table of the same shape can also be brought in as `value_quadrants`. A `value_matrix` left over
 * from earlier transactions is passed in `ignore` until the value matrix has been computed for the
 * current ones (state/quadrants.svelte.ts says which).
 */
import { columnsSql, existingTablesSql } from '../core/sql/catalog.ts';
import type { QuadrantSource } from '../core/sql/kpi-survey.ts';
import { pickQuadrantColumn } from '../core/kpi/quadrants.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { Step } from './step.ts';
import { RFM_TABLE, VALUE_MATRIX_TABLE, VALUE_QUADRANTS_TABLE } from './tables.ts';

export type { QuadrantSource } from '../core/sql/kpi-survey.ts';

/** Tables with a value-matrix quadrant per customer_id, in order of preference. */
export const QUADRANT_TABLES = [VALUE_QUADRANTS_TABLE, VALUE_MATRIX_TABLE] as const;

export interface GroupSourceOptions {
	/** Quadrant tables not to use (a stale value_matrix). */
	ignore?: readonly string[];
}

export interface GroupSources {
	/** The RFM table exists (segments can be joined). */
	hasRfm: boolean;
	/** Where the value quadrants are (null: compute the value matrix first). */
	quadrant: QuadrantSource | null;
}

/** The first statement of findGroupSources: which of the candidate tables exist. */
function groupSourcesSql(o: GroupSourceOptions): Sql {
	return existingTablesSql([RFM_TABLE, ...candidates(o)]);
}

function candidates(o: GroupSourceOptions): string[] {
	return QUADRANT_TABLES.filter((t) => !o.ignore?.includes(t));
}

/** Whether the RFM table exists and the first usable quadrant table. */
export async function findGroupSources(db: DbClient, o: GroupSourceOptions = {}): Promise<GroupSources> {
	const names = (await db.query<{ name: string }>(groupSourcesSql(o))).rows.map((r) => r.name);
	return { hasRfm: names.includes(RFM_TABLE), quadrant: await firstQuadrantTable(db, candidates(o).filter((t) => names.includes(t))) };
}

/** The step of findGroupSources (its first statement says which tables it looks at). */
export function groupSourcesStep(o: GroupSourceOptions = {}): Step<GroupSources> {
	return { sql: groupSourcesSql(o), run: (db) => findGroupSources(db, o) };
}

/** The first usable quadrant table (null: compute the value matrix first). */
export async function findQuadrantSource(db: DbClient, o: GroupSourceOptions = {}): Promise<QuadrantSource | null> {
	return (await findGroupSources(db, o)).quadrant;
}

async function firstQuadrantTable(db: DbClient, tables: readonly string[]): Promise<QuadrantSource | null> {
	for (const table of tables) {
		const cols = (await db.query<{ name: string }>(columnsSql(table))).rows.map((r) => r.name);
		const column = cols.includes('customer_id') ? pickQuadrantColumn(cols) : null;
		if (column) return { table, column };
	}
	return null;
}
