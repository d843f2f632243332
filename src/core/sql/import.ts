import type { DateFormat } from '../csv/dates.ts';
import { groupedPattern, type NumberFormat } from '../csv/numbers.ts';
import type { RoleMapping } from '../csv/roles.ts';
import { zonedDateOf } from './numeric-dates.ts';
import { blankSql, trimSql } from './trim.ts';
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
	/**
	 * Rows whose field count differs from `columns` (ragged rows): absent, padded with NULL (the
	 * old behaviour); 'rejects', left out and recorded in the named temporary tables (one line per
	 * missing or extra field, with its byte position); 'ignore', left out unrecorded (cheapest when
	 * most rows are ragged: recording costs ≈ 20 µs per row).
	 */
	ragged?: { mode: 'rejects'; table: string; scan: string } | { mode: 'ignore' };
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
	const csv = sql`read_csv(${o.fileName},
		delim = ${o.delimiter}, quote = '"', escape = '"', header = ${o.hasHeader}, skip = ${o.skipLines},
		${errors}, auto_detect = false,
		columns = {${join(o.columns.map((c) => sql`${lit(c)}: 'VARCHAR'`))}})`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.table)} AS ${select ? select(csv) : sql`SELECT * FROM ${csv}`}`;
}

/** Ends in a character TRY_CAST skips and trim() keeps (tab, line feed, vertical tab, form feed, carriage return). */
function endsInControlSpace(t: Sql): Sql {
	return join(
		[9, 10, 11, 12, 13].map((c) => sql`ends_with(${t}, chr(${c}))`),
		' OR '
	);
}

/**
 * A text column parsed as a number under the sniffed format; NULL when it is not a number. Mirrors
 * parseNumber() step by step: the same shape check (TRY_CAST alone also takes '1_000'), and a
 * parenthesised value is negated after parsing, so '(-5)' is 5 in both.
 */
export function numberExpr(col: string, f: NumberFormat, o: { fastPath?: boolean } = {}): Sql {
	return numberOf(trimSql(ident(col)), f, o);
}

/**
 * numberExpr on a value already trimmed (`t`, named more than once: pass a column, not a long
 * expression). `cast` is TRY_CAST(t AS DOUBLE) when the caller computed it already.
 */
export function numberOf(t: Sql, f: NumberFormat, o: { fastPath?: boolean; cast?: Sql } = {}): Sql {
	let e: Sql = t;
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
	const slow = paren ? sql`(${num} * CASE WHEN ${paren} THEN -1 ELSE 1 END)` : num;
	if (f.decimal !== '.' || o.fastPath === false) return slow;
	// Fast path, no regular expression (4× cheaper on plain numbers): what TRY_CAST reads as a finite
	// number is what the steps above would give, except '1_000' and values padded with tabs or newlines
	// (TRY_CAST skips them, trim() does not), which are sent down the slow path with everything else.
	const cast = o.cast ?? sql`TRY_CAST(${t} AS DOUBLE)`;
	return sql`(CASE WHEN ${t} = '' THEN NULL
		WHEN isfinite(${cast}) AND NOT contains(${t}, '_') AND ascii(${t}) > 32 AND NOT (${endsInControlSpace(t)}) THEN ${cast}
		ELSE ${slow} END)`;
}

/** A text column parsed as a TIMESTAMP with the sniffed strptime format(s); numbers and instants (a UTC offset) via zonedDateExpr. */
export function dateExpr(col: string, f: DateFormat): Sql {
	return dateOf(trimSql(ident(col)), f);
}

/** dateExpr on a value already trimmed. */
export function dateOf(t: Sql, f: DateFormat): Sql {
	if (f.numeric || f.instant) return zonedDateOf(t, f);
	const fmts = f.strptime.length === 1 ? lit(f.strptime[0]!) : sql`[${join(f.strptime.map((s) => lit(s)))}]`;
	return sql`try_strptime(${t}, ${fmts})`;
}

/** Customer / order ids: trimmed text; '17850.0' (an id written by a float-happy export) → '17850'. */
export function idExpr(col: string): Sql {
	return idOf(trimSql(ident(col)));
}

/** idExpr on a value already trimmed. */
export function idOf(t: Sql): Sql {
	// The regular expression only runs on ids with a '.' (most have none).
	return sql`nullif(CASE WHEN contains(${t}, '.') THEN regexp_replace(${t}, '^(\d+)\.0+$', '\1') ELSE ${t} END, '')`;
}

export interface TxMapping {
	roles: RoleMapping;
	/** Text format, or numbers (`numeric`); instants carry the zone they are shown in (`zone`). */
	dateFormat: DateFormat;
	/** The time zone chosen for instants (IANA name); absent: UTC. */
	timeZone?: string;
	numberFormats: Partial<Record<'amount' | 'quantity' | 'price' | 'cost', NumberFormat>>;
}

const PLAIN: NumberFormat = { decimal: '.', thousands: '', decorated: false };

export function amountExpr(m: TxMapping): Sql {
	const { roles } = m;
	if (roles.amount) return numberExpr(roles.amount, m.numberFormats.amount ?? PLAIN);
	if (roles.quantity && roles.price)
		return sql`(${numberExpr(roles.quantity, m.numberFormats.quantity ?? PLAIN)} * ${numberExpr(roles.price, m.numberFormats.price ?? PLAIN)})`;
	throw new Error('mapping needs an amount column, or quantity and unit price');
}

/** The cost of the line as a DOUBLE: NULL when no cost column is mapped or the value cannot be read. */
export function costExpr(m: TxMapping): Sql {
	return m.roles.cost ? numberExpr(m.roles.cost, m.numberFormats.cost ?? PLAIN) : raw('CAST(NULL AS DOUBLE)');
}

/**
 * The typed transaction table every analysis reads: src_row (data-row number), customer_id,
 * order_id (or NULL), ts, amount, cost (NULL when unmapped or unreadable). Rows whose customer,
 * date or amount cannot be read are kept out (and counted by validateMappingSql); a row whose cost
 * cannot be read is kept, with cost NULL (margins leave it out).
 */
export function buildTxSql(o: { source: string; target: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	const orderCol = roles.order ? idExpr(roles.order) : raw('CAST(NULL AS VARCHAR)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * FROM (
			SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${idExpr(roles.customer)} AS customer_id,
				${orderCol} AS order_id, ${dateExpr(roles.date, o.mapping.dateFormat)} AS ts,
				${amountExpr(o.mapping)} AS amount, ${costExpr(o.mapping)} AS cost
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

/**
 * One column's check, as a RoleCheck row: unreadable (non-empty, parsed NULL) and empty values, with
 * the first bad row and value. `parsed` is the column read as its type (NULL: any text is fine).
 */
export function columnCheckSql(o: { source: string; role: string; column: string; parsed: Sql | null }): Sql {
	const c = ident(o.column);
	const emptyCond = blankSql(c);
	const badCond = o.parsed ? sql`(NOT ${emptyCond} AND ${o.parsed} IS NULL)` : raw('FALSE');
	return sql`SELECT ${o.role} AS role, ${o.column} AS "column",
			count(*) FILTER (WHERE ${badCond}) AS bad, count(*) FILTER (WHERE ${emptyCond}) AS empty, count(*) AS total,
			min(rowid + 1) FILTER (WHERE ${badCond}) AS "firstBadRow",
			arg_min(${c}, rowid) FILTER (WHERE ${badCond}) AS "firstBadValue"
			FROM ${ident(o.source)}`;
}

/** One query that counts unreadable and empty values per mapped column, with the first bad row. */
export function validateMappingSql(o: { source: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	const parts: Sql[] = [];
	const add = (role: string, column: string | undefined, parsed: Sql | null) => {
		if (column) parts.push(columnCheckSql({ source: o.source, role, column, parsed }));
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
	add('cost', roles.cost, roles.cost ? costExpr(o.mapping) : null);
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

/** A role validateMappingSql checks, in its order: an id (never unreadable) or a parsed value. */
interface CheckedRole {
	role: string;
	column: string;
	/** The staging column it becomes: customer_id / order_id for ids, p_<role> or ts for values. */
	value: string;
	parsed: boolean;
}

function checkedRoles(m: TxMapping): CheckedRole[] {
	const { roles } = m;
	const out: CheckedRole[] = [];
	const add = (role: string, col: string | undefined, value: string, parsed: boolean) => {
		if (col) out.push({ role, column: col, value, parsed });
	};
	add('customer', roles.customer, 'customer_id', false);
	add('date', roles.date, 'ts', true);
	if (roles.amount) add('amount', roles.amount, 'p_amount', true);
	else {
		add('quantity', roles.quantity, 'p_quantity', true);
		add('price', roles.price, 'p_price', true);
	}
	add('order', roles.order, 'order_id', false);
	add('cost', roles.cost, 'p_cost', true);
	return out;
}

/**
 * Parses every raw row once into a staging table: the typed columns of buildTxSql, plus per parsed
 * role v_<i>: NULL where the value was read, else the raw text ('' for a NULL cell), so empty and
 * unreadable cells are told apart by stageChecksSql on the few rows that have one. Ids are empty
 * exactly when customer_id / order_id is NULL. The validation counts and the typed table both read
 * it, so the parse expressions run once per load instead of twice.
 *
 * Each mapped column is trimmed once (t_<k>) and a number column cast once (c_<k>) in inner
 * queries, so the parsers below name plain columns (DuckDB does not share repeated expressions
 * inside CASE branches): ≈ 2.4× faster than parsing the raw columns in place.
 */
export function stageTxSql(o: { source: string; target: string; mapping: TxMapping }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS ${stageSelectSql({ from: ident(o.source), rowNumber: raw('rowid + 1'), mapping: o.mapping })}`;
}

