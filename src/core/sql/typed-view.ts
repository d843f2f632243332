/** The grid's typed view of a text table. */
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { dateExpr, numberExpr } from './parse.ts';
import { ident, join, sql, type Sql } from './sql.ts';

/** A text table's column as the sniffer saw it. */
export interface TypedColumn {
	name: string;
	kind: string;
	number: { format: NumberFormat } | null;
	date: { format: DateFormat } | null;
}

/** The column parsed as the sniffer typed it (a number or a date); null for a text column. */
export function typedExpr(c: TypedColumn): Sql | null {
	if (c.kind === 'date' && c.date) return dateExpr(c.name, c.date.format);
	if ((c.kind === 'number' || c.kind === 'integer') && c.number) return numberExpr(c.name, c.number.format);
	return null;
}

/**
 * The raw table with each column read as the sniffer saw it (numbers as DOUBLE, dates as
 * TIMESTAMP, the rest text), for the data grid: numbers sort as numbers. Unreadable cells are NULL,
 * so the data grid passes the columns through gridKinds (core/sql/grid-kinds.ts) first: a column
 * with a cell that does not parse is text there.
 */
export function typedRawSql(o: { source: string; columns: readonly TypedColumn[] }): Sql {
	const exprs = o.columns.map((c) => sql`${typedExpr(c) ?? ident(c.name)} AS ${ident(c.name)}`);
	return sql`SELECT ${join(exprs)} FROM ${ident(o.source)}`;
}
