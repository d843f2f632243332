import { csatFromCounts } from '../kpi/csat.ts';
import { npsDifference, npsFromCounts, type NpsCounts } from '../kpi/nps.ts';
import { DEFAULT_CONFIDENCE, zFor } from '../kpi/stats.ts';
import { newcombeInterval, type Diff } from './intervals.ts';

/**
 * NPS and CSAT of one group of the plan evaluation, from answer counts per period (before b, after
 * a) and side (contacted c, control k): after − before, and contacted − control after. NPS on the
 * −1..1 scale, its differences ± z·√(se₁² + se₂²) (core/kpi/nps.ts); CSAT (share satisfied) with
 * Newcombe's interval.
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
	const d = (x: { diff: number; ciLow: number; ciHigh: number }): Diff => (Number.isFinite(x.diff) ? { diff: x.diff, low: x.ciLow, high: x.ciHigh } : NONE);
	const c = cells.csat;
	const cb = addCsat(c.bc, c.bk);
	const ca = addCsat(c.ac, c.ak);
	const cc = addCsat(c.ac);
	const ck = addCsat(c.ak);
	return {
		npsBefore: before.nps,
		npsAfter: after.nps,
		npsChange: d(npsDifference(after, before, o)),
		npsContacted: contacted.nps,
		npsControl: control.nps,
		npsDiff: d(npsDifference(contacted, control, o)),
		csatBefore: csatFromCounts(cb).csat,
		csatAfter: csatFromCounts(ca).csat,
		csatChange: newcombeInterval(ca.satisfied, ca.n, cb.satisfied, cb.n, z),
		csatContacted: csatFromCounts(cc).csat,
		csatControl: csatFromCounts(ck).csat,
		csatDiff: newcombeInterval(cc.satisfied, cc.n, ck.satisfied, ck.n, z)
	};
}
