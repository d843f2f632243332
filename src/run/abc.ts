/**
 * ABC / Pareto: the one place the analysis runs (the ABC view and `clientele abc` both call it).
 * Classes the customers of the typed transactions by their share of revenue into ABC_VIEW_TABLE,
 * then reads what the page shows (class table, Pareto curve, headline figures) or what the CLI
 * writes (the customers in rank order). SQL: core/sql/abc.ts.
 */
import { abcClassTableSql, abcListSql, abcSql, paretoSql, paretoStatsSql, txDayRangeSql, type AbcClassRow } from '../core/sql/abc.ts';
import type { DbClient } from '../db/client.ts';
import { ABC_VIEW_TABLE, TX_TABLE } from './tables.ts';

/** What to class by: thresholds as shares (default DEFAULT_ABC) and an optional revenue window. */
export interface AbcRunOptions {
	a?: number;
	b?: number;
	/** Count revenue from / up to these days, inclusive (YYYY-MM-DD). */
	from?: string;
	to?: string;
}

export interface ParetoPointRow {
	customer_share: number;
	cum_share: number;
}

export interface ParetoStats {
	share_for_80: number | null;
	gini: number | null;
}

export interface AbcResult {
	/** Always A, B and C in that order (an empty class with zeros). */
	classes: AbcClassRow[];
	/** The Lorenz curve, at most 200 points in rank order. */
	curve: ParetoPointRow[];
	stats: ParetoStats;
}

export interface AbcListRow {
	customer_id: string;
	revenue: number;
	cum_share: number;
	abc_class: string;
	[k: string]: string | number;
}

/** Classes the customers (writes ABC_VIEW_TABLE) and reads the summary the page shows. */
export async function runAbc(db: DbClient, o: AbcRunOptions): Promise<AbcResult> {
	await db.exec(abcSql({ tx: TX_TABLE, target: ABC_VIEW_TABLE, ...o }));
	const [classes, curve, stats] = await Promise.all([
		db.query<AbcClassRow>(abcClassTableSql(ABC_VIEW_TABLE)),
		db.query<ParetoPointRow & Record<string, number>>(paretoSql(ABC_VIEW_TABLE)),
		db.query<ParetoStats & Record<string, number | null>>(paretoStatsSql(ABC_VIEW_TABLE))
	]);
	return { classes: classes.rows, curve: curve.rows, stats: stats.rows[0] ?? { share_for_80: null, gini: null } };
}

/** The classed customers of the last runAbc in rank order (the CLI's output rows). */
export async function abcCustomerList(db: DbClient): Promise<AbcListRow[]> {
	return (await db.query<AbcListRow>(abcListSql(ABC_VIEW_TABLE))).rows;
}

/** First and last day of the transactions, the bounds of the revenue window (null without rows). */
export async function abcDayRange(db: DbClient): Promise<{ first_day: string; last_day: string } | null> {
	const r = await db.query<{ first_day: string; last_day: string }>(txDayRangeSql(TX_TABLE));
	return r.rows[0] ?? null;
}