/**
 * stageTxSql's SELECT over any rows with the file's text columns: a table (rowNumber rowid + 1) or
 * the file itself (row_number() OVER (): read in order, one thread, ragged rows already left out).
 */
export function stageSelectSql(o: { from: Sql; rowNumber: Sql; mapping: TxMapping }): Sql {
	const m = o.mapping;
	const { roles } = m;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	if (!roles.amount && !(roles.quantity && roles.price)) throw new Error('mapping needs an amount column, or quantity and unit price');
	const checks = checkedRoles(m);
	const cols = [...new Set(checks.map((c) => c.column))];
	const k = (col: string) => cols.indexOf(col);
	const t = (col: string) => ident(`t_${k(col)}`);
	const r = (col: string) => ident(`r_${k(col)}`);
	const nf = m.numberFormats;
	const numberRoles = (['amount', 'quantity', 'price', 'cost'] as const).filter((role) => checks.some((c) => c.role === role));
	const castCols = [...new Set(numberRoles.filter((role) => (nf[role] ?? PLAIN).decimal === '.').map((role) => roles[role]!))];
	const parsedCols = [...new Set(checks.filter((c) => c.parsed).map((c) => c.column))];

	const trimmed = join([
		sql`CAST(${o.rowNumber} AS BIGINT) AS src_row`,
		...cols.map((col) => sql`${trimSql(ident(col))} AS ${t(col)}`),
		...parsedCols.map((col) => sql`${ident(col)} AS ${r(col)}`)
	]);
	const casts = castCols.map((col) => sql`, TRY_CAST(${t(col)} AS DOUBLE) AS ${ident(`c_${k(col)}`)}`);
	const num = (role: (typeof numberRoles)[number]) => {
		const col = roles[role]!;
		const cast = castCols.includes(col) ? ident(`c_${k(col)}`) : undefined;
		return sql`${numberOf(t(col), nf[role] ?? PLAIN, cast ? { cast } : {})} AS ${ident(`p_${role}`)}`;
	};
	const values = join([
		raw('src_row'),
		sql`${idOf(t(roles.customer))} AS customer_id`,
		roles.order ? sql`${idOf(t(roles.order))} AS order_id` : raw('CAST(NULL AS VARCHAR) AS order_id'),
		sql`${dateOf(t(roles.date), m.dateFormat)} AS ts`,
		...numberRoles.map(num),
		...parsedCols.map((col) => r(col))
	]);
	const amount = roles.amount ? raw('p_amount') : raw('(p_quantity * p_price)');
	const cost = roles.cost ? raw('p_cost') : raw('CAST(NULL AS DOUBLE)');
	const unread = checks.flatMap((c, i) =>
		c.parsed ? [sql`CASE WHEN ${ident(c.value)} IS NULL THEN coalesce(${r(c.column)}, '') END AS ${ident(`v_${i}`)}`] : []
	);
	return sql`SELECT src_row, customer_id, order_id, ts, ${amount} AS amount, ${cost} AS cost${unread.length ? sql`, ${join(unread)}` : raw('')}
		FROM (SELECT ${values} FROM (SELECT *${join(casts, '')} FROM (SELECT ${trimmed} FROM ${o.from})))`;
}

