/**
 * SQL of the marketplace order rules over the staging table (core/sql/stage.ts adds its columns
 * order_status, unpaid, refund and postage when those roles are mapped): an order's status and
 * paid date filled onto its other lines, rows marked with why they are left out (`reason`: overlap,
 * status, unpaid), the reports, the prospects table, refunds and postage taken off the amounts.
 * run/order-rules.ts runs the statements in order. Pure: builds Sql only.
 */
import { statusKey, type RefundPer } from '../import/order-rules.ts';
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';
import { trimSql } from './trim.ts';

/**
 * Excel's `="…"` wrapper (its doubled quotes undone: `="a""b"` is a"b) and a leading apostrophe removed
 * from a trimmed text, as unwrapExcel() does. No regular expression: this runs on every id and number cell;
 * substring(), not DuckDB's [a:b] slices, so `--emit-sql spark` can say it in Spark SQL.
 */
export function unwrapSql(t: Sql): Sql {
	return sql`(CASE WHEN starts_with(${t}, '="') AND ends_with(${t}, '"') AND length(${t}) >= 3 THEN trim(replace(substring(${t}, 3, length(${t}) - 3), '""', '"'))
		WHEN starts_with(${t}, '''') THEN trim(substring(${t}, 2)) ELSE ${t} END)`;
}

/**
 * unwrapSql(trimSql(e)) — a cell as the parsers read it — with one test for the usual cell first: its
 * first character printable ASCII other than `=` and `'`, no trailing space, ASCII only. Such a cell
 * is its own result, so neither CASE runs; the typed load spends ≈ 13 % less CPU at 1M rows on
 * native DuckDB (min of 7, round robin). `e` is named several times: pass a column.
 */
export function cleanCellSql(e: Sql): Sql {
	return sql`(CASE WHEN ascii(${e}) BETWEEN 33 AND 127 AND ascii(${e}) NOT IN (39, 61) AND NOT ends_with(${e}, ' ') AND strlen(${e}) = length(${e}) THEN ${e} ELSE ${unwrapSql(trimSql(e))} END)`;
}

