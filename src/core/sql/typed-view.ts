/** The grid's typed view of a text table. */
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { cleanCellSql } from './order-rules.ts';
import { dateOf, numberOf } from './parse.ts';
import { ident, join, sql, sqlTemplate, type Sql } from './sql.ts';
import { trimSql } from './trim.ts';

/** A text table's column as the sniffer saw it. */
export interface TypedColumn {
	name: string;
	kind: string;
	number: { format: NumberFormat } | null;
	date: { format: DateFormat } | null;
}

/** The column parsed as the sniffer typed it (a number or a date); null for a text column. */
export function typedExpr(c: TypedColumn): Sql | null {
	return typedOf(c, cleanedSql(c, ident(c.name)));
}

/** A typed column's cell as its parsing reads it: trimmed, and a number's Excel wrapper (`="…"`, `'…`) removed. */
export function cleanedSql(c: TypedColumn, e: Sql): Sql {
	return isNumber(c) ? cleanNumber(e) : cleanDate(e);
}

/**
 * typedExpr on the cell already cleaned (`v`: cleanedSql's value, e.g. a column of trimmedColumns,
 * which the parsing names about ten times).
 */
export function typedOf(c: TypedColumn, v: Sql): Sql | null {
	return parserOf(c)?.(v) ?? null;
}

/** The parsing of a column's type and format, built once per format (sqlTemplate: 10,000 columns share a few). */
const parsers = new Map<string, (v: Sql) => Sql>();
/** Per format object (a file's columns often share one): its parser, without writing the format as a key again. */
const byFormat = new WeakMap<object, (v: Sql) => Sql>();
function parserOf(c: TypedColumn): ((v: Sql) => Sql) | null {
	const format = isDate(c) ? c.date!.format : isNumber(c) ? c.number!.format : null;
	if (format === null) return null;
	let p = byFormat.get(format);
	if (p) return p;
	const key = (isDate(c) ? 'date ' : 'number ') + JSON.stringify(format);
	p = parsers.get(key);
	if (!p) {
		p = isDate(c) ? sqlTemplate((v) => dateOf(v, c.date!.format)) : sqlTemplate((v) => numberOf(v, c.number!.format));
		parsers.set(key, p);
	}
	byFormat.set(format, p);
	return p;
}
const cleanNumber = sqlTemplate(cleanCellSql);
const cleanDate = sqlTemplate(trimSql);

/**
 * `source` with its columns under positional names: a typed column's cells cleaned once
 * (cleanedSql), as `t<i>` (i its index in `columns`), a text column as it is, as `c<i>`. Parsing
 * `t<i>` keeps a wide file's SQL small: the parsing names the cleaned cell about ten times, and the
 * whole cleaning each time made 9.5 kB of SQL per number column (95 MB for 10,000, built and sent to
 * the engine on the page's main thread: 0.3–0.4 s), ≈ 1.3 kB this way. Positional names cannot meet
 * a header's.
 */
export function trimmedColumns(source: string, columns: readonly TypedColumn[]): Sql {
	return trimmedOf(source, columns.map(trimmedPart));
}

/** One column of trimmedColumns. */
export function trimmedPart(c: TypedColumn, i: number): Sql {
	return isTyped(c) ? sql`${cleanedSql(c, ident(c.name))} AS ${ident(`t${i}`)}` : sql`${ident(c.name)} AS ${ident(`c${i}`)}`;
}

/** trimmedColumns from its columns' parts (built in slices by a caller on the page's main thread). */
export function trimmedOf(source: string, parts: readonly Sql[]): Sql {
	return sql`(SELECT ${join(parts)} FROM ${ident(source)})`;
}

const isDate = (c: TypedColumn) => c.kind === 'date' && c.date !== null;
const isNumber = (c: TypedColumn) => !isDate(c) && (c.kind === 'number' || c.kind === 'integer') && c.number !== null;

/** Whether the column is read as a number or a date (typedExpr is not null). */
export function isTyped(c: TypedColumn): boolean {
	return isDate(c) || isNumber(c);
}

/**
 * The raw table with each column read as the sniffer saw it (numbers as DOUBLE, dates as
 * TIMESTAMP, the rest text), for the data grid: numbers sort as numbers. Unreadable cells are NULL,
 * so the data grid passes the columns through gridKinds (core/sql/grid-kinds.ts) first: a column
 * with a cell that does not parse is text there.
 */
export function typedRawSql(o: { source: string; columns: readonly TypedColumn[] }): Sql {
	return typedRawOf(o.source, o.columns.map(typedPart));
}

/** One column of typedRawSql: its cleaning (trimmedPart) and its reading. */
export interface TypedPart {
	inner: Sql;
	outer: Sql;
}

export function typedPart(c: TypedColumn, i: number): TypedPart {
	return { inner: trimmedPart(c, i), outer: sql`${typedOf(c, ident(`t${i}`)) ?? ident(`c${i}`)} AS ${ident(c.name)}` };
}

/** typedRawSql from its columns' parts (built in slices by a caller on the page's main thread). */
export function typedRawOf(source: string, parts: readonly TypedPart[]): Sql {
	return sql`SELECT ${join(parts.map((p) => p.outer))} FROM ${trimmedOf(source, parts.map((p) => p.inner))}`;
}
