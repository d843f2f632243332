/**
 * What the data grid reads for a loaded file: its text table with numbers and dates parsed as the
 * sniffer saw them (core/sql/typed-view.ts). Read through that view, every filter, count, page and
 * profile parsed the text again; a typed copy made once when the grid first opens (≈ 1 s) answers
 * them faster (1M rows, DuckDB-WASM in Node, quiet 2-core machine, 2026-12-06: two filters 121–147 ms
 * through the view against 42–46 ms on the copy, a number profile 260–484 ms against 207–225 ms). Files over GRID_COPY_MAX_CELLS keep the view: the copy would take
 * as much memory again as the text table.
 */
import { firstHitsSql, mayNarrow, NARROW_MAX_HITS, narrowedHitsSql, narrowsSql, needleSql, PROBE_ROWS, probeSql, restHitsSql } from '../core/grid/search-hits.ts';
import { hitRowsSql, rawSearchedSql, searchHitsSql, searchIndexSql, searchedSql, type SearchIndex } from '../core/sql/grid-filter.ts';
import { gridKinds, unparsedCountsOf, unparsedPart } from '../core/sql/grid-kinds.ts';
import { isTyped, typedPart, typedRawOf, typedRawSql, type TypedColumn } from '../core/sql/typed-view.ts';
import { mapSliced } from '../core/time-slice.ts';
import { ident, lit, sql, type Sql } from '../core/sql/sql.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import type { LoadedFile } from './loaded-file.ts';
import { gridCopyOf, gridHitsOf, gridHitsPrefix, gridSearchOf } from './tables.ts';

/** Above rows × columns this, the grid reads the text table through the parsing view (chosen: 5M rows × 10 columns). */
export const GRID_COPY_MAX_CELLS = 50_000_000;

/**
 * Above this many number and date columns, the grid reads every column as the text it is: the engine
 * spends ≈ 15–50 ms per parsed column on a statement whatever the rows (DuckDB-WASM in Node, a
 * 3-row file, load 6–9, 2026-12-06: reading 100 number columns typed 3.4–3.9 s, 250 columns 4.8–11 s,
 * 500 columns 8.7–27 s, 1,000 columns out of memory; the unparsed count as long again), so a
 * 10,000-column file never opened its grid. Such a file's numbers sort as text in the grid; the
 * analyses read their mapped columns as always.
 */
export const GRID_TYPED_MAX_COLUMNS = 200;

const asText = (columns: readonly TypedColumn[]): TypedColumn[] => columns.map((c) => (isTyped(c) ? { ...c, kind: 'text', number: null, date: null } : c));

/** Whether the grid reads `file`'s columns as text (too many typed columns to parse: GRID_TYPED_MAX_COLUMNS). */
export function gridTextOnly(file: LoadedFile): boolean {
	let n = 0;
	for (const c of file.sniff.columns) if (isTyped(c) && ++n > GRID_TYPED_MAX_COLUMNS) return true;
	return false;
}

/** One build per loaded file (a newer file is a new LoadedFile, so the copy is never stale). */
const made = new WeakMap<LoadedFile, Promise<Sql>>();

/**
 * The columns as the grid reads them (core/sql/grid-kinds.ts: a number or date column with a cell that
 * does not parse is text), counted once by build(); the sniffer's until then.
 */
const kinds = new WeakMap<LoadedFile, TypedColumn[]>();
const columnsOf = (file: LoadedFile): readonly TypedColumn[] => kinds.get(file) ?? (gridTextOnly(file) ? asText(file.sniff.columns) : file.sniff.columns);

/** Whether the grid reads a typed copy of `file` (else the parsing view, or the text for gridTextOnly). */
const copied = (file: LoadedFile) => !gridTextOnly(file) && file.rows * Math.max(1, file.sniff.columns.length) <= GRID_COPY_MAX_CELLS;

/**
 * What the grid (and the pivot) read for `file` once gridSource has made it: the typed copy, or the
 * parsing view for a file over the limit.
 */
