/**
 * The data grid's filters, quick search and computed columns as SQL over any SELECT. Settings are
 * plain JSON (GridView) so project files and saved customer lists can keep them. Every column name
 * goes through ident(), every value through lit() (text with NUL characters as chr(0) pieces).
 */
import { compileExpr } from '../expr/compile.ts';
import { duckTypeOf, type ComputedColumn, type ExprColumn } from '../expr/types.ts';
import { ident, join, lit, sql, type Sql } from './sql.ts';

export type GridFilter =
	| { column: string; kind: 'values'; values: (string | null)[] }
	| { column: string; kind: 'range'; min: number | null; max: number | null }
	| { column: string; kind: 'dateRange'; from: string | null; to: string | null }
	| { column: string; kind: 'contains' | 'startsWith'; text: string }
	| { column: string; kind: 'empty' | 'notEmpty' };

/** What the grid shows of a source: computed columns, filters (AND), quick search (plain JSON). */
export interface GridView {
	computed: ComputedColumn[];
	filters: GridFilter[];
	search: string;
}

export const EMPTY_VIEW: GridView = { computed: [], filters: [], search: '' };

/** A text literal; NUL characters (lit() refuses them) become chr(0). */
export function textLit(s: string): Sql {
	if (!s.includes('\u0000')) return lit(s);
	return sql`(${join(s.split('\u0000').map((p) => lit(p)), ' || chr(0) || ')})`;
}

const asText = (column: string) => sql`CAST(${ident(column)} AS VARCHAR)`;

/**
 * Whether lower-casing cannot change whether `needle` matches: none of its characters has another case
 * (digits, punctuation, Chinese — ids, phone numbers, names). Then no other character lower-cases to
 * one of them either (checked over every BMP character in DuckDB by the unit test), so the text need
 * not be lower-cased: 2.5–3× faster on 1M rows.
 */
export function caseless(needle: string): boolean {
	for (const ch of needle) if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) return false;
	return true;
}

/**
 * Case-insensitive "contains" / "starts with" by plain string functions on lower-cased text (none for
 * a caseless needle): no pattern, so % _ \\ in the text are just characters. Measured on 1M rows
 * (scripts/search-speed.ts): ~2.5× faster than ILIKE, ~1.5× faster than regexp_matches with (?i).
 */
const containsSql = (text: Sql, needle: string) =>
	caseless(needle) ? sql`contains(${text}, ${textLit(needle)})` : sql`contains(lower(${text}), lower(${textLit(needle)}))`;
const startsSql = (text: Sql, needle: string) =>
	caseless(needle) ? sql`starts_with(${text}, ${textLit(needle)})` : sql`starts_with(lower(${text}), lower(${textLit(needle)}))`;

/** One filter as a condition. */
export function filterCondition(f: GridFilter): Sql {
	const c = ident(f.column);
	switch (f.kind) {
		case 'values': {
			const vals = f.values.filter((v): v is string => v !== null);
			const parts: Sql[] = [];
			if (vals.length > 0) parts.push(sql`${asText(f.column)} IN (${join(vals.map(textLit))})`);
			if (vals.length < f.values.length) parts.push(sql`${c} IS NULL`);
			return parts.length === 0 ? sql`FALSE` : sql`(${join(parts, ' OR ')})`;
		}
		case 'range': {
			const parts = [sql`${c} IS NOT NULL`];
			if (f.min !== null) parts.push(sql`${c} >= ${lit(f.min)}`);
			if (f.max !== null) parts.push(sql`${c} <= ${lit(f.max)}`);
			return sql`(${join(parts, ' AND ')})`;
		}
		case 'dateRange': {
			const parts = [sql`${c} IS NOT NULL`];
			if (f.from !== null) parts.push(sql`${c} >= CAST(${lit(isoDay(f.from))} AS DATE)`);
			if (f.to !== null) parts.push(sql`${c} < CAST(${lit(isoDay(f.to))} AS DATE) + INTERVAL 1 DAY`);
			return sql`(${join(parts, ' AND ')})`;
		}
		case 'contains':
			return sql`coalesce(${containsSql(asText(f.column), f.text)}, FALSE)`;
		case 'startsWith':
			return sql`coalesce(${startsSql(asText(f.column), f.text)}, FALSE)`;
		case 'empty':
			return sql`(${c} IS NULL OR trim(${asText(f.column)}) = '')`;
		case 'notEmpty':
			return sql`(${c} IS NOT NULL AND trim(${asText(f.column)}) <> '')`;
	}
}

