/** The grid's typed view of a text table. */
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { dateExpr, numberExpr } from './parse.ts';
import { ident, join, sql, type Sql } from './sql.ts';

/**
 * The raw table with each column read as the sniffer saw it (numbers as DOUBLE, dates as
 * TIMESTAMP, the rest text), for the data grid: numbers sort as numbers. Unreadable cells are NULL.
 */
export function typedRawSql(o: {
	source: string;
	columns: readonly { name: string; kind: string; number: { format: NumberFormat } | null; date: { format: DateFormat } | null }[];
}): Sql {
	const exprs = o.columns.map((c) => {
		const e =
			c.kind === 'date' && c.date
				? dateExpr(c.name, c.date.format)
				: (c.kind === 'number' || c.kind === 'integer') && c.number
					? numberExpr(c.name, c.number.format)
					: ident(c.name);
		return sql`${e} AS ${ident(c.name)}`;
	});
	return sql`SELECT ${join(exprs)} FROM ${ident(o.source)}`;
}