/**
 * One row over the staging table: total, then bad_<i>, empty_<i>, first_<i>, value_<i> per checked
 * role. The whole table is only counted; empty and unreadable cells are told apart on the rows
 * with an unread value (usually none), so the text tests do not run on millions of rows.
 */
export function stageChecksSql(o: { stage: string; mapping: TxMapping }): Sql {
	const checks = checkedRoles(o.mapping);
	const names = (i: number): [Sql, Sql, Sql, Sql] => [ident(`bad_${i}`), ident(`empty_${i}`), ident(`first_${i}`), ident(`value_${i}`)];
	const counted = checks.flatMap((c, i) => {
		if (c.parsed) return [];
		const [bad, empty, first, value] = names(i);
		return [sql`0 AS ${bad}, count(*) FILTER (WHERE ${ident(c.value)} IS NULL) AS ${empty},
			CAST(NULL AS BIGINT) AS ${first}, CAST(NULL AS VARCHAR) AS ${value}`];
	});
	const unread = checks.flatMap((c, i) => (c.parsed ? [ident(`v_${i}`)] : []));
	const told = checks.flatMap((c, i) => {
		if (!c.parsed) return [];
		const [bad, empty, first, value] = names(i);
		const v = ident(`v_${i}`);
		const isBad = sql`${v} IS NOT NULL AND NOT ${blankSql(v)}`;
		return [sql`count(*) FILTER (WHERE ${isBad}) AS ${bad}, count(*) FILTER (WHERE ${v} IS NOT NULL AND ${blankSql(v)}) AS ${empty},
			min(src_row) FILTER (WHERE ${isBad}) AS ${first}, arg_min(${v}, src_row) FILTER (WHERE ${isBad}) AS ${value}`];
	});
	const stage = ident(o.stage);
	const all = sql`SELECT count(*) AS total${counted.length ? sql`, ${join(counted)}` : raw('')} FROM ${stage}`;
	if (!told.length) return all;
	return sql`SELECT * FROM (${all}), (SELECT ${join(told)} FROM ${stage} WHERE ${join(unread.map((v) => sql`${v} IS NOT NULL`), ' OR ')})`;
}

