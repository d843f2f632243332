import { csatFromCounts, type CsatStat } from '../kpi/csat.ts';
import { npsDifference, npsFromCounts, type NpsDifference, type NpsStat } from '../kpi/nps.ts';
import { test2x2 } from './stats.ts';

/**
 * Satisfaction on a persona card (客户画像: NPS and CSAT when surveys are joined): a group's answers
 * against the answers of the rest of the base (every other customer of the base, in a group or not).
 * NPS: the difference with its Wald interval (core/kpi/nps.ts, as the KPI view compares two groups);
 * CSAT: satisfied vs not, group vs rest, with the personas' 2×2 test (χ², Fisher under 5 expected).
 */

/** NPS answer counts of one group (null: answers of base customers in no group). */
export type NpsGroupCounts = { group: string | null; detractors: number; passives: number; promoters: number };
export type CsatGroupCounts = { group: string | null; n: number; satisfied: number };

export interface NpsCompare {
	group: NpsStat;
	rest: NpsStat;
	/** group − rest; null when either side has no answer. */
	diff: NpsDifference | null;
}
export interface CsatCompare {
	group: CsatStat;
	rest: CsatStat;
	/** The 2×2 test of satisfied vs not, group vs rest; null when either side has no answer. */
	p: number | null;
	test: 'chi2' | 'fisher' | null;
}
export interface GroupSatisfaction {
	nps: NpsCompare | null;
	csat: CsatCompare | null;
}

const total = <T extends object>(rows: readonly T[], keys: readonly (keyof T)[]) =>
	Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + Number(r[k]), 0)])) as Record<keyof T, number>;

function npsOf(rows: readonly NpsGroupCounts[], group: string): NpsCompare {
	const keys = ['detractors', 'passives', 'promoters'] as const;
	const all = total(rows, keys);
	const own = total(rows.filter((r) => r.group === group), keys);
	const a = npsFromCounts(own);
	const b = npsFromCounts({ detractors: all.detractors - own.detractors, passives: all.passives - own.passives, promoters: all.promoters - own.promoters });
	return { group: a, rest: b, diff: a.n && b.n ? npsDifference(a, b) : null };
}

function csatOf(rows: readonly CsatGroupCounts[], group: string): CsatCompare {
	const all = total(rows, ['n', 'satisfied']);
	const own = total(rows.filter((r) => r.group === group), ['n', 'satisfied']);
	const a = csatFromCounts(own);
	const b = csatFromCounts({ n: all.n - own.n, satisfied: all.satisfied - own.satisfied });
	if (!a.n || !b.n) return { group: a, rest: b, p: null, test: null };
	const r = test2x2({ a: own.satisfied, b: own.n - own.satisfied, c: all.satisfied - own.satisfied, d: all.n - own.n - (all.satisfied - own.satisfied) });
	return { group: a, rest: b, p: r.p, test: r.test };
}

/** Every group's NPS and CSAT against the rest of the base (a KPI without its answer column: null). */
export function satisfactionByGroup(groups: readonly string[], nps: readonly NpsGroupCounts[] | null, csat: readonly CsatGroupCounts[] | null): Record<string, GroupSatisfaction> {
	return Object.fromEntries(groups.map((g) => [g, { nps: nps ? npsOf(nps, g) : null, csat: csat ? csatOf(csat, g) : null }]));
}