function isoDay(s: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
	return s;
}

/** Quick search: any of the text columns contains the text (case-insensitive, taken literally); none: no condition. */
export function searchCondition(text: string, textColumns: readonly string[]): Sql | null {
	const t = text.trim();
	if (t === '' || textColumns.length === 0) return null;
	return sql`coalesce(${join(textColumns.map((c) => containsSql(ident(c), t)), ' OR ')}, FALSE)`;
}

/** What separates the columns in a search index's text (a needle holding it cannot use the index). */
export const INDEX_SEPARATOR = '\u001f';

/**
 * A search index of `source`: per row, its text columns lower-cased and joined by INDEX_SEPARATOR (NULLs
 * left out), in the source's row order, for searchedSql's positional join.
 */
export function searchIndexSql(source: Sql, textColumns: readonly string[]): Sql {
	const cols = textColumns.length ? join(textColumns.map((c) => ident(c))) : sql`NULL`;
	return sql`SELECT lower(concat_ws(chr(${lit(INDEX_SEPARATOR.charCodeAt(0))}), ${cols})) AS s FROM (${source}) AS grid_ix`;
}

/**
 * The rows of `table` whose search index row (a table made by searchIndexSql from it, same row order)
 * contains the text: the same rows as searchCondition over the indexed columns, one string test per
 * row instead of one lower() per column (≈ 4× faster on 1M rows). Null when the text is empty or
 * holds the separator (then use searchCondition).
 */
export function searchedSql(o: { table: string; index: string; text: string }): Sql | null {
	const t = o.text.trim();
	if (t === '' || t.includes(INDEX_SEPARATOR)) return null;
	const needle = caseless(t) ? textLit(t) : sql`lower(${textLit(t)})`;
	return sql`SELECT grid_t.* FROM ${ident(o.table)} AS grid_t POSITIONAL JOIN ${ident(o.index)} AS grid_s WHERE contains(grid_s.s, ${needle})`;
}

/**
 * The row numbers (`r`, the rowid) of `index`'s rows (a table made by searchIndexSql, in its table's
 * row order) that contain the text: the matching rows found in one scan, kept in a small table so the
 * grid's count and every page read them instead of scanning the index again (hitRowsSql). Null when
 * searchedSql is (empty text, or the separator in it).
 */
export function searchHitsSql(o: { index: string; text: string }): Sql | null {
	const t = o.text.trim();
	if (t === '' || t.includes(INDEX_SEPARATOR)) return null;
	const needle = caseless(t) ? textLit(t) : sql`lower(${textLit(t)})`;
	return sql`SELECT rowid AS r FROM ${ident(o.index)} WHERE contains(s, ${needle})`;
}

/**
 * The rows of `table` whose rowid a hits table (searchHitsSql's result over `table`'s index) holds, in
 * `table`'s order: searchedSql's rows without scanning the index (1M rows, a rare text: count and first
 * page 5–30 ms each instead of a scan of 0.3–1 s each; scripts/search-speed.ts).
 */
export function hitRowsSql(o: { table: string; hits: string }): Sql {
	return sql`SELECT grid_t.* FROM ${ident(o.table)} AS grid_t WHERE grid_t.rowid IN (SELECT r FROM ${ident(o.hits)})`;
}

/**
 * The rows of `source` whose row in `raw` (a table in the same row order: a loaded file's text table)
 * has a column containing the text, tested column by column: the search index's rows without the
 * index (numbers and dates matched by their text as written in the file). Null for an empty text.
 */
