import type { DateFormat } from '../csv/dates.ts';
import { groupedPattern, type NumberFormat } from '../csv/numbers.ts';
import type { RoleMapping } from '../csv/roles.ts';
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';

export interface RawLoadOptions {
	/** Name the file is registered under in DuckDB. */
	fileName: string;
	table: string;
	delimiter: string;
	skipLines: number;
	hasHeader: boolean;
	/** Column names as sniffed (deduplicated); they name the table's columns. */
	columns: readonly string[];
}

/**
 * Loads the whole file as text columns: ids keep leading zeros, nothing is guessed twice, and the
 * typed transaction table is derived from it with our own parsers. rowid + 1 = data-row number.
 */
export function loadRawSql(o: RawLoadOptions): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.table)} AS SELECT * FROM read_csv(${o.fileName},
		delim = ${o.delimiter}, quote = '"', escape = '"', header = ${o.hasHeader}, skip = ${o.skipLines},
		null_padding = true, auto_detect = false,
		columns = {${join(o.columns.map((c) => sql`${lit(c)}: 'VARCHAR'`))}})`;
}

/**
 * A text column parsed as a number under the sniffed format; NULL when it is not a number. Mirrors
 * parseNumber() step by step: the same shape check (TRY_CAST alone also takes '1_000'), and a
 * parenthesised value is negated after parsing, so '(-5)' is 5 in both.
 */
export function numberExpr(col: string, f: NumberFormat): Sql {
	let e: Sql = sql`trim(${ident(col)})`;
	let paren: Sql | null = null;
	if (f.decorated) {
		const stripped = sql`regexp_replace(${e}, '[¥￥$€£%\s]|RMB|CNY|元', '', 'gi')`;
		paren = sql`regexp_matches(${stripped}, '^\(.*\)$')`;
		e = sql`regexp_replace(${stripped}, '^\((.*)\)$', '\1')`;
	}
	// Each step names its input once or twice, so the expression stays small on wide files.
	if (f.thousands)
		e = sql`(CASE WHEN regexp_full_match(${e}, ${'[^' + f.thousands + ']*|' + groupedPattern(f)}) THEN replace(${e}, ${f.thousands}, '') END)`;
	if (f.decimal === ',') e = sql`replace(${e}, ',', '.')`;
	// TRY_CAST alone also takes '1_000'; '1e400' casts to infinity. parseNumber() takes neither.
	const num = sql`nullif(nullif((CASE WHEN regexp_full_match(${e}, '[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?') THEN TRY_CAST(${e} AS DOUBLE) END), 'inf'::DOUBLE), '-inf'::DOUBLE)`;
	return paren ? sql`(${num} * CASE WHEN ${paren} THEN -1 ELSE 1 END)` : num;
}

/** A text column parsed as a TIMESTAMP with the sniffed strptime format(s). */
export function dateExpr(col: string, f: DateFormat): Sql {
	const fmts = f.strptime.length === 1 ? lit(f.strptime[0]!) : sql`[${join(f.strptime.map((s) => lit(s)))}]`;
	return sql`try_strptime(trim(${ident(col)}), ${fmts})`;
}

/** Customer / order ids: trimmed text; '17850.0' (an id written by a float-happy export) → '17850'. */
export function idExpr(col: string): Sql {
	return sql`nullif(regexp_replace(trim(${ident(col)}), '^(\d+)\.0+$', '\1'), '')`;
}

export interface TxMapping {
	roles: RoleMapping;
	dateFormat: DateFormat;
	numberFormats: Partial<Record<'amount' | 'quantity' | 'price', NumberFormat>>;
}

const PLAIN: NumberFormat = { decimal: '.', thousands: '', decorated: false };

export function amountExpr(m: TxMapping): Sql {
	const { roles } = m;
	if (roles.amount) return numberExpr(roles.amount, m.numberFormats.amount ?? PLAIN);
	if (roles.quantity && roles.price)
		return sql`(${numberExpr(roles.quantity, m.numberFormats.quantity ?? PLAIN)} * ${numberExpr(roles.price, m.numberFormats.price ?? PLAIN)})`;
	throw new Error('mapping needs an amount column, or quantity and unit price');
}

/**
 * The typed transaction table every analysis reads: src_row (data-row number), customer_id,
 * order_id (or NULL), ts, amount. Rows whose customer, date or amount cannot be read are kept
 * out (and counted by validateMappingSql).
 */
export function buildTxSql(o: { source: string; target: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	const orderCol = roles.order ? idExpr(roles.order) : raw('CAST(NULL AS VARCHAR)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * FROM (
			SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${idExpr(roles.customer)} AS customer_id,
				${orderCol} AS order_id, ${dateExpr(roles.date, o.mapping.dateFormat)} AS ts,
				${amountExpr(o.mapping)} AS amount
			FROM ${ident(o.source)}
		) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL`;
}

export interface RoleCheck {
	role: string;
	column: string;
	/** Non-empty values that could not be read. */
	bad: number;
	empty: number;
	total: number;
	firstBadRow: number | null;
	firstBadValue: string | null;
}

/** One query that counts unreadable and empty values per mapped column, with the first bad row. */
export function validateMappingSql(o: { source: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	const parts: Sql[] = [];
	const add = (role: string, col: string | undefined, parsed: Sql | null) => {
		if (!col) return;
		const c = ident(col);
		const emptyCond = sql`(${c} IS NULL OR trim(${c}) = '')`;
		const badCond = parsed ? sql`(NOT ${emptyCond} AND ${parsed} IS NULL)` : raw('FALSE');
		parts.push(sql`SELECT ${role} AS role, ${col} AS "column",
			count(*) FILTER (WHERE ${badCond}) AS bad, count(*) FILTER (WHERE ${emptyCond}) AS empty, count(*) AS total,
			min(rowid + 1) FILTER (WHERE ${badCond}) AS "firstBadRow",
			arg_min(${c}, rowid) FILTER (WHERE ${badCond}) AS "firstBadValue"
			FROM ${ident(o.source)}`);
	};
	const nf = o.mapping.numberFormats;
	add('customer', roles.customer, null);
	add('date', roles.date, dateExpr(roles.date ?? '', o.mapping.dateFormat));
	add('amount', roles.amount, roles.amount ? numberExpr(roles.amount, nf.amount ?? PLAIN) : null);
	if (!roles.amount) {
		add('quantity', roles.quantity, roles.quantity ? numberExpr(roles.quantity, nf.quantity ?? PLAIN) : null);
		add('price', roles.price, roles.price ? numberExpr(roles.price, nf.price ?? PLAIN) : null);
	}
	add('order', roles.order, null);
	return join(parts, ' UNION ALL ');
}

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
