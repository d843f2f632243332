/**
 * The pivot table's runner: the source's fields and their kinds (DESCRIBE, no scan), then the column
 * keys (capped) and the one grouping-sets statement of core/sql/pivot.ts. Rows come back typed: the
 * row keys, the depth (cell row, subtotal, grand total) and the value columns with what they show.
 */
import type { Sql } from '../core/sql/sql.ts';
import { ident, sql } from '../core/sql/sql.ts';
import { describeSql } from '../core/sql/grid.ts';
import {
	checkPivot,
	fieldKind,
	PIVOT_COLUMN_CAP,
	PIVOT_ROW_CAP,
	pivotKeysSql,
	pivotSql,
	valueColumn,
	valueColumns,
	type PivotField,
	type PivotSpec
} from '../core/sql/pivot.ts';
import type { DbClient, Row } from '../db/client.ts';

export type PivotKey = string | number | boolean | null;

/** A value column: its id in the rows, the column key it is under (null: the total over all columns), the value's index in spec.values. */
export interface PivotColumn {
	id: string;
	key: PivotKey[] | null;
	value: number;
}

export interface PivotRow {
	/** The row fields' keys (those beyond `depth` are not grouped: null). */
	keys: PivotKey[];
	/** Row fields grouped by: spec.rows.length for a cell row, fewer for a subtotal, 0 for the grand total. */
	depth: number;
	values: Record<string, number | null>;
}

export interface PivotResult {
	spec: PivotSpec;
	fields: PivotField[];
	columns: PivotColumn[];
	/** In the statement's order, the grand total (when shown) last. */
	rows: PivotRow[];
	/** Distinct column keys in the data, and how many are shown (at most PIVOT_COLUMN_CAP). */
	keyCount: number;
	keysShown: number;
	/** Result rows in all (more than rows.length when the row cap cut them). */
	rowCount: number;
}

/** A loaded table as a pivot's source. */
export function tableSource(table: string): Sql {
	return sql`SELECT * FROM ${ident(table)}`;
}

/** The source's fields and their kinds, without reading its rows. */
export async function pivotFields(db: DbClient, source: Sql): Promise<PivotField[]> {
	const r = await db.query<{ column_name: string; column_type: string }>(describeSql(source));
	return r.rows.map((x) => ({ name: x.column_name, kind: fieldKind(x.column_type) }));
}

export async function runPivot(db: DbClient, o: { source: Sql; spec: PivotSpec; fields: readonly PivotField[]; rowCap?: number }): Promise<PivotResult> {
	const { spec, fields } = o;
	checkPivot(spec, fields);
	const m = spec.columns.length;
	let keys: PivotKey[][] = [];
	let keyCount = 0;
	if (m) {
		const kr = await db.query<Row>(pivotKeysSql({ source: o.source, spec, fields, cap: PIVOT_COLUMN_CAP }));
		keys = kr.rows.map((row) => spec.columns.map((_, i) => row[`c${i}`] ?? null));
		keyCount = Number(kr.rows[0]?.n_keys ?? 0);
	}
	const rowCap = o.rowCap ?? PIVOT_ROW_CAP;
	const res = await db.query<Row>(pivotSql({ source: o.source, spec, fields, keys: keys.length, rowCap }));
	const ids = valueColumns(spec, keys.length);
	const columns: PivotColumn[] = ids.map((id) => {
		const [, key, j] = /^(?:c(\d+)|t)_v(\d+)$/.exec(id)!;
		return { id, key: key === undefined ? null : keys[Number(key)]!, value: Number(j) };
	});
	const rowCount = Number(res.rows[0]?.n_rows ?? 0);
	const rows: PivotRow[] = res.rows.slice(0, rowCap).map((row) => ({
		keys: spec.rows.map((_, i) => row[`r${i}`] ?? null),
		depth: Number(row.depth),
		values: Object.fromEntries(ids.map((id) => [id, row[id] === null || row[id] === undefined ? null : Number(row[id])]))
	}));
	// The statement puts the grand total first (a row cap never drops it); it is read last.
	const grand = rows.findIndex((x) => x.depth === 0 && spec.rows.length > 0);
	if (grand >= 0) rows.push(...rows.splice(grand, 1));
	return { spec, fields: [...fields], columns, rows, keyCount, keysShown: keys.length, rowCount };
}

export { valueColumn };
