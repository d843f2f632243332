import { readCsvSql, type CsvRead } from './read-csv.ts';
import { ident, join, raw, sql, type Sql } from './sql.ts';

/**
 * Ragged rows (a field count other than the header's) after a loadRawSql read: DuckDB's rejects
 * table summarised, or the records counted by a lenient second read. See src/run/ragged.ts.
 */

/** DuckDB's reject types for a row with too few or too many fields. */
const RAGGED_TYPES = sql`('MISSING COLUMNS', 'TOO MANY COLUMNS')`;
/** A whitespace-only line is read as a one-field row: blank, not ragged. */
const NOT_BLANK = sql`trim(csv_line, ${' \t\r\n'}) <> ''`;

/**
 * The ragged rows of a load with `ragged: { mode: 'rejects' }`: one row per ragged row (DuckDB
 * records one line per missing or extra field), in file order, the first `limit` only. `pos` is
 * the byte where DuckDB saw the row start (give or take its line break), `found` the fields read.
 */
export function raggedRowsSql(o: { rejects: string; limit: number }): Sql {
	return sql`SELECT line_byte_position AS pos, min(line) AS line,
			CASE WHEN bool_or(error_type = 'TOO MANY COLUMNS') THEN max(column_idx) ELSE min(column_idx) END AS found
		FROM ${ident(o.rejects)} WHERE error_type IN ${RAGGED_TYPES} AND ${NOT_BLANK}
		GROUP BY line_byte_position ORDER BY pos LIMIT ${o.limit}`;
}

/** How many ragged rows, and the first reject that is something else (an unclosed quote …). */
export function rejectSummarySql(o: { rejects: string }): Sql {
	const t = ident(o.rejects);
	return sql`SELECT
		(SELECT count(DISTINCT line_byte_position) FROM ${t} WHERE error_type IN ${RAGGED_TYPES} AND ${NOT_BLANK}) AS ragged,
		(SELECT min(line) FROM ${t} WHERE error_type NOT IN ${RAGGED_TYPES}) AS "otherLine",
		(SELECT arg_min(error_message, line) FROM ${t} WHERE error_type NOT IN ${RAGGED_TYPES}) AS "otherMessage"`;
}

/**
 * Every non-blank record of the file, however many fields it has (null padding, lenient; DuckDB
 * pads only on its serial reader when values hold line breaks): with the rows an `ignore` load
 * kept, it gives the number of ragged rows it left out.
 */
export function countRecordsSql(o: CsvRead): Sql {
	const [first, ...rest] = o.columns.map((c) => ident(c));
	const blank = join([sql`coalesce(trim(${first!}), '') = ''`, ...rest.map((c) => sql`${c} IS NULL`)], ' AND ');
	const lenient = raw('null_padding = true, strict_mode = false, parallel = false');
	return sql`SELECT count(*) FILTER (WHERE NOT (${blank})) AS n FROM ${readCsvSql(o, lenient)}`;
}

/** The count of countRecordsSql kept in a table (the read is cancellable; the table is read after). */
export function countRecordsIntoSql(o: { read: CsvRead; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS ${countRecordsSql(o.read)}`;
}
