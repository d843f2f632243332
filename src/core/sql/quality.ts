/**
 * SQL of the data-quality report and of the cleaned analysis table. Everything reads the raw (text)
 * table; nothing writes to it. Findings are boolean flags over the typed rows; fixes turn flags into
 * filters (drop) or re-attach rows to the customer's purchase (net) while building the analysis table.
 */
import { CANCEL_FLAG_VALUES, FINDING_KINDS, type FindingKind, type QualityFixes, type ResolvedQualityOptions } from '../csv/quality.ts';
import type { DateFormat } from '../csv/dates.ts';
import type { NumberFormat } from '../csv/numbers.ts';
import { cleanCellSql } from './order-rules.ts';
import { dateOf, idOf, numberOf, PLAIN, type TxMapping } from './parse.ts';
import { dateLit, ident, join, lit, raw, sql, type Sql } from './sql.ts';
import { blankSql, trimSql } from './trim.ts';
import { cleanedSql, isTyped, trimmedPart, typedOf } from './typed-view.ts';

export interface QualitySqlInput {
	/** The raw text table (RAW_TABLE). */
	source: string;
	mapping: TxMapping;
	/** Every column of the raw table (sniffed names): exact duplicates compare them all. */
	columns: readonly string[];
	options: ResolvedQualityOptions;
}

const FLAG: Record<FindingKind, string> = {
	exactDuplicates: 'f_exact',
	negativeAmounts: 'f_negative',
	zeroAmounts: 'f_zero',
	cancelledOrders: 'f_cancelled',
	outliers: 'f_outlier',
	futureDates: 'f_future',
	earlyDates: 'f_early'
};

const flag = (k: FindingKind): Sql => raw(FLAG[k]);

/**
 * Above this many columns, exact duplicate rows are not looked for (the report says so): the window
 * that compares whole rows partitions by every column, and DuckDB-WASM lays each partition key out
 * per row — 2,000 columns took 5 s on a 3-row file, 10,000 columns ran out of memory (3.1 GiB) and
 * broke the engine for the page (Node bundle, load 11–21, 2026-12-06; 1,000 columns 2.9 s).
 */
export const DUPLICATE_MAX_COLUMNS = 1000;

/** Whether exact duplicates are looked for in a file of `columns` columns. */
export const duplicatesChecked = (columns: number): boolean => columns > 0 && columns <= DUPLICATE_MAX_COLUMNS;

/**
 * The mapped cells of every raw row, each cleaned once (t_<role>: what idExpr / numberExpr / dateExpr
 * read), with the row number, the cancel flag and the exact-duplicate flag (which compares the raw
 * columns). The parsing in flaggedCtes names each cleaned cell about ten times: written out over the
 * raw column each time (idExpr(), numberExpr() inline) the statement was 47 kB on the sample, 3–6 s
 * for DuckDB-WASM to plan.
 */
function cleanedCells(o: QualitySqlInput, cancelFlag: Sql, exact: Sql): Sql {
	const { roles } = o.mapping;
	const cells: Sql[] = [sql`CAST(rowid + 1 AS BIGINT) AS src_row`];
	const add = (role: string, col: string | undefined, clean: (e: Sql) => Sql) => {
		if (col) cells.push(sql`${clean(ident(col))} AS ${ident(`t_${role}`)}`);
	};
	add('customer', roles.customer, cleanCellSql);
	add('order', roles.order, cleanCellSql);
	add('date', roles.date, trimSql);
	if (roles.amount) add('amount', roles.amount, cleanCellSql);
	else {
		add('quantity', roles.quantity, cleanCellSql);
		add('price', roles.price, cleanCellSql);
	}
	add('cost', roles.cost, cleanCellSql);
	cells.push(sql`${cancelFlag} AS cancel_flag`, sql`${exact} AS f_exact`);
	return sql`(SELECT ${join(cells)} FROM ${ident(o.source)})`;
}

