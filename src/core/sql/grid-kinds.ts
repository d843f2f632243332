/**
 * Which columns the data grid shows typed. The sniffer types a column as a number or a date when
 * most of its cells read so (InvoiceNo of the UCI Online Retail file: 98 % numbers, the cancelled
 * invoices 'C536365'); the grid's typed copy would show every other cell as an empty cell, hiding
 * the user's data. So the grid counts, once when its copy (or view) is made, the non-empty cells
 * of each typed column that do not parse, and shows a column with any such cell as text, its cells
 * exactly as in the file. The analyses keep their own reading (staging reports what does not parse).
 */
import { trimSql } from './trim.ts';
import { ident, join, sql, type Sql } from './sql.ts';
import { typedExpr, type TypedColumn } from './typed-view.ts';

const alias = (i: number) => ident(`u${i}`);

/**
 * One row: per typed column (alias u<i>, i its index in `columns`), how many of its non-empty cells do
 * not parse. Null when no column is typed (nothing to ask).
 */
export function unparsedCountsSql(source: string, columns: readonly TypedColumn[]): Sql | null {
	const parts: Sql[] = [];
	columns.forEach((c, i) => {
		const e = typedExpr(c);
		if (e) parts.push(sql`count(*) FILTER (WHERE ${e} IS NULL AND ${trimSql(ident(c.name))} <> '') AS ${alias(i)}`);
	});
	return parts.length ? sql`SELECT ${join(parts)} FROM ${ident(source)}` : null;
}

/** The columns as the grid reads them: a typed column with an unparsed non-empty cell (counts from unparsedCountsSql) becomes text. */
export function gridKinds<C extends TypedColumn>(columns: readonly C[], counts: Record<string, unknown> | null | undefined): C[] {
	return columns.map((c, i) => (Number(counts?.[`u${i}`] ?? 0) > 0 ? { ...c, kind: 'text', number: null, date: null } : c));
}

