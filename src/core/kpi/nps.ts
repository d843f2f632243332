import { DEFAULT_CONFIDENCE, zFor } from './stats.ts';

/**
 * Net Promoter Score. Answers 0–10: promoters 9–10, passives 7–8, detractors 0–6.
 * NPS = share of promoters − share of detractors. Each answer is scored +1 / 0 / −1, so NPS is the
 * mean on the −1..1 scale and its variance is (p + d) − (p − d)², the standard error √(var / n)
 * and the interval a Wald interval NPS ± z·se (as in the R NPS package).
 */
export type NpsCategory = 'detractor' | 'passive' | 'promoter';

export const NPS_MIN = 0;
export const NPS_MAX = 10;

/** The category of one 0–10 answer; throws for anything else (callers validate first). */
export function npsCategory(score: number): NpsCategory {
	if (!Number.isInteger(score) || score < NPS_MIN || score > NPS_MAX) throw new RangeError(`an NPS answer is a whole number 0–10, got ${score}`);
	return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface NpsCounts {
	detractors: number;
	passives: number;
	promoters: number;
}

export interface NpsStat extends NpsCounts {
	n: number;
	/** Shares of the n answers (0–1). */
	pPromoters: number;
	pDetractors: number;
	/** On the −1..1 scale (multiply by 100 for points); NaN when n = 0. */
	nps: number;
	/** Variance of one answer's score on the −1..1 scale. */
	variance: number;
	se: number;
	/** Wald interval on the −1..1 scale, clipped to [−1, 1]. */
	ciLow: number;
	ciHigh: number;
}

export interface NpsOptions {
	/** Confidence level of the interval (default 0.95). */
	confidence?: number;
}

/** NPS, variance, standard error and interval from the three counts. */
export function npsFromCounts(c: NpsCounts, o: NpsOptions = {}): NpsStat {
	const counts: NpsCounts = { detractors: c.detractors, passives: c.passives, promoters: c.promoters };
	for (const [k, v] of Object.entries(counts)) if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a count (a whole number ≥ 0), got ${v}`);
	const n = c.detractors + c.passives + c.promoters;
	if (n === 0) return { ...counts, n, pPromoters: NaN, pDetractors: NaN, nps: NaN, variance: NaN, se: NaN, ciLow: NaN, ciHigh: NaN };
	const p = c.promoters / n;
	const d = c.detractors / n;
	const nps = p - d;
	const variance = Math.max(0, p + d - nps * nps);
	const se = Math.sqrt(variance / n);
	const z = zFor(o.confidence ?? DEFAULT_CONFIDENCE);
	return { ...counts, n, pPromoters: p, pDetractors: d, nps, variance, se, ciLow: Math.max(-1, nps - z * se), ciHigh: Math.min(1, nps + z * se) };
}

/** NPS from raw answers (each a whole number 0–10). */
export function npsFromScores(scores: readonly number[], o: NpsOptions = {}): NpsStat {
	const c: NpsCounts = { detractors: 0, passives: 0, promoters: 0 };
	for (const s of scores) {
		const k = npsCategory(s);
		if (k === 'promoter') c.promoters++;
		else if (k === 'passive') c.passives++;
		else c.detractors++;
	}
	return npsFromCounts(c, o);
}

export interface NpsDifference {
	/** a − b on the −1..1 scale. */
	diff: number;
	/** √(se_a² + se_b²): the two groups are independent samples. */
	se: number;
	ciLow: number;
	ciHigh: number;
	/** The interval excludes 0. */
	significant: boolean;
}

/** The difference between two groups' NPS (a − b) with its Wald interval. */
export function npsDifference(a: NpsStat, b: NpsStat, o: NpsOptions = {}): NpsDifference {
	const diff = a.nps - b.nps;
	const se = Math.sqrt(a.se * a.se + b.se * b.se);
	const z = zFor(o.confidence ?? DEFAULT_CONFIDENCE);
	const ciLow = diff - z * se;
	const ciHigh = diff + z * se;
	return { diff, se, ciLow, ciHigh, significant: ciLow > 0 || ciHigh < 0 };
}

/** A value on the −1..1 scale in NPS points (−100..100). */
export function toPoints(v: number): number {
	return v * 100;
}
