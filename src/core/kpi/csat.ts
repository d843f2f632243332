import { DEFAULT_CONFIDENCE, wilsonInterval, zFor } from './stats.ts';

/**
 * Customer satisfaction (CSAT): the share of "top-two-box" answers among the answers given
 * (blanks excluded). On a 5-point scale 4–5 count as satisfied, on a 7-point scale 6–7, on a
 * 10-point scale 9–10: always the two highest points. The interval is the Wilson score interval.
 */
export const CSAT_SCALES = [5, 7, 10] as const;
export type CsatScale = (typeof CSAT_SCALES)[number];

export function isCsatScale(v: number): v is CsatScale {
	return (CSAT_SCALES as readonly number[]).includes(v);
}

/** The lowest answer that counts as satisfied: the top two boxes (5 → 4, 7 → 6, 10 → 9). */
export function satisfiedFrom(scale: CsatScale): number {
	return scale - 1;
}

export interface CsatCounts {
	/** Answers given (blanks excluded). */
	n: number;
	/** Top-two-box answers. */
	satisfied: number;
}

export interface CsatStat extends CsatCounts {
	/** Share satisfied (0–1); NaN when n = 0. */
	csat: number;
	ciLow: number;
	ciHigh: number;
}

export function csatFromCounts(c: CsatCounts, o: { confidence?: number } = {}): CsatStat {
	if (!Number.isInteger(c.n) || c.n < 0 || !Number.isInteger(c.satisfied) || c.satisfied < 0 || c.satisfied > c.n)
		throw new RangeError(`CSAT counts must be whole numbers with 0 ≤ satisfied ≤ n, got ${c.satisfied} of ${c.n}`);
	const ci = wilsonInterval(c.satisfied, c.n, zFor(o.confidence ?? DEFAULT_CONFIDENCE));
	return { n: c.n, satisfied: c.satisfied, csat: c.n ? c.satisfied / c.n : NaN, ciLow: ci.low, ciHigh: ci.high };
}

/** CSAT from raw answers on a scale (blanks as null are skipped). */
export function csatFromScores(scores: readonly (number | null)[], scale: CsatScale, o: { confidence?: number } = {}): CsatStat {
	const given = scores.filter((s): s is number => s !== null);
	for (const s of given) if (!Number.isInteger(s) || s < 1 || s > scale) throw new RangeError(`a CSAT answer is a whole number 1–${scale}, got ${s}`);
	return csatFromCounts({ n: given.length, satisfied: given.filter((s) => s >= satisfiedFrom(scale)).length }, o);
}
