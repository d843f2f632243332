/**
 * Value-matrix quadrants as the KPI and journey views group by them (pure): which column of a
 * brought-in table holds the quadrant, the matrix's order of the four ids, and their names.
 */
import { QUADRANTS, type Quadrant } from '../sql/value-matrix.ts';

/** The quadrant column of a quadrant table: 'quadrant' when present, else the first column named like one that is not the id. */
export function pickQuadrantColumn(columns: readonly string[]): string | null {
	if (columns.includes('quadrant')) return 'quadrant';
	return columns.find((c) => c !== 'customer_id' && /quadrant|象限/i.test(c)) ?? null;
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
export function quadrantLabel(q: string, t: (key: `value.quadrant.${Quadrant}`) => string): string {
	return isQuadrantId(q) ? t(`value.quadrant.${q}`) : q;
}

export function isQuadrantId(q: string): q is Quadrant {
	return (QUADRANTS as readonly string[]).includes(q);
}
