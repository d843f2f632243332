import { csatFromCounts } from '../kpi/csat.ts';
import { npsDifference, npsFromCounts, type NpsCounts, type NpsStat } from '../kpi/nps.ts';
import { DEFAULT_CONFIDENCE, zFor } from '../kpi/stats.ts';
import { newcombeInterval, type Diff } from './intervals.ts';

/**
 * NPS and CSAT of one group of the plan evaluation, from answer counts per period (before b, after
 * a) and side (contacted c, control k): after − before, and contacted − control after. NPS on the
 * −1..1 scale, its differences ± z·√(se₁² + se₂²) (core/kpi/nps.ts) — none when a side's answers are
 * all alike (se 0); CSAT (share satisfied) with Newcombe's interval.
 */
export interface SurveyEvaluation {
	npsBefore: number;
	npsAfter: number;
	npsChange: Diff;
	npsContacted: number;
	npsControl: number;
	npsDiff: Diff;
	csatBefore: number;
	csatAfter: number;
	csatChange: Diff;
	csatContacted: number;
	csatControl: number;
	csatDiff: Diff;
}

export type Period = 'b' | 'a';
export type Side = 'c' | 'k';
export type CellKey = `${Period}${Side}`;

export interface SurveyCells {
	nps: Partial<Record<CellKey, NpsCounts>>;
	csat: Partial<Record<CellKey, { n: number; satisfied: number }>>;
}

const NONE: Diff = { diff: NaN, low: NaN, high: NaN };

function addNps(...xs: (NpsCounts | undefined)[]): NpsCounts {
	const c = { detractors: 0, passives: 0, promoters: 0 };
	for (const x of xs) {
		if (!x) continue;
		c.detractors += x.detractors;
		c.passives += x.passives;
		c.promoters += x.promoters;
	}
	return c;
}

function addCsat(...xs: ({ n: number; satisfied: number } | undefined)[]): { n: number; satisfied: number } {
	return xs.reduce<{ n: number; satisfied: number }>((a, x) => (x ? { n: a.n + x.n, satisfied: a.satisfied + x.satisfied } : a), { n: 0, satisfied: 0 });
}

export function evaluateSurvey(cells: SurveyCells, confidence = DEFAULT_CONFIDENCE): SurveyEvaluation {
	const z = zFor(confidence);
	const o = { confidence };
	const n = cells.nps;
	const before = npsFromCounts(addNps(n.bc, n.bk), o);
	const after = npsFromCounts(addNps(n.ac, n.ak), o);
	const contacted = npsFromCounts(addNps(n.ac), o);
	const control = npsFromCounts(addNps(n.ak), o);
	// A side whose answers are all alike has a Wald standard error of 0: no interval then, only the difference.
	const d = (a: NpsStat, b: NpsStat): Diff => {
		const x = npsDifference(a, b, o);
		if (!Number.isFinite(x.diff)) return NONE;
		return a.se > 0 && b.se > 0 ? { diff: x.diff, low: x.ciLow, high: x.ciHigh } : { diff: x.diff, low: NaN, high: NaN };
	};
	const c = cells.csat;
	const cb = addCsat(c.bc, c.bk);
	const ca = addCsat(c.ac, c.ak);
	const cc = addCsat(c.ac);
	const ck = addCsat(c.ak);
	return {
		npsBefore: before.nps,
		npsAfter: after.nps,
		npsChange: d(after, before),
		npsContacted: contacted.nps,
		npsControl: control.nps,
		npsDiff: d(contacted, control),
		csatBefore: csatFromCounts(cb).csat,
		csatAfter: csatFromCounts(ca).csat,
		csatChange: newcombeInterval(ca.satisfied, ca.n, cb.satisfied, cb.n, z),
		csatContacted: csatFromCounts(cc).csat,
		csatControl: csatFromCounts(ck).csat,
		csatDiff: newcombeInterval(cc.satisfied, cc.n, ck.satisfied, ck.n, z)
	};
}
