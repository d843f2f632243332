/**
 * Which columns the data grid shows typed. The sniffer types a column as a number or a date when
 * most of its cells read so (InvoiceNo of the UCI Online Retail file: 98 % numbers, the cancelled
 * invoices 'C536365'); the grid's typed copy would show every other cell as an empty cell, hiding
 * the user's data. So the grid counts, once when its copy (or view) is made, the non-empty cells
 * of each typed column that do not parse, and shows a column as text, its cells exactly as in the
 * file, when more than 1 in 1,000 of its non-empty cells do not parse. Below that share the column
 * stays a number or date column (filters by range, histograms, the pivot's years and months): the
 * sample's order time has 5 '待确认' cells among 60,000 dates, which the import reports and the grid
 * shows empty (the "empty" filter finds them). The analyses keep their own reading.
 */
import { ident, join, sql, type Sql } from './sql.ts';
import { trimmedOf, trimmedPart, typedOf, type TypedColumn } from './typed-view.ts';

const alias = (i: number) => ident(`u${i}`);

/** Above this share of unparsed non-empty cells a typed column is shown as text. */
export const TEXT_SHARE = 0.001;

const filled = (i: number) => ident(`n${i}`);

/**
 * One row: per typed column (i its index in `columns`), how many of its non-empty cells do not parse
 * (alias u<i>) and how many are non-empty (n<i>). Null when no column is typed (nothing to ask).
 */
export function unparsedCountsSql(source: string, columns: readonly TypedColumn[]): Sql | null {
	return unparsedCountsOf(source, columns.map(unparsedPart));
}

/** One column of unparsedCountsSql: its cleaning (trimmedPart) and its two counts (null: a text column). */
export interface UnparsedPart {
	inner: Sql;
	counts: Sql | null;
}

export function unparsedPart(c: TypedColumn, i: number): UnparsedPart {
	// Each typed column cleaned once (trimmedColumns: t<i>), parsed from there.
	const t = ident(`t${i}`);
	const e = typedOf(c, t);
	if (!e) return { inner: trimmedPart(c, i), counts: null };
	// A number's Excel wrapper is taken off first: `=""` is an empty cell, as the analyses read it.
	const nonEmpty = sql`${t} <> ''`;
	return {
		inner: trimmedPart(c, i),
		counts: sql`count(*) FILTER (WHERE ${e} IS NULL AND ${nonEmpty}) AS ${alias(i)}, count(*) FILTER (WHERE ${nonEmpty}) AS ${filled(i)}`
	};
}

/** unparsedCountsSql from its columns' parts (built in slices by a caller on the page's main thread). */
export function unparsedCountsOf(source: string, parts: readonly UnparsedPart[]): Sql | null {
	const counts = parts.flatMap((p) => (p.counts ? [p.counts] : []));
	// Text columns are not read: DuckDB drops the subquery's columns nothing names.
	return counts.length ? sql`SELECT ${join(counts)} FROM ${trimmedOf(source, parts.map((p) => p.inner))}` : null;
}

/**
 * The columns as the grid reads them: a typed column whose unparsed non-empty cells (counts from
 * unparsedCountsSql) are more than TEXT_SHARE of its non-empty cells becomes text.
 */
export function gridKinds<C extends TypedColumn>(columns: readonly C[], counts: Record<string, unknown> | null | undefined): C[] {
	return columns.map((c, i) => {
		const unparsed = Number(counts?.[`u${i}`] ?? 0);
		const nonEmpty = Number(counts?.[`n${i}`] ?? 0);
		return unparsed > 0 && unparsed > TEXT_SHARE * nonEmpty ? { ...c, kind: 'text', number: null, date: null } : c;
	});
}

