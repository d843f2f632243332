/**
 * Migration between groups in the plan evaluation (绩效评估): each cohort customer's group at the
 * plan's start (the action list's) against their group recomputed, with the same settings, at the
 * after period's last day. Pure: the matrix rows come from core/sql/evaluate-migration.ts.
 *
 * Up / same / down needs an order of the groups, best first:
 * - grading tiers: the standard's order (highest minimum first); the ungraded are outside it;
 * - lifecycle stages: by how engaged the customer is, active → new → silent → churned → potential
 *   (STAGE_MOVE_ORDER) — not a value order, but "up" then reads "bought more recently";
 * - RFM segments and value-matrix quadrants: none — only same / changed.
 * A move from or to a group outside the order (ungraded, not found at the end) is "changed".
 */

/** One cell of the matrix: the customers who were in `group_from` and are now in `group_to`. */
export type MigrationRow = {
	group_from: string;
	group_to: string;
	customers: number;
	contacted: number;
	control: number;
};

/** Lifecycle stages, most engaged first (the order up / down is read in). */
export const STAGE_MOVE_ORDER = ['active', 'new', 'silent', 'churned', 'potential'] as const;

export type MoveCounts = { up: number; same: number; down: number; changed: number; total: number };
export type MigrationMoves = { all: MoveCounts; contacted: MoveCounts; control: MoveCounts };

const zero = (): MoveCounts => ({ up: 0, same: 0, down: 0, changed: 0, total: 0 });

/** How a customer moved from `from` to `to`, given the order (best first) or none. */
export function moveOf(from: string, to: string, order: readonly string[] | null): 'up' | 'same' | 'down' | 'changed' {
	if (from === to) return 'same';
	const a = order ? order.indexOf(from) : -1;
	const b = order ? order.indexOf(to) : -1;
	if (a < 0 || b < 0) return 'changed';
	return b < a ? 'up' : 'down';
}

/** Up / same / down / changed counts, for everyone and for each side (contacted, control). */
export function migrationMoves(rows: readonly MigrationRow[], order: readonly string[] | null): MigrationMoves {
	const m: MigrationMoves = { all: zero(), contacted: zero(), control: zero() };
	for (const r of rows) {
		const k = moveOf(r.group_from, r.group_to, order);
		for (const [side, n] of [['all', r.customers], ['contacted', r.contacted], ['control', r.control]] as const) {
			m[side][k] += n;
			m[side].total += n;
		}
	}
	return m;
}

function byOrder(order: readonly string[] | null): (a: string, b: string) => number {
	const rank = (g: string) => {
		const i = order ? order.indexOf(g) : -1;
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Rows by the order (groups outside it after, by name), then by name: the CLI's and the page's order. */
export function sortMigration(rows: readonly MigrationRow[], order: readonly string[] | null): MigrationRow[] {
	const cmp = byOrder(order);
	return [...rows].sort((x, y) => cmp(x.group_from, y.group_from) || cmp(x.group_to, y.group_to));
}

/** The groups present as rows (group_from) or columns (group_to) of the matrix, in that order. */
export function migrationGroups(rows: readonly MigrationRow[], key: 'group_from' | 'group_to', order: readonly string[] | null): string[] {
	return [...new Set(rows.map((r) => r[key]))].sort(byOrder(order));
}

/** The CLI's `--migration` columns (README: "Evaluation / 绩效评估"), a contract. */
export const MIGRATION_COLUMNS = ['group_from', 'group_to', 'customers', 'contacted', 'control'] as const;

/** The matrix cells of one side (everyone, contacted or control) with each cell's share of its row. */
export function migrationCells(rows: readonly MigrationRow[], side: 'customers' | 'contacted' | 'control'): { from: string; to: string; customers: number; row_share: number }[] {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.group_from, (totals.get(r.group_from) ?? 0) + r[side]);
	return rows
		.filter((r) => r[side] > 0)
		.map((r) => ({ from: r.group_from, to: r.group_to, customers: r[side], row_share: r[side] / totals.get(r.group_from)! }));
}

/** Of several namings of a basis's groups (one per language), the one that names most of the list's groups (ties: the first). */
export function bestNaming<T extends { names: readonly string[] }>(groups: readonly string[], candidates: readonly T[]): T | null {
	let best: T | null = null;
	let hits = -1;
	for (const c of candidates) {
		const n = groups.filter((g) => c.names.includes(g)).length;
		if (n > hits) [best, hits] = [c, n];
	}
	return best;
}