/** amountExpr() on cleanedCells' columns. */
function amountOf(m: TxMapping): Sql {
	const nf = m.numberFormats;
	if (m.roles.amount) return numberOf(raw('t_amount'), nf.amount ?? PLAIN);
	if (m.roles.quantity && m.roles.price) return sql`(${numberOf(raw('t_quantity'), nf.quantity ?? PLAIN)} * ${numberOf(raw('t_price'), nf.price ?? PLAIN)})`;
	throw new Error('mapping needs an amount column, or quantity and unit price');
}

/**
 * WITH typed (every raw row, parsed) → usable (customer, date, amount readable: what promoteStageSql keeps)
 * → flagged (one boolean per finding). Flags not in `needed` are FALSE, so a plain load pays nothing.
 * Each mapped cell is cleaned once (cleanedCells) and parsed from the cleaned value.
 */
function flaggedCtes(o: QualitySqlInput, needed: ReadonlySet<FindingKind>): Sql {
	const m = o.mapping;
	const { roles } = m;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	const opt = o.options;
	const orderCol = roles.order ? idOf(raw('t_order')) : raw('CAST(NULL AS VARCHAR)');
	const costCol = roles.cost ? numberOf(raw('t_cost'), m.numberFormats.cost ?? PLAIN) : raw('CAST(NULL AS DOUBLE)');
	const cancelFlag = opt.cancelColumn
		? sql`coalesce(lower(trim(${ident(opt.cancelColumn)})) IN (${join(CANCEL_FLAG_VALUES.map((v) => lit(v)))}), FALSE)`
		: raw('FALSE');
	// Only exact duplicates — every column of the row equal — are flagged: lines of one order that share
	// customer, time and amount (two of the same item, say) are real sales.
	const exact = needed.has('exactDuplicates') && duplicatesChecked(o.columns.length)
		? sql`(row_number() OVER (PARTITION BY ${join(o.columns.map((c) => ident(c)))} ORDER BY rowid) > 1)`
		: raw('FALSE');
	// Cancellation invoices as UCI writes them: 'C' followed by digits (not any id starting with C).
	const cancelled = needed.has('cancelledOrders')
		? sql`(coalesce(regexp_full_match(order_id, '[Cc]\d+'), FALSE) OR cancel_flag)`
		: raw('FALSE');
	const outlier = needed.has('outliers')
		? sql`coalesce(amount > (SELECT ${opt.outlierFactor} * quantile_cont(amount, ${opt.outlierQuantile}) FROM usable WHERE amount > 0), FALSE)`
		: raw('FALSE');
	const future = needed.has('futureDates') ? sql`(CAST(ts AS DATE) > ${dateLit(opt.asOf)})` : raw('FALSE');
	const early = needed.has('earlyDates') ? sql`(ts < ${dateLit(opt.plausibleStart)})` : raw('FALSE');
	const neg = needed.has('negativeAmounts') ? raw('(amount < 0)') : raw('FALSE');
	const zero = needed.has('zeroAmounts') ? raw('(amount = 0)') : raw('FALSE');
	return sql`WITH typed AS (
			SELECT src_row, ${idOf(raw('t_customer'))} AS customer_id,
				${orderCol} AS order_id, ${dateOf(raw('t_date'), m.dateFormat)} AS ts,
				${amountOf(m)} AS amount, ${costCol} AS cost, cancel_flag, f_exact
			FROM ${cleanedCells(o, cancelFlag, exact)} AS cells
		), usable AS (
			SELECT * FROM typed WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL
		), flagged AS (
			SELECT *, ${neg} AS f_negative, ${zero} AS f_zero, ${cancelled} AS f_cancelled,
				${outlier} AS f_outlier, ${future} AS f_future, ${early} AS f_early
			FROM usable
		)`;
}

/**
 * Marks as future dates every row after `cutoff` (YYYY-MM-DD): the stray rule (core/as-of.ts) found
 * a late cluster before the machine's day, so strays start there.
 */
export function markStraysSql(flags: string, cutoff: string): Sql {
	return sql`UPDATE ${ident(flags)} SET ${flag('futureDates')} = (CAST(ts AS DATE) > ${dateLit(cutoff)})`;
}

