/**
 * Where the value-matrix quadrant of each customer lives, shared by the KPI and journey views.
 * The value view writes `value_matrix` (customer_id, quadrant, …); a table of the same shape can
 * also be brought in as `value_quadrants`. A `value_matrix` left over from earlier transactions is
 * ignored until the value matrix has been computed for the current ones (`fresh`).
 */
import { QUADRANTS, type Quadrant } from '../../core/sql/value-matrix.ts';
import type { DbClient } from '../../db/client.ts';
import type { Translate } from '../../i18n/translate.ts';
import { columnsSql, existingTablesSql, pickQuadrantColumn, QUADRANT_TABLES } from './kpi-queries.ts';

export interface QuadrantSource {
	table: string;
	column: string;
}

/** The first usable quadrant table (null: compute the value matrix first). */
export async function findQuadrantSource(db: DbClient, fresh: (table: string) => boolean): Promise<QuadrantSource | null> {
	const names = (await db.query<{ name: string }>(existingTablesSql(QUADRANT_TABLES))).rows.map((r) => r.name);
	for (const table of QUADRANT_TABLES.filter((t) => names.includes(t) && fresh(t))) {
		const cols = (await db.query<{ name: string }>(columnsSql(table))).rows.map((r) => r.name);
		const column = cols.includes('customer_id') ? pickQuadrantColumn(cols) : null;
		if (column) return { table, column };
	}
	return null;
}

/** Sort key of a group: the four quadrants in the matrix's order, other values after them by name, unknown (null) last. */
function rank(g: string | null): [number, string] {
	if (g === null) return [QUADRANTS.length + 1, ''];
	const i = (QUADRANTS as readonly string[]).indexOf(g);
	return [i < 0 ? QUADRANTS.length : i, g];
}

/** Rows ordered core, potential, general, low, then other values, then the unknown group. */
export function byQuadrantOrder<T extends { group: string | null }>(rows: readonly T[]): T[] {
	return [...rows].sort((a, b) => {
		const [ra, na] = rank(a.group);
		const [rb, nb] = rank(b.group);
		return ra - rb || na.localeCompare(nb);
	});
}

/** The quadrant ids present in a list of values, in the matrix's order. */
export function presentQuadrants(values: readonly (string | null)[]): string[] {
	return byQuadrantOrder(values.filter((v): v is string => v !== null).map((group) => ({ group }))).map((r) => r.group);
}

/** Display name of a quadrant id: the value view's catalogue name for the four ids, other values as they are. */
export function quadrantLabel(q: string, t: Translate): string {
	return isQuadrantId(q) ? t(`value.quadrant.${q}`) : q;
}

export function isQuadrantId(q: string): q is Quadrant {
	return (QUADRANTS as readonly string[]).includes(q);
}
