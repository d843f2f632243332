/**
 * What the data grid reads for a loaded file: its text table with numbers and dates parsed as the
 * sniffer saw them (core/sql/typed-view.ts). Read through that view, every filter, count, page and
 * profile parsed the text again; a typed copy made once when the grid first opens (≈ 1 s) answers
 * them faster (1M rows, DuckDB-WASM in Node, quiet 2-core machine, 2026-12-06: two filters 121–147 ms
 * through the view against 42–46 ms on the copy, a number profile 260–484 ms against 207–225 ms). Files over GRID_COPY_MAX_CELLS keep the view: the copy would take
 * as much memory again as the text table.
 */
import { typedRawSql } from '../core/sql/typed-view.ts';
import { ident, sql, type Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from './loaded-file.ts';
import { gridCopyOf } from './tables.ts';

/** Above rows × columns this, the grid reads the text table through the parsing view (chosen: 5M rows × 10 columns). */
export const GRID_COPY_MAX_CELLS = 50_000_000;

/** One build per loaded file (a newer file is a new LoadedFile, so the copy is never stale). */
const made = new WeakMap<LoadedFile, Promise<Sql>>();

/** Whether the grid reads a typed copy of `file` (else the parsing view). */
const copied = (file: LoadedFile) => file.rows * Math.max(1, file.sniff.columns.length) <= GRID_COPY_MAX_CELLS;

/**
 * What the grid (and the pivot) read for `file` once gridSource has made it: the typed copy, or the
 * parsing view for a file over the limit.
 */
export function gridSelect(file: LoadedFile): Sql {
	return copied(file) ? sql`SELECT * FROM ${ident(gridCopyOf(file.table))}` : typedRawSql({ source: file.table, columns: file.sniff.columns });
}

/** Makes the grid's source for `file` once (its text table must exist: ensureText) and gives its SELECT. */
export function gridSource(db: DbClient, file: LoadedFile): Promise<Sql> {
	let p = made.get(file);
	if (!p) {
		p = build(db, file);
		made.set(file, p);
		p.catch(() => made.delete(file));
	}
	return p;
}

async function build(db: DbClient, file: LoadedFile): Promise<Sql> {
	if (copied(file)) await db.exec(sql`CREATE OR REPLACE TABLE ${ident(gridCopyOf(file.table))} AS ${typedRawSql({ source: file.table, columns: file.sniff.columns })}`);
	return gridSelect(file);
}