/** statusKey() in SQL: ASCII letters lower-cased, other letters as they are. */
export function statusKeySql(e: Sql): Sql {
	return sql`translate(${e}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
}

/** The columns the order roles add to the staging table (dropped when it is promoted). */
export function orderColumns(has: { status: boolean; paid: boolean; refund: boolean; postage: boolean }): string[] {
	return [...(has.status ? ['order_status'] : []), ...(has.paid ? ['unpaid'] : []), ...(has.refund ? ['refund'] : []), ...(has.postage ? ['postage'] : [])];
}

/** The `reason` column that marks a row left out (NULL: kept). */
export function addReasonSql(stage: string): Sql {
	return sql`ALTER TABLE ${ident(stage)} ADD COLUMN reason VARCHAR`;
}

/** An order's status written on one of its lines only (Shopify: order fields on the first line) is given to the others. */
export function fillStatusSql(stage: string): Sql {
	const s = ident(stage);
	return sql`UPDATE ${s} SET order_status = g.st FROM (
			SELECT order_id, max(order_status) AS st FROM ${s} WHERE order_id IS NOT NULL
			GROUP BY order_id HAVING count(*) > count(order_status) AND max(order_status) IS NOT NULL
		) g WHERE ${s}.order_id = g.order_id AND ${s}.order_status IS NULL`;
}

/** A line without a paid date in an order that has one is paid, at the order's paid time. */
export function fillPaidSql(stage: string): Sql {
	const s = ident(stage);
	return sql`UPDATE ${s} SET unpaid = FALSE, ts = g.paid FROM (
			SELECT order_id, min(ts) FILTER (WHERE NOT unpaid) AS paid FROM ${s} WHERE order_id IS NOT NULL
			GROUP BY order_id HAVING bool_or(unpaid) AND bool_or(NOT unpaid)
		) g WHERE ${s}.order_id = g.order_id AND ${s}.unpaid`;
}

/** Row ranges of the files loaded together, in load order (src_row first … last). */
export interface FilePart {
	fileName: string;
	firstRow: number;
	rows: number;
}

function fileIndexSql(parts: readonly FilePart[]): Sql {
	const arms = parts.map((p, i) => sql`WHEN src_row < ${p.firstRow + p.rows} THEN ${i}`);
	return sql`(CASE ${join(arms, ' ')} ELSE ${parts.length} END)`;
}

/** The lines of orders found in several files, in every file but the last one that has the order. */
function overlapRowsSql(stage: string, parts: readonly FilePart[]): Sql {
	return sql`SELECT src_row, order_id FROM (
			SELECT src_row, order_id, f, max(f) OVER (PARTITION BY order_id) AS last_f
			FROM (SELECT src_row, order_id, ${fileIndexSql(parts)} AS f FROM ${ident(stage)} WHERE order_id IS NOT NULL)
		) WHERE f < last_f`;
}

/** One row: orders in more than one file, their rows left out, up to five examples (joined by a unit separator). */
export function overlapReportSql(stage: string, parts: readonly FilePart[]): Sql {
	return sql`SELECT count(DISTINCT order_id) AS orders, count(*) AS "rows",
		(SELECT string_agg(order_id, chr(31) ORDER BY order_id) FROM (SELECT DISTINCT order_id FROM (${overlapRowsSql(stage, parts)}) ORDER BY order_id LIMIT 5)) AS examples
		FROM (${overlapRowsSql(stage, parts)})`;
}

export function markOverlapSql(stage: string, parts: readonly FilePart[]): Sql {
	const s = ident(stage);
	return sql`UPDATE ${s} SET reason = 'overlap' WHERE src_row IN (SELECT src_row FROM (${overlapRowsSql(stage, parts)}))`;
}

/** Rows whose status is in the exclusion list (compared after trimming, ASCII case-insensitive). */
export function markStatusSql(stage: string, exclude: readonly string[]): Sql {
	const keys = [...new Set(exclude.map(statusKey))];
	if (keys.length === 0) return raw('SELECT 1');
	return sql`UPDATE ${ident(stage)} SET reason = 'status'
		WHERE reason IS NULL AND ${statusKeySql(raw('order_status'))} IN (${join(keys.map((k) => lit(k)))})`;
}

export function markUnpaidSql(stage: string): Sql {
	return sql`UPDATE ${ident(stage)} SET reason = 'unpaid' WHERE reason IS NULL AND unpaid`;
}

/** Every status value (as written; '' when empty) with its rows and amount, overlapping rows left out. */
export function statusCountsSql(stage: string): Sql {
	return sql`SELECT coalesce(order_status, '') AS value, count(*) AS "rows", coalesce(sum(amount), 0) AS amount
		FROM ${ident(stage)} WHERE reason IS DISTINCT FROM 'overlap' GROUP BY 1 ORDER BY "rows" DESC, value`;
}

/** Rows and money left out, per reason. */
export function reasonTotalsSql(stage: string): Sql {
	return sql`SELECT reason, count(*) AS "rows", coalesce(sum(amount), 0) AS amount FROM ${ident(stage)} WHERE reason IS NOT NULL GROUP BY reason`;
}

/** The rows left out (src_row, reason): a rebuilt analysis table (quality fixes) leaves them out too. */
export function excludedRowsSql(o: { stage: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT src_row, reason FROM ${ident(o.stage)} WHERE reason IS NOT NULL`;
}

/**
 * Buyers with no kept purchase (every row left out for its status or as unpaid): prospects, not
 * customers. One row each: customer_id, rows, orders, first_ts, last_ts (their orders' dates) and
 * amount (what the left-out orders were worth).
 */
