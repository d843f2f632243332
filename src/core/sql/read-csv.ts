/**
 * read_csv options: a file read as text columns, in the sniffed dialect, ragged rows handled as
 * asked. The import reads a file through loadRawSql (into the text table, or typed-first through
 * stageSelectSql) and counts its records through countRecordsSql (ragged.ts).
 */
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';

/** How a file is read: its registered name and the dialect the sniffer found. */
export interface CsvRead {
	/** Name the file is registered under in DuckDB. */
	fileName: string;
	delimiter: string;
	skipLines: number;
	hasHeader: boolean;
	/** Column names as sniffed (deduplicated); they name the table's columns. */
	columns: readonly string[];
}

export interface RawLoadOptions extends CsvRead {
	table: string;
	/**
	 * Rows whose field count differs from `columns` (ragged rows): absent, padded with NULL (the
	 * old behaviour); 'rejects', left out and recorded in the named temporary tables (one line per
	 * missing or extra field, with its byte position); 'ignore', left out unrecorded (cheapest when
	 * most rows are ragged: recording costs ≈ 20 µs per row).
	 */
	ragged?: { mode: 'rejects'; table: string; scan: string } | { mode: 'ignore' };
}

/**
 * read_csv(file, dialect, errors, every column VARCHAR): no type is guessed, ids keep their
 * leading zeros. `errors` is the option list for rows that do not fit (padding, rejects …).
 */
export function readCsvSql(o: CsvRead, errors: Sql): Sql {
	return sql`read_csv(${o.fileName},
		delim = ${o.delimiter}, quote = '"', escape = '"', header = ${o.hasHeader}, skip = ${o.skipLines},
		${errors}, auto_detect = false,
		columns = {${join(o.columns.map((c) => sql`${lit(c)}: 'VARCHAR'`))}})`;
}

/**
 * Loads the whole file as text columns: ids keep leading zeros, nothing is guessed twice, and the
 * typed transaction table is derived from it with our own parsers. rowid + 1 = data-row number.
 * `select` turns the file's rows (a read_csv call, FROM-able) into what the table holds instead:
 * the typed-first load parses them on the way in (stageSelectSql).
 */
export function loadRawSql(o: RawLoadOptions, select?: (csv: Sql) => Sql): Sql {
	const r = o.ragged;
	const errors =
		r === undefined
			? raw('null_padding = true')
			: r.mode === 'ignore'
				? raw('ignore_errors = true')
				: sql`store_rejects = true, rejects_table = ${r.table}, rejects_scan = ${r.scan}`;
	const csv = readCsvSql(o, errors);
	return sql`CREATE OR REPLACE TABLE ${ident(o.table)} AS ${select ? select(csv) : sql`SELECT * FROM ${csv}`}`;
}
