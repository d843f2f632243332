/**
 * The quick search's hits tables (run/grid-source.ts prepare): the row numbers `r` of a search index's
 * rows (core/sql/grid-filter.ts searchIndexSql) that contain a text, with the index row's text `s` for
 * up to NARROW_MAX_HITS of them, so a search typed on from it (`hea` → `heart`) tests those rows only
 * instead of the whole index. Every table holds its rows in the index's order (ascending `r`).
 */
import { caseless, INDEX_SEPARATOR, textLit } from '../sql/grid-filter.ts';
import { ident, lit, sql, type Sql } from '../sql/sql.ts';

/**
 * A search's hits keep their text only up to this many rows: a text found in more rows is rarely typed
 * on from (and testing its rows again costs about a scan of the index), while copying its text costs
 * time and memory (1M rows, DuckDB-WASM in Node: 950,000 rows' text ≈ 0.3 s more than their numbers).
 * Two hits tables are kept at most: ≤ 2 × 200,000 rows' text.
 */
export const NARROW_MAX_HITS = 200_000;

/**
 * What an index row must contain for the search `text`: the text lower-cased with the index's own
 * lower() (none for a caseless text, core/sql/grid-filter.ts caseless). Null when the index cannot
 * answer it (empty, or the column separator in it).
 */
export function needleSql(text: string): Sql | null {
	const t = text.trim();
	if (t === '' || t.includes(INDEX_SEPARATOR)) return null;
	return caseless(t) ? textLit(t) : sql`lower(${textLit(t)})`;
}

/** Rows of the index a probe reads (its first rows): probeSql. */
export const PROBE_ROWS = 20_000;

/**
 * `n`: how many of the index's first PROBE_ROWS rows hold the text (≈ 2 % of a scan at 1M rows): a
 * text found in many more rows than NARROW_MAX_HITS by this share is found by row number only
 * (searchHitsSql), without copying any text (≈ 1.2 µs a row in DuckDB-WASM at load 16–20, 2026-12-06:
 * 200,000 rows' text ≈ 0.25 s). A guess only: it chooses the way, never the rows.
 */
export function probeSql(o: { index: string; text: string }): Sql | null {
	const needle = needleSql(o.text);
	if (!needle) return null;
	return sql`SELECT count(*) AS n FROM (SELECT s FROM ${ident(o.index)} LIMIT ${lit(PROBE_ROWS)}) AS grid_p WHERE contains(s, ${needle})`;
}

/**
 * The first NARROW_MAX_HITS (or `limit`) hits of a search with their text (a LIMIT keeps the table's
 * order and stops the scan there). If as many are found, restHitsSql adds the others (without their text).
 */
export function firstHitsSql(o: { index: string; text: string; limit?: number }): Sql | null {
	const needle = needleSql(o.text);
	if (!needle) return null;
	return sql`SELECT rowid AS r, s FROM ${ident(o.index)} WHERE contains(s, ${needle}) LIMIT ${lit(o.limit ?? NARROW_MAX_HITS)}`;
}

/** Adds the hits after row `after` (firstHitsSql's last) to `hits`, without their text (the scan goes on from there). */
export function restHitsSql(o: { index: string; hits: string; text: string; after: number }): Sql | null {
	const needle = needleSql(o.text);
	if (!needle) return null;
	return sql`INSERT INTO ${ident(o.hits)} SELECT rowid AS r, CAST(NULL AS VARCHAR) AS s FROM ${ident(o.index)} WHERE rowid > ${lit(o.after)} AND contains(s, ${needle})`;
}

/**
 * The hits of the search `text` among those of an earlier search (`from`, a hits table with every
 * row's text): the same rows, in the same order, as a scan of the whole index when narrowsSql says so.
 */
export function narrowedHitsSql(o: { from: string; text: string }): Sql | null {
	const needle = needleSql(o.text);
	if (!needle) return null;
	return sql`SELECT r, s FROM ${ident(o.from)} WHERE contains(s, ${needle})`;
}

/**
 * Whether `text` may be typed on from `before` (a cheap test in JavaScript, before asking the engine:
 * narrowsSql decides).
 */
export function mayNarrow(before: string, text: string): boolean {
	const b = before.trim();
	const t = text.trim();
	return b !== '' && t !== b && (t.includes(b) || t.toLowerCase().includes(b.toLowerCase()));
}

/**
 * `ok`: whether every index row holding `text` holds `before` too — the needle of `text` contains the
 * needle of `before`, both made by the engine's own lower() as the search makes them (contains() is
 * transitive). Then `text`'s hits are those of `before`'s that hold it. Lower-casing is asked of the
 * engine, not assumed: a longer text's lower case need not contain a shorter one's (İ, ß, Σ).
 * Null when either text cannot use the index.
 */
export function narrowsSql(before: string, text: string): Sql | null {
	const b = needleSql(before);
	const t = needleSql(text);
	if (!b || !t) return null;
	return sql`SELECT contains(${t}, ${b}) AS ok`;
}