/** Materialises every flag into `target` (a temporary working table for the report queries). */
export function qualityFlagsSql(o: QualitySqlInput & { target: string }): Sql {
	return sql`CREATE OR REPLACE TEMP TABLE ${ident(o.target)} AS ${flaggedCtes(o, new Set(FINDING_KINDS))}
		SELECT src_row, customer_id, order_id, ts, amount, ${join(FINDING_KINDS.map(flag))} FROM flagged`;
}

/** One row: usable rows, customers, date range, outlier threshold, and n_<kind> / amount_<kind> per finding. */
export function qualityFindingsSql(o: { flags: string; options: ResolvedQualityOptions }): Sql {
	const per = FINDING_KINDS.map(
		(k) => sql`count(*) FILTER (WHERE ${flag(k)}) AS ${ident(`n_${k}`)}, coalesce(sum(amount) FILTER (WHERE ${flag(k)}), 0) AS ${ident(`amount_${k}`)}`
	);
	return sql`SELECT count(*) AS usable_rows, count(DISTINCT customer_id) AS customers, min(ts) AS first_ts, max(ts) AS last_ts,
		${o.options.outlierFactor} * quantile_cont(amount, ${o.options.outlierQuantile}) FILTER (WHERE amount > 0) AS outlier_threshold,
		${join(per)}
		FROM ${ident(o.flags)}`;
}

/** The first `n` rows of each finding (kind, row, customer_id, order_id, ts, amount). */
export function qualityExamplesSql(o: { flags: string; n: number; kinds?: readonly FindingKind[] }): Sql {
	const kinds = o.kinds ?? FINDING_KINDS;
	if (kinds.length === 0 || o.n <= 0) return raw('SELECT NULL AS kind, NULL AS "row" WHERE FALSE');
	const parts = kinds.map(
		(k) => sql`(SELECT ${k} AS kind, src_row AS "row", customer_id, order_id, ts, amount FROM ${ident(o.flags)}
			WHERE ${flag(k)} ORDER BY src_row LIMIT ${o.n})`
	);
	return join(parts, ' UNION ALL ');
}

/** A column as profiled by the sniffer (a subset of ColumnProfile), with the mapping's role if any. */
export interface QualityColumn {
	name: string;
	kind: string;
	role?: string | null;
	number: { format: NumberFormat } | null;
	date: { format: DateFormat } | null;
}

/**
 * A cell that is there but does not read as its column's kind: `r` the cell as written, `t` as
 * cleaned for the parsing (typed-view.ts cleanedSql); FALSE for text (text is never invalid).
 */
function invalidOf(c: QualityColumn, r: Sql, t: Sql): Sql {
	const parsed = typedOf(c, t);
	return parsed ? sql`(NOT ${blankSql(r)} AND ${parsed} IS NULL)` : raw('FALSE');
}

/**
 * One scan, one row: total rows, then m_<i> (missing) and i_<i> (invalid) per column, i = index in
 * `columns`. Pass mapped columns with the mapping's formats (the date format the user confirmed).
 * Each parsed cell is cleaned once in a subquery (core/sql/typed-view.ts trimmedPart) and the parsing
 * reads the cleaned value: the parsing names its input about ten times, and the cleaning written out
 * each time made ≈ 18 kB of SQL per number column, which DuckDB-WASM could not plan for 200 columns
 * (out of memory after ≈ 50 s on a 3-row file; 10 columns 3 s).
 */
export function columnQualitySql(o: { source: string; columns: readonly QualityColumn[] }): Sql {
	const inner = o.columns.map((c, i) => sql`${ident(c.name)} AS ${ident(`r${i}`)}${isTyped(c) ? sql`, ${trimmedPart(c, i)}` : raw('')}`);
	const per = o.columns.map((c, i) => {
		const r = ident(`r${i}`);
		return sql`count(*) FILTER (WHERE ${blankSql(r)}) AS ${ident(`m_${i}`)}, count(*) FILTER (WHERE ${invalidOf(c, r, ident(`t${i}`))}) AS ${ident(`i_${i}`)}`;
	});
	const from = inner.length ? sql`(SELECT ${join(inner)} FROM ${ident(o.source)})` : ident(o.source);
	return sql`SELECT count(*) AS total${per.length ? sql`, ${join(per)}` : raw('')} FROM ${from}`;
}

