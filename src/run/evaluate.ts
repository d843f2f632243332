import { evaluateWindows, type EvaluateWindows } from '../core/evaluate/defaults.ts';
import { evaluateGroup, type GroupEvaluation } from '../core/evaluate/stats.ts';
import { addDays } from '../core/iso-days.ts';
import { ClienteleError } from '../core/errors.ts';
import {
	actionProblemsSql,
	cohortFromActionsSql,
	cohortFromPlanSql,
	earliestContactSql,
	evaluateCustomersSql,
	evaluateSumsSql,
	lastDaySql,
	ACTION_COLUMNS,
	type ActionProblem,
	type EvaluateSums
} from '../core/sql/evaluate.ts';
import type { DbClient } from '../db/client.ts';
import { evaluateSurveys, type SurveyEvalOptions } from './evaluate-survey.ts';
import { countRows } from './table-ops.ts';
import { EVAL_COHORT, EVAL_CUSTOMERS, PLAN_TABLE, RAW_ACTIONS, TX_TABLE } from './tables.ts';

/**
 * The plan evaluation (绩效评估), the one place it runs (the plan view's "Did the plan work?" and the
 * CLI's `evaluate`): a cohort (an action list: the page's current one, or a file) → what each of its
 * customers bought in the periods around the plan's start → per group, before against after and
 * contacted against control.
 */

/** Checks an action-list file's text table (RAW_ACTIONS by default) and makes it the cohort. */
export async function cohortFromFile(db: DbClient, o: { fileName: string; columns: readonly string[]; raw?: string }): Promise<void> {
	const raw = o.raw ?? RAW_ACTIONS;
	const missing = ACTION_COLUMNS.filter((c) => !o.columns.includes(c));
	if (missing.length) throw new ClienteleError('evaluate.missingColumns', { file: o.fileName, missing: missing.join(', '), list: o.columns.join(', ') });
	const problems = (await db.query<ActionProblem>(actionProblemsSql(raw))).rows;
	const first = problems[0];
	if (first) throw new ClienteleError(`evaluate.${first.problem}`, { file: o.fileName, row: first.row, value: first.value });
	await db.exec(cohortFromActionsSql({ raw, target: EVAL_COHORT, nextContact: o.columns.includes('next_contact') }));
	if ((await countRows(db, EVAL_COHORT)) === 0) throw new ClienteleError('evaluate.empty', { file: o.fileName });
}

/** Makes the page's current action list (run/plan.ts) the cohort. */
export async function cohortFromPlan(db: DbClient): Promise<void> {
	await db.exec(cohortFromPlanSql(PLAN_TABLE, EVAL_COHORT));
}

/** The cohort's earliest next contact (YYYY-MM-DD), the default start; null when it has none. */
export async function cohortStart(db: DbClient): Promise<string | null> {
	return (await db.query<{ start: string | null }>(earliestContactSql(EVAL_COHORT))).rows[0]?.start ?? null;
}

export interface EvaluateOptions {
	/** The plan's start S, YYYY-MM-DD. */
	start: string;
	/** The period length L in days. */
	days: number;
	/** Purchases: distinct orders with a positive line, or purchase days. */
	frequency: 'orders' | 'days';
	/** Survey answers (NPS, CSAT) to evaluate too. */
	surveys?: Omit<SurveyEvalOptions, 'windows'>;
}

export interface EvaluateResult {
	windows: EvaluateWindows;
	groups: GroupEvaluation[];
	/** The last day with a transaction: the after period is incomplete when it ends after it. */
	lastDay: string | null;
	incomplete: boolean;
}

/** Evaluates the cohort (EVAL_COHORT) on the transactions (TX_TABLE). */
export async function runEvaluate(db: DbClient, o: EvaluateOptions): Promise<EvaluateResult> {
	const windows = evaluateWindows(o.start, o.days);
	await db.exec(evaluateCustomersSql({ cohort: EVAL_COHORT, tx: TX_TABLE, windows, frequency: o.frequency, target: EVAL_CUSTOMERS }));
	const sums = (await db.query<EvaluateSums>(evaluateSumsSql(EVAL_CUSTOMERS))).rows;
	const lastDay = (await db.query<{ last_day: string | null }>(lastDaySql(TX_TABLE))).rows[0]?.last_day ?? null;
	// The after period is [S, S+L): complete when the data reach its last day, S+L−1.
	const incomplete = lastDay === null || lastDay < addDays(windows.after.to, -1);
	const survey = o.surveys ? await evaluateSurveys(db, { ...o.surveys, windows }) : null;
	const groups = sums.map((s) => {
		const g = evaluateGroup(s);
		const u = survey?.get(s.group);
		return u ? { ...g, survey: u } : g;
	});
	return { windows, groups, lastDay, incomplete };
}