export function gridSelect(file: LoadedFile): Sql {
	if (gridTextOnly(file)) return sql`SELECT * FROM ${ident(file.table)}`;
	return copied(file) ? sql`SELECT * FROM ${ident(gridCopyOf(file.table))}` : typedRawSql({ source: file.table, columns: columnsOf(file) });
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
	if (gridTextOnly(file)) {
		kinds.set(file, asText(file.sniff.columns));
		return gridSelect(file);
	}
	// One pass counting the typed columns' unparsed cells (1M rows × 8 columns: see README "Data grid").
	// The SQL is built column by column in slices (mapSliced): a file of 10,000 number columns has
	// ≈ 13 MB of it per statement, too long to build in one task of the page's main thread.
	const count = unparsedCountsOf(file.table, await mapSliced(file.sniff.columns, unparsedPart));
	const counts = count ? (await db.query(count)).rows[0] : null;
	const columns = gridKinds(file.sniff.columns, counts);
	kinds.set(file, columns);
	if (copied(file)) {
		// An index of an earlier copy of this table would be out of step with the new rows.
		await db.exec(dropTableSql(gridSearchOf(file.table)));
		const parts = await mapSliced(columns, typedPart);
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(gridCopyOf(file.table))} AS ${typedRawOf(file.table, parts)}`);
	}
	return gridSelect(file);
}

/**
 * Drops the grid's copy of `table` and its search index (a file no longer in use: its copy would
 * hold as much memory as its text again).
 */
export async function dropGridCopy(db: DbClient, table: string): Promise<void> {
	const hits = await db.query<{ t: string }>(
		sql`SELECT table_name AS t FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ${lit(gridHitsPrefix(table))})`
	);
	for (const { t } of hits.rows) await db.exec(dropTableSql(t));
	await db.exec(dropTableSql(gridSearchOf(table)));
	await db.exec(dropTableSql(gridCopyOf(table)));
}

const indexes = new WeakMap<LoadedFile, SearchIndex>();

/**
 * The data grid's quick search for `file`: every column matched by its text as written in the file
 * (the text table's), so a number column is searched too ('17850', a customer id). For a copied file,
 * an index (core/sql/grid-filter.ts searchIndexSql) made from the text table the first time the user
 * types a search; then every search is one string test per row (1M rows, DuckDB-WASM in Node, see
 * scripts/search-speed.ts). It costs one pass over the text table once (≈ 1 s at 1M rows) and one
 * lower-cased string per row (≈ the file's text again). Until it is made, for a text it cannot answer,
 * and for a file above GRID_COPY_MAX_CELLS (no index: its memory), the same rows column by column.
 * Once made, prepare(text) scans the index once and keeps the matching row numbers (a temporary table
 * per text, the one before kept for queries still queued, older ones dropped), so the grid's count and
 * pages read those few rows instead of scanning the index once each. A text typed on from a kept one
 * (`hea` → `heart`) tests only that search's rows (their text is kept with them when they are at most
 * NARROW_MAX_HITS): the same rows, without a scan of the index.
 */
export function gridSearchIndex(db: DbClient, file: LoadedFile): SearchIndex {
	let ix = indexes.get(file);
	if (!ix) {
		ix = makeIndex(db, file);
		indexes.set(file, ix);
	}
	return ix;
}

/**
 * Rows of the text table indexed per statement: the build is one statement per slice, so a query the
 * user starts meanwhile (a page while scrolling, a filter) waits for one slice, not the whole build
 * (1M rows, DuckDB-WASM in Node, load ≈ 12: a slice of 61,440 rows 0.11–0.51 s; all slices 5.3–5.7 s
 * against 3.6 s for the whole index in one statement; slices of 30,720 rows 0.06–0.64 s, 6.2–7.1 s in all).
 */
export const INDEX_SLICE_ROWS = 61_440;

/**
 * From this many rows the index is made ahead of the first search, in slices, once the grid has
 * opened (GridTools.init): searching by column costs about as much as making the index (≈ 0.3–1 s
 * a search at 1M rows), far under the 150 ms aim. Below, a search by column is quick enough; above
 * INDEX_AHEAD_MAX_CELLS the index (≈ the file's text again in memory) waits to be asked for.
 */
export const INDEX_AHEAD_MIN_ROWS = 200_000;
export const INDEX_AHEAD_MAX_CELLS = 20_000_000;

function makeIndex(db: DbClient, file: LoadedFile): SearchIndex {
	const table = gridCopyOf(file.table);
	const index = gridSearchOf(file.table);
	const names = file.sniff.columns.map((c) => c.name);
	let built: Promise<void> | null = null;
	let ready = false;
	/** The index's rows, once made. */
	let indexRows = 0;
	/** Rows of the text table indexed so far (-1: the index table not made yet); paused: stop after the slice under way. */
	let filled = -1;
	let paused = false;
	/** No slice starts before this time (Date.now()): the user is working in the grid (hold()). */
	let heldUntil = 0;
	/**
	 * The searches whose rows are kept: text → the hits table's number (gridHitsOf) and its row count,
	 * the one used longest ago first. The last two used: a query of the search before (the one on
	 * screen, perhaps typed again) may still be queued when the next one is made. `whole`: the table
	 * holds every hit's text (core/grid/search-hits.ts NARROW_MAX_HITS), so a search typed on reads it.
	 */
	const kept = new Map<string, { at: number; n: number; whole: boolean }>();
	let seq = 0;
	const build = async () => {
		await gridSource(db, file);
		const rows = Number((await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(file.table)}`)).rows[0]?.n ?? 0);
		if (filled < 0) {
			await db.exec(sql`CREATE OR REPLACE TABLE ${ident(index)} AS ${searchIndexSql(sql`SELECT * FROM ${ident(file.table)} LIMIT 0`, names)}`);
			filled = 0;
		}
		// In the text table's row order, the order the positional join and the rowids need.
		while (filled < rows) {
			for (let wait = heldUntil - Date.now(); wait > 0; wait = heldUntil - Date.now()) await new Promise((r) => setTimeout(r, wait));
			if (paused) throw new Error('search index paused');
			const part = sql`SELECT * FROM ${ident(file.table)} WHERE rowid >= ${lit(filled)} AND rowid < ${lit(filled + INDEX_SLICE_ROWS)}`;
			await db.exec(sql`INSERT INTO ${ident(index)} ${searchIndexSql(part, names)}`);
			filled += INDEX_SLICE_ROWS;
		}
		indexRows = rows;
		ready = true;
	};
	const counted = async (name: string) => {
		const r = (await db.query<{ n: number; last: number | null }>(sql`SELECT count(*) AS n, max(r) AS last FROM ${ident(name)}`)).rows[0];
		return { n: Number(r?.n ?? 0), last: r?.last == null ? -1 : Number(r.last) };
	};
	/**
	 * The kept search with every hit's text whose hits hold all of `t`'s (the user typed on from it:
	 * `hea` → `heart`; core/grid/search-hits.ts narrowsSql), the fewest first; null: none.
	 */
	const narrowable = async (t: string) => {
		const from = [...kept].filter(([k, v]) => v.whole && mayNarrow(k, t)).sort((a, b) => a[1].n - b[1].n);
		for (const [k, v] of from) if ((await db.query<{ ok: boolean }>(narrowsSql(k, t)!)).rows[0]?.ok === true) return v;
		return null;
	};
	/** Writes the hits of `t` into the table `name`: from a kept search's hits when it narrows one, else one scan of the index. */
	const findHits = async (name: string, t: string): Promise<{ n: number; whole: boolean }> => {
		const from = await narrowable(t);
		if (from) {
			try {
				await db.exec(sql`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${narrowedHitsSql({ from: gridHitsOf(file.table, from.at), text: t })!}`);
				return { n: (await counted(name)).n, whole: true };
			} catch {
				// Its table dropped meanwhile (a newer search kept): the index answers.
			}
		}
		// A text the index's first rows show to be in far more rows than are kept with their text (twice as many: a guess).
		const probed = indexRows > NARROW_MAX_HITS ? Number((await db.query<{ n: number }>(probeSql({ index, text: t })!)).rows[0]?.n ?? 0) : 0;
		if (probed * indexRows > 2 * NARROW_MAX_HITS * PROBE_ROWS) {
			// Found in far more rows than are kept with their text: by row number only, no text copied.
			await db.exec(sql`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${searchHitsSql({ index, text: t })!}`);
			return { n: (await counted(name)).n, whole: false };
		}
		await db.exec(sql`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${firstHitsSql({ index, text: t })!}`);
		const first = await counted(name);
		if (first.n < NARROW_MAX_HITS) return { n: first.n, whole: true };
		await db.exec(restHitsSql({ index, hits: name, text: t, after: first.last })!);
		const all = (await counted(name)).n;
		return { n: all, whole: all === first.n };
	};
	return {
		ensure() {
			if (!copied(file)) return Promise.resolve();
			paused = false;
			built ??= build();
			built.catch(() => (built = null));
			return built;
		},
		ahead: () => copied(file) && file.rows >= INDEX_AHEAD_MIN_ROWS && file.rows * Math.max(1, names.length) <= INDEX_AHEAD_MAX_CELLS,
		pause() {
			if (!ready) paused = true;
		},
		hold(ms) {
			heldUntil = Math.max(heldUntil, Date.now() + ms);
		},
		async prepare(text) {
			if (!ready || !needleSql(text)) return null;
			const t = text.trim();
			const known = kept.get(t);
			if (known) {
				// Typed again, it is the grid's search now: moved to the newest, so the next search's drop spares it.
				kept.delete(t);
				kept.set(t, known);
				return known.n;
			}
			const n = ++seq;
			const name = gridHitsOf(file.table, n);
			const found = await findHits(name, t);
			// A newer search started meanwhile: its table is the one to read (this one was never handed out).
			if (n !== seq) {
				await db.exec(dropTableSql(name));
				return null;
			}
			kept.set(t, { at: n, ...found });
			// The two searches used last stay (Map order: oldest use first), the others go.
			const gone = [...kept].slice(0, -2);
			for (const [k] of gone) kept.delete(k);
			for (const [, v] of gone) await db.exec(dropTableSql(gridHitsOf(file.table, v.at)));
			return found.n;
		},
		searched(text) {
			const at = ready ? kept.get(text.trim())?.at : undefined;
			if (at !== undefined) return hitRowsSql({ table, hits: gridHitsOf(file.table, at) });
			return (ready ? searchedSql({ table, index, text }) : null) ?? rawSearchedSql({ source: gridSelect(file), raw: file.table, columns: names, text });
		}
	};
}
