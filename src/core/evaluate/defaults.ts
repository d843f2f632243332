import { addDays } from '../iso-days.ts';

/**
 * The plan evaluation's settings: the plan's start S and a period length L. Before = [S−L, S),
 * after = [S, S+L); strict retention before needs the period before that, [S−2L, S−L).
 */
export const DEFAULT_EVALUATE = { days: 90, maxDays: 3650 } as const;

/** The three periods, as YYYY-MM-DD half-open ranges [from, to). */
export interface EvaluateWindows {
	/** [S−2L, S−L): the base of the retention before. */
	prior: { from: string; to: string };
	/** [S−L, S) */
	before: { from: string; to: string };
	/** [S, S+L) */
	after: { from: string; to: string };
}

export function evaluateWindows(start: string, days: number): EvaluateWindows {
	const b = addDays(start, -days);
	return { prior: { from: addDays(start, -2 * days), to: b }, before: { from: b, to: start }, after: { from: start, to: addDays(start, days) } };
}