export function rawSearchedSql(o: { source: Sql; raw: string; columns: readonly string[]; text: string }): Sql | null {
	const t = o.text.trim();
	if (t === '') return null;
	const cond = o.columns.length ? join(o.columns.map((c) => containsSql(sql`grid_r.${ident(c)}`, t)), ' OR ') : sql`FALSE`;
	return sql`SELECT grid_t.* FROM (${o.source}) AS grid_t POSITIONAL JOIN ${ident(o.raw)} AS grid_r WHERE coalesce(${cond}, FALSE)`;
}

/** A grid source's quick-search index (run/grid-source.ts makes the data grid's). */
export interface SearchIndex {
	/** Makes the index over these text columns (once; later calls wait for the same build). */
	ensure(textColumns: readonly string[]): Promise<void>;
	/**
	 * The rows of the source the search leaves (null: no search). The data grid's answers every text:
	 * through the index once made, column by column over the file's text before (same rows).
	 */
	searched(text: string): Sql | null;
	/**
	 * Finds the text's rows once (after ensure): later searched(text) reads them, and the number found
	 * is returned (the grid's row count without a scan). Null: nothing kept (searched() scans).
	 */
	prepare?(text: string): Promise<number | null>;
	/** Whether to make the index ahead of the first search (a large file it pays for). */
	ahead?(): boolean;
	/** Stops a build under way after its current slice (ensure() goes on from there). */
	pause?(): void;
	/**
	 * The user is working in the grid: no new slice of a build under way starts for `ms` (each of a
	 * filter's statements would otherwise wait for a slice: count, then the first page).
	 */
	hold?(ms: number): void;
}

/** The source with its computed columns added (a SELECT over it, never a copy). */
export function withComputedSql(source: Sql, computed: readonly ComputedColumn[], columns: readonly ExprColumn[]): Sql {
	if (computed.length === 0) return source;
	const known = [...columns];
	const exprs = computed.map((c) => {
		const e = compileExpr(c.expr, known);
		known.push({ name: c.name, type: duckTypeOf(e.type) });
		return sql`${e.sql} AS ${ident(c.name)}`;
	});
	return sql`SELECT *, ${join(exprs)} FROM (${source}) AS grid_base`;
}

/** All conditions of a view (filters except `except`'s, search) AND-combined; TRUE when none. */
export function whereSql(o: { filters: readonly GridFilter[]; search?: string; textColumns?: readonly string[]; except?: string }): Sql {
	const conds = o.filters.filter((f) => f.column !== o.except).map(filterCondition);
	const s = searchCondition(o.search ?? '', o.textColumns ?? []);
	if (s) conds.push(s);
	return conds.length === 0 ? sql`TRUE` : join(conds, ' AND ');
}

/** The rows the grid shows: the source's rows that pass every filter and the search. */
export function filteredSql(o: { source: Sql; filters: readonly GridFilter[]; search?: string; textColumns?: readonly string[] }): Sql {
	if (o.filters.length === 0 && !searchCondition(o.search ?? '', o.textColumns ?? [])) return o.source;
	return sql`SELECT * FROM (${o.source}) AS grid_f WHERE ${whereSql(o)}`;
}

/**
 * A column's values with their counts among the rows the other filters and the search leave, most
 * frequent first, optionally only those containing `match`; NULL is the empty value.
 */
export function valueCountsSql(o: {
	source: Sql;
	column: string;
	filters: readonly GridFilter[];
	search?: string;
	textColumns?: readonly string[];
	match?: string;
	limit: number;
}): Sql {
	const where = whereSql({ ...o, except: o.column });
	const m = (o.match ?? '').trim();
	const matching = m === '' ? sql`TRUE` : containsSql(sql`v`, m);
	return sql`SELECT v, count(*) AS n FROM (SELECT ${asText(o.column)} AS v FROM (${o.source}) AS grid_f WHERE ${where}) AS grid_v
		WHERE ${matching} GROUP BY v ORDER BY n DESC, v NULLS FIRST LIMIT ${lit(o.limit)}`;
}

/** The distinct customers of the rows a view leaves (a saved customer list's members). */
export function customerListSql(o: { source: Sql; customer: string }): Sql {
	return sql`SELECT DISTINCT ${ident(o.customer)} AS customer_id FROM (${o.source}) AS grid_l WHERE ${ident(o.customer)} IS NOT NULL`;
}