/** The row of stageChecksSql as validateMappingSql's rows (same roles, same order). */
export function stageChecks(row: Record<string, string | number | boolean | null>, mapping: TxMapping): RoleCheck[] {
	const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
	return checkedRoles(mapping).map((c, i) => {
		const first = row[`first_${i}`];
		const value = row[`value_${i}`];
		return {
			role: c.role,
			column: c.column,
			bad: n(row[`bad_${i}`]),
			empty: n(row[`empty_${i}`]),
			total: n(row.total),
			firstBadRow: first === null || first === undefined ? null : n(first),
			firstBadValue: value === null || value === undefined ? null : String(value)
		};
	});
}

/**
 * Turns the staging table into the typed table without copying it (a copy would double the peak
 * memory): unusable rows are deleted, the check columns dropped (DuckDB shares the other columns'
 * data), and the table renamed. The result has buildTxSql's columns and rows, in the same order.
 * Run the statements in order, only once the checks allow the mapping.
 */
export function promoteStageSql(o: { stage: string; target: string; mapping: TxMapping }): Sql[] {
	const stage = ident(o.stage);
	const drops = checkedRoles(o.mapping).flatMap((c, i) =>
		c.parsed ? [sql`ALTER TABLE ${stage} DROP COLUMN ${ident(`v_${i}`)}`] : []
	);
	return [
		sql`DELETE FROM ${stage} WHERE customer_id IS NULL OR ts IS NULL OR amount IS NULL`,
		...drops,
		sql`DROP TABLE IF EXISTS ${ident(o.target)}`,
		sql`ALTER TABLE ${stage} RENAME TO ${ident(o.target)}`
	];
}
