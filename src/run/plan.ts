import { planOf } from '../core/plan/parse.ts';
import type { GroupPlan, PlanSet } from '../core/plan/types.ts';
import { workdaysFrom, workdaysWithin, type HolidayTable } from '../core/plan/workdays.ts';
import { actionListOutputSql, groupIdsSql, actionListSql, calendarSql, contactsSql, planSummarySql, workloadSql } from '../core/sql/plan.ts';
import { quadrantGroups, segmentGroups, stageGroups, tierGroups } from '../core/sql/plan-basis.ts';
import type { GroupSource } from '../core/sql/plan.ts';
import { lit, sql } from '../core/sql/sql.ts';
import type { DbClient, Row } from '../db/client.ts';
import { PLAN_CALENDAR, PLAN_CONTACTS, PLAN_TABLE, RFM_BASE, RFM_TABLE, VALUE_MATRIX_TABLE } from './tables.ts';

/**
 * Tiered service plans, the one place they run (the plan view and the CLI's `plan`): the groups of
 * one basis (its analysis has run: RFM for segments, the value matrix for quadrants …) get their
 * plans → the action list (PLAN_TABLE) → every contact within the horizon (PLAN_CONTACTS).
 */

/** What puts customers in groups, as plain data: names and reasons come in the caller's language. */
export type PlanBasisInput =
	| { basis: 'segment'; names: Record<string, string>; rules: Record<string, string> }
	| { basis: 'quadrant'; names: Record<string, string>; rules: Record<string, string>; words: { current: string; potential: string } }
	| { basis: 'stage'; names: Record<string, string>; rules: Record<string, string>; words: { since: string }; table: string }
	| { basis: 'tier'; names: Record<string, string>; ungraded: string; table: string };

export interface PlanRunOptions {
	basis: PlanBasisInput;
	plans: PlanSet;
	start: string;
	horizonDays: number;
	seed: number;
	/** Working days only (weekends and the table's holidays skipped, its 调休 days worked); null: every day. */
	holidays: HolidayTable | null;
}

export interface PlanRunResult {
	/** Group ids present, by size. */
	groups: string[];
	/** Groups with no plan and no default. */
	unplanned: string[];
}

/** The customers of a basis (customer_id, grp, label, reason); plans and personas read them. */
export function groupSource(b: PlanBasisInput): GroupSource {
	if (b.basis === 'segment') return segmentGroups({ rfm: RFM_TABLE, names: b.names, rules: b.rules });
	if (b.basis === 'tier') return tierGroups({ table: b.table, ungraded: b.ungraded });
	if (b.basis === 'stage') return stageGroups({ table: b.table, names: b.names, rules: b.rules, words: b.words });
	return quadrantGroups({ table: VALUE_MATRIX_TABLE, names: b.names, rules: b.rules, words: b.words });
}

/** The plan of each group present, matched by id or by the group's name. */
function resolvePlans(set: PlanSet, groups: readonly string[], names: Record<string, string>): { plans: Record<string, GroupPlan>; unplanned: string[] } {
	const plans: Record<string, GroupPlan> = {};
	const unplanned: string[] = [];
	for (const g of groups) {
		const own = Object.hasOwn(set.groups, g) ? g : Object.hasOwn(names, g) && Object.hasOwn(set.groups, names[g]!) ? names[g]! : null;
		const p = own !== null ? set.groups[own]! : planOf(set, g);
		if (p) plans[g] = p;
		else unplanned.push(g);
	}
	return { plans, unplanned };
}

export async function runPlan(db: DbClient, o: PlanRunOptions): Promise<PlanRunResult> {
	const source = groupSource(o.basis);
	const groups = (await db.query<{ grp: string }>(groupIdsSql(source))).rows.map((r) => r.grp);
	const { plans, unplanned } = resolvePlans(o.plans, groups, o.basis.names);
	let calendar: { table: string; inHorizon: number } | null = null;
	if (o.holidays) {
		const inHorizon = workdaysWithin(o.start, o.horizonDays, o.holidays);
		const longest = Math.max(1, ...Object.values(plans).map((p) => p.contact_every_days));
		await db.exec(calendarSql(PLAN_CALENDAR, workdaysFrom(o.start, Math.max(inHorizon, longest), o.holidays)));
		calendar = { table: PLAN_CALENDAR, inHorizon };
	}
	await db.exec(actionListSql({ groups: source, monetary: RFM_BASE, plans, start: o.start, horizonDays: o.horizonDays, seed: o.seed, calendar, target: PLAN_TABLE }));
	await db.exec(contactsSql({ table: PLAN_TABLE, target: PLAN_CONTACTS, start: o.start, calendar }));
	return { groups, unplanned };
}

/** The group ids of a basis, largest first. */
export async function planGroupIds(db: DbClient, b: PlanBasisInput): Promise<string[]> {
	return (await db.query<{ grp: string }>(groupIdsSql(groupSource(b)))).rows.map((r) => r.grp);
}

/** The action list in the CLI's columns and order; `limit`: its first rows only (the page's preview). */
export async function planRows(db: DbClient, limit?: number): Promise<Row[]> {
	const q = actionListOutputSql(PLAN_TABLE);
	return (await db.query(limit === undefined ? q : sql`${q} LIMIT ${lit(limit)}`)).rows;
}

export async function planSummary(db: DbClient): Promise<Row[]> {
	return (await db.query(planSummarySql(PLAN_TABLE))).rows;
}

export async function planWorkload(db: DbClient, period: 'week' | 'month'): Promise<Row[]> {
	return (await db.query(workloadSql(PLAN_CONTACTS, period))).rows;
}