/** Row numbers and values of the first `n` missing / invalid cells of the given columns (col = index). */
export function columnExamplesSql(o: {
	source: string;
	columns: readonly QualityColumn[];
	/** Indexes into columns with problems (from columnQualitySql), and which problem. */
	want: readonly { index: number; problem: 'missing' | 'invalid' }[];
	n: number;
}): Sql {
	if (o.want.length === 0 || o.n <= 0) return raw('SELECT NULL AS col WHERE FALSE');
	const parts = o.want.map(({ index, problem }) => {
		const c = o.columns[index]!;
		const r = ident('r');
		const cond = problem === 'missing' ? blankSql(r) : invalidOf(c, r, ident('t'));
		// The cell cleaned once, as columnQualitySql reads it.
		const cells = sql`(SELECT rowid AS rid, ${ident(c.name)} AS r${isTyped(c) ? sql`, ${cleanedSql(c, ident(c.name))} AS t` : raw('')} FROM ${ident(o.source)})`;
		return sql`(SELECT ${index} AS col, ${problem} AS problem, CAST(rid + 1 AS BIGINT) AS "row", r AS value
			FROM ${cells} WHERE ${cond} ORDER BY rid LIMIT ${o.n})`;
	});
	return join(parts, ' UNION ALL ');
}

/**
 * The analysis table with the fixes applied; the same columns as promoteStageSql gives (src_row, customer_id,
 * order_id, ts, amount, cost) and, with no fixes, the same rows. 'drop' leaves flagged rows out; 'net'
 * keeps their amount but moves them onto the customer's latest earlier kept purchase (its ts and
 * order_id; the earliest later one when there is none; dropped when the customer has no other
 * purchase), so a return lowers monetary value without counting as a visit or making a customer recent.
 */
export function cleanTxSql(o: QualitySqlInput & { target: string; fixes: QualityFixes }): Sql {
	const active = FINDING_KINDS.filter((k) => (o.fixes[k] ?? 'keep') !== 'keep');
	const dropKinds = active.filter((k) => o.fixes[k] === 'drop');
	const netKinds = active.filter((k) => o.fixes[k] === 'net');
	const ctes = flaggedCtes(o, new Set(active));
	const dropCond = dropKinds.length ? sql`NOT (${join(dropKinds.map(flag), ' OR ')})` : raw('TRUE');
	const cols = raw('src_row, customer_id, order_id, ts, amount, cost');
	if (netKinds.length === 0)
		return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS ${ctes} SELECT ${cols} FROM flagged WHERE ${dropCond} ORDER BY src_row`;
	const netCond = join(netKinds.map(flag), ' OR ');
	const anchor = raw(`CASE WHEN NOT f_net THEN {'ts': ts, 'order_id': order_id} END`);
	const win = raw('PARTITION BY customer_id ORDER BY ts, src_row');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS ${ctes}, kept AS (
			SELECT *, (${netCond}) AS f_net FROM flagged WHERE ${dropCond}
		), anchored AS (
			SELECT *, coalesce(
				last_value(${anchor} IGNORE NULLS) OVER (${win} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
				first_value(${anchor} IGNORE NULLS) OVER (${win} ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
			) AS anchor
			FROM kept
		)
		SELECT src_row, customer_id,
			CASE WHEN f_net THEN anchor.order_id ELSE order_id END AS order_id,
			CASE WHEN f_net THEN anchor.ts ELSE ts END AS ts, amount, cost
		FROM anchored WHERE NOT f_net OR anchor IS NOT NULL ORDER BY src_row`;
}