export function prospectsSql(o: { stage: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT customer_id, count(*) AS "rows", count(DISTINCT order_id) AS orders, min(ts) AS first_ts, max(ts) AS last_ts,
			coalesce(sum(amount), 0) AS amount
		FROM ${ident(o.stage)} WHERE customer_id IS NOT NULL AND reason IS DISTINCT FROM 'overlap'
		GROUP BY customer_id
		HAVING count(*) FILTER (WHERE reason IS NULL AND ts IS NOT NULL AND amount IS NOT NULL) = 0
		ORDER BY customer_id`;
}

/** Multi-line orders with a refund: how many carry the same refund on every line, how many differ. */
export function refundShapeSql(stage: string): Sql {
	return sql`SELECT count(*) FILTER (WHERE mn = mx) AS same, count(*) FILTER (WHERE mn <> mx) AS differ FROM (
			SELECT min(coalesce(refund, 0)) AS mn, max(coalesce(refund, 0)) AS mx FROM ${ident(stage)}
			WHERE order_id IS NOT NULL AND reason IS NULL GROUP BY order_id HAVING count(*) > 1 AND max(abs(coalesce(refund, 0))) > 0
		)`;
}

/** 'order' when every multi-line order with a refund carries the same refund on each line (and one does); else 'line'. */
export function refundPerFromShape(row: { same: number; differ: number }): RefundPer {
	return row.same > 0 && row.differ === 0 ? 'order' : 'line';
}

/**
 * What comes off each kept row's amount (src_row, refund, postage): the line's refund, or an
 * order's refund once (on its first line) when it is repeated on every line; the postage.
 */
export function adjustmentsSql(o: { stage: string; target: string; refund: boolean; postage: boolean; per: RefundPer }): Sql {
	const refund = !o.refund
		? raw('0')
		: o.per === 'line'
			? raw('coalesce(refund, 0)')
			: raw("(CASE WHEN row_number() OVER (PARTITION BY coalesce(order_id, '#' || src_row) ORDER BY src_row) = 1 THEN coalesce(refund, 0) ELSE 0 END)");
	const postage = o.postage ? raw('coalesce(postage, 0)') : raw('0');
	const any = join([...(o.refund ? [raw('coalesce(refund, 0) <> 0')] : []), ...(o.postage ? [raw('coalesce(postage, 0) <> 0')] : [])], ' OR ');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT * FROM (
			SELECT src_row, CAST(${refund} AS DOUBLE) AS refund, CAST(${postage} AS DOUBLE) AS postage
			FROM ${ident(o.stage)} WHERE reason IS NULL AND amount IS NOT NULL AND (${any})
		) WHERE refund <> 0 OR postage <> 0`;
}

/** One row: the refunds and postage taken off, and the rows they touch. */
export function adjustmentTotalsSql(adjust: string): Sql {
	return sql`SELECT coalesce(sum(refund), 0) AS refund, count(*) FILTER (WHERE refund <> 0) AS refund_rows, coalesce(sum(postage), 0) AS postage FROM ${ident(adjust)}`;
}

/** Takes the adjustments off the amounts of `table` (the staging table, or a rebuilt analysis table). */
export function applyAdjustmentsSql(o: { table: string; adjust: string }): Sql {
	const t = ident(o.table);
	return sql`UPDATE ${t} SET amount = ${t}.amount - a.refund - a.postage FROM ${ident(o.adjust)} a WHERE ${t}.src_row = a.src_row`;
}

/** Deletes the rows of `table` that `excluded` lists. */
export function deleteExcludedSql(o: { table: string; excluded: string }): Sql {
	return sql`DELETE FROM ${ident(o.table)} WHERE src_row IN (SELECT src_row FROM ${ident(o.excluded)})`;
}

/** Customer ids with a masking character (`*`, `＊`): how many, and up to five (joined by a unit separator). */
export function maskedIdsSql(stage: string): Sql {
	const masked = raw("(contains(customer_id, '*') OR contains(customer_id, '＊'))");
	return sql`SELECT count(DISTINCT customer_id) FILTER (WHERE ${masked}) AS ids,
		(SELECT string_agg(customer_id, chr(31) ORDER BY customer_id) FROM (SELECT DISTINCT customer_id FROM ${ident(stage)} WHERE ${masked} ORDER BY customer_id LIMIT 5)) AS examples
		FROM ${ident(stage)}`;
}

/** The paid times of a rebuilt analysis table (its rows read the created date): src_row, ts. */
export function paidTimesSql(o: { stage: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT src_row, ts FROM ${ident(o.stage)} WHERE reason IS NULL AND ts IS NOT NULL`;
}

export function applyPaidTimesSql(o: { table: string; paid: string }): Sql {
	const t = ident(o.table);
	return sql`UPDATE ${t} SET ts = p.ts FROM ${ident(o.paid)} p WHERE ${t}.src_row = p.src_row AND ${t}.ts IS DISTINCT FROM p.ts`;
}
