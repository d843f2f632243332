/**
 * The default as-of date of every view (RFM, ABC, value matrix, KPI, CLV; page and CLI): the rows
 * per day from the engine, the stray rule from core/as-of.ts. `today` comes from the caller's clock
 * (state/clock.ts in the page, cli/clock.ts in the CLI, a fixed day in tests).
 */
import { defaultAsOf as asOfOfDays, type DayCount, type DefaultAsOf } from '../core/as-of.ts';
import { dayCountsSql, rowsAfterSql } from '../core/sql/as-of.ts';
import { dateLit, type Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import type { Step } from './step.ts';
import { TX_TABLE } from './tables.ts';

export type { DefaultAsOf } from '../core/as-of.ts';

/** The default as-of of a transactions table (null without dated rows). */
export function defaultAsOfStep(o: { today: string; tx?: string }): Step<DefaultAsOf | null> {
	const q: Sql = dayCountsSql(o.tx ?? TX_TABLE);
	return { sql: q, run: async (db) => asOfOfDays((await db.query<DayCount & Record<string, string | number>>(q)).rows, o.today) };
}

export function defaultAsOf(db: DbClient, o: { today: string; tx?: string }): Promise<DefaultAsOf | null> {
	return defaultAsOfStep(o).run(db);
}

/** The first `limit` stray rows (data-row number and day) of a default as-of, in file order. */
export async function strayRows(db: DbClient, d: DefaultAsOf, o: { limit?: number; tx?: string } = {}): Promise<{ row: number; day: string }[]> {
	if (d.strays.length === 0) return [];
	return (await db.query<{ row: number; day: string }>(rowsAfterSql(o.tx ?? TX_TABLE, dateLit(d.lastDay), o.limit ?? 10))).rows;
}
