/**
 * The CLI's CSV, written by SQL: the same cells core/export/csv.ts's toCsv writes from the rows the
 * engine returns (numbers in JavaScript's shortest form, money rounded half away from zero on that
 * form, formula-looking text neutralised, PapaParse's quoting, CRLF line ends), as one text column
 * per line, so `COPY (…) TO 'out.csv' (HEADER, QUOTE '', ESCAPE '')` writes the file byte for byte.
 */
import { toCsv } from '../export/csv.ts';
import { ident, join, raw, sql, type Sql } from '../sql/sql.ts';

export interface OutputColumn {
	name: string;
	/** The engine's type as the Node client names it: VARCHAR, BIGINT, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMP. */
	type: string;
}

/** JavaScript's String(n) of a DOUBLE expression (integers without ".0", exponents without leading zeros). */
export function jsNumberSql(e: Sql): Sql {
	const d = sql`CAST(${e} AS DOUBLE)`;
	return sql`CASE WHEN isnan(${d}) THEN 'NaN' WHEN isinf(${d}) THEN CASE WHEN ${d} > 0 THEN 'Infinity' ELSE '-Infinity' END
		WHEN ${d} = trunc(${d}) AND abs(${d}) < 1e21 THEN CAST(CAST(${d} AS HUGEINT) AS VARCHAR)
		ELSE regexp_replace(CAST(${d} AS VARCHAR), 'e([+-])0*([0-9])', 'e\1\2') END`;
}

/** core/export/money.ts's roundMoney: half away from zero at 2 decimals on the shortest decimal form, shortest result. */
export function moneySql(e: Sql): Sql {
	const d = sql`CAST(${e} AS DOUBLE)`;
	const rounded = sql`CAST(round(CAST(CAST(${d} AS VARCHAR) AS DECIMAL(38, 20)), 2) AS VARCHAR)`;
	const short = sql`regexp_replace(regexp_replace(${rounded}, '0+$', ''), '\.$', '')`;
	return sql`CASE WHEN isfinite(${d}) AND abs(${d}) < 9007199254740992 THEN CASE WHEN ${short} = '-0' THEN '0' ELSE ${short} END ELSE ${jsNumberSql(e)} END`;
}

/** core/export/csv.ts's neutralizeCell for text: a leading = + - @ tab or CR gets an apostrophe unless the text is a plain number. */
function neutralizeSql(e: Sql): Sql {
	return sql`CASE WHEN regexp_matches(${e}, '^[=+\-@\t\r]') AND NOT regexp_full_match(${e}, '[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?') THEN '''' || ${e} ELSE ${e} END`;
}

/** PapaParse's quoting (quotes: false): a cell with a quote, comma, CR, LF or BOM, or a space at either end, is quoted. */
function quoteSql(e: Sql): Sql {
	return sql`CASE WHEN regexp_matches(${e}, '[",\r\n\x{FEFF}]') OR starts_with(${e}, ' ') OR ends_with(${e}, ' ') THEN '"' || replace(${e}, '"', '""') || '"' ELSE ${e} END`;
}

/** One cell as toCsv writes it ('' for NULL). */
export function cellSql(c: OutputColumn, money: boolean): Sql {
	const e = sql`q.${ident(c.name)}`;
	const t = c.type.toUpperCase();
	let text: Sql;
	if (t === 'VARCHAR') text = quoteSql(neutralizeSql(e));
	else if (t === 'BOOLEAN') text = sql`CASE WHEN ${e} THEN 'true' ELSE 'false' END`;
	else if (t === 'DATE' || t === 'TIMESTAMP') text = sql`CAST(epoch_ms(CAST(${e} AS TIMESTAMP)) AS VARCHAR)`;
	else if (money) text = moneySql(e);
	else if (t === 'DOUBLE' || t === 'DECIMAL') text = jsNumberSql(e);
	else text = sql`CAST(${e} AS VARCHAR)`;
	return sql`coalesce(${text}, '')`;
}

/** The header line toCsv writes (without its line end), BOM included when `bom`. */
export function headerLine(columns: readonly string[], bom: boolean): string {
	return toCsv(columns, [], { bom }).replace(/\r\n$/, '');
}

/**
 * A query of one text column, one row per data line (in `query`'s order), whose column NAME is the
 * header line: COPY with HEADER, no quoting and no escaping writes the CSV toCsv writes.
 */
export function csvLinesSql(query: string, columns: readonly OutputColumn[], money: readonly string[], bom = false): Sql {
	const cells = columns.map((c) => cellSql(c, money.includes(c.name)));
	const line = cells.length ? sql`concat(${join(cells, ", ',', ")}, chr(13))` : sql`chr(13)`;
	const header = headerLine(columns.map((c) => c.name), bom) + '\r';
	return sql`SELECT ${line} AS ${ident(header)} FROM (${raw(query)}) AS q`;
}
