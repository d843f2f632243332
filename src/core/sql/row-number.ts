/**
 * The data-row number of a text table's row. DuckDB's `rowid` pseudo-column (insertion order, so
 * rowid + 1 = data-row number) is hidden by a real column of that name (`rowid`, `RowID` …: names
 * are case-insensitive); a file with such a header is numbered by row_number() OVER () instead —
 * the table is scanned in insertion order (preserve_insertion_order, one thread), as the typed-first
 * load already relies on for the file itself.
 */
import { raw, type Sql } from './sql.ts';

/** Whether a column of this name hides DuckDB's rowid pseudo-column. */
export function hidesRowid(column: string): boolean {
	return column.toLowerCase() === 'rowid';
}

/** The 1-based data-row number over a table with these columns. */
export function rowNumberSql(columns: readonly string[]): Sql {
	return columns.some(hidesRowid) ? raw('row_number() OVER ()') : raw('rowid + 1');
}
