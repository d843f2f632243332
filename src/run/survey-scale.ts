/**
 * The survey import's reads (the surveys dataset, state/datasets.svelte.ts): an answer column's range,
 * to detect its scale, and how many of a dataset's customer ids are customers of the transactions.
 * SQL: core/sql/survey-scale.ts.
 */
import type { NumberFormat } from '../core/csv/numbers.ts';
import { answerRangeSql, idMatchSql } from '../core/sql/survey-scale.ts';
import type { DbClient } from '../db/client.ts';
import { TX_TABLE } from './tables.ts';

export interface AnswerRange {
	min: number | null;
	max: number | null;
	mean: number | null;
}

/** Min, max and mean of a column's whole-number answers (nulls without any). */
export async function answerRange(db: DbClient, o: { source: string; score: string; format?: NumberFormat }): Promise<AnswerRange> {
	const r = (await db.query<{ min: number | null; max: number | null; mean: number | null }>(answerRangeSql(o))).rows[0];
	return { min: r?.min ?? null, max: r?.max ?? null, mean: r?.mean ?? null };
}

export interface IdMatch {
	/** Distinct customer ids of the dataset. */
	ids: number;
	/** … of which customers of the loaded transactions. */
	matched: number;
}

/** How many of a dataset's customer ids are customers of the typed transactions (TX_TABLE). */
export async function idMatch(db: DbClient, o: { source: string; column: string; typed?: boolean }): Promise<IdMatch> {
	const r = (await db.query<{ ids: number; matched: number }>(idMatchSql({ ...o, tx: TX_TABLE }))).rows[0];
	return { ids: r?.ids ?? 0, matched: r?.matched ?? 0 };
}
