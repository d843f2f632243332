/**
 * Day or month first? Decided from the whole date column in one pass over the staging table, not
 * from the sample. Under a DD/MM (MM/DD) format, a read date whose day is above 12 can only be read
 * that way; an unreadable value that reads in the other order can only be read the other way.
 */
import { swapDayMonth } from '../csv/dates.ts';
import { dayMonthOrder } from '../import/date-question.ts';
import { dateOf, type TxMapping } from './parse.ts';
import { unreadDateColumn } from './stage.ts';
import { trimSql } from './trim.ts';
import { ident, sql, type Sql } from './sql.ts';

/** One row: own / other (values only this order / only the other order reads), their first rows and values, an example. */
export interface DayMonthEvidence {
	own: number;
	own_row: number | null;
	own_value: string | null;
	other: number;
	other_row: number | null;
	other_value: string | null;
	/** The first read date whose day and month differ (the question's example), as written and as read. */
	example_value: string | null;
}

/** The evidence query over the staging table; null when the date format has no day/month ambiguity. */
export function dayMonthEvidenceSql(o: { stage: string; mapping: TxMapping }): Sql | null {
	const f = o.mapping.dateFormat;
	const order = dayMonthOrder(f);
	if (!order || f.numeric || f.instant) return null;
	const v = ident(unreadDateColumn(o.mapping));
	const other = sql`(${v} IS NOT NULL AND ${dateOf(trimSql(v), swapDayMonth(f))} IS NOT NULL)`;
	const own = sql`(day(ts) > 12)`;
	const written = order === 'dmy' ? sql`strftime(ts, '%d/%m/%Y')` : sql`strftime(ts, '%m/%d/%Y')`;
	const ex = sql`(ts IS NOT NULL AND day(ts) <> month(ts))`;
	return sql`SELECT CAST(count(*) FILTER (WHERE ${own}) AS INTEGER) AS own, min(src_row) FILTER (WHERE ${own}) AS own_row,
			arg_min(${written}, src_row) FILTER (WHERE ${own}) AS own_value,
			CAST(count(*) FILTER (WHERE ${other}) AS INTEGER) AS other, min(src_row) FILTER (WHERE ${other}) AS other_row,
			arg_min(trim(${v}), src_row) FILTER (WHERE ${other}) AS other_value,
			coalesce(arg_min(${written}, src_row) FILTER (WHERE ${ex}), arg_min(${written}, src_row)) AS example_value
		FROM ${ident(o.stage)}`;
}
