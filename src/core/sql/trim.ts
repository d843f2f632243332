import { sql, type Sql } from './sql.ts';

/**
 * trim() (DuckDB's: the Unicode space separators, not tabs), skipped where it cannot change the text:
 * a first character that is printable ASCII, no trailing space, and no non-ASCII character (so no
 * Unicode space at the end). Most cells need nothing: the test costs ≈ 10 ms per million cells on
 * native DuckDB, trim() ≈ 40 ms.
 */
export function trimSql(e: Sql): Sql {
	return sql`(CASE WHEN ascii(${e}) BETWEEN 33 AND 127 AND NOT ends_with(${e}, ' ') AND strlen(${e}) = length(${e}) THEN ${e} ELSE trim(${e}) END)`;
}

/**
 * NULL, or nothing left after trim(): a blank cell. Text trim() can empty starts with a space (ASCII or
 * a Unicode space, all above 127), so trim() runs only on those.
 */
export function blankSql(e: Sql): Sql {
	return sql`(${e} IS NULL OR ${e} = '' OR ((ascii(${e}) = 32 OR ascii(${e}) > 127) AND trim(${e}) = ''))`;
}
