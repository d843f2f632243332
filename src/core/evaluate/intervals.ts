import { wilsonInterval, type Interval } from '../kpi/stats.ts';

/**
 * Intervals of a difference, for the plan evaluation (绩效评估): two proportions (Newcombe's hybrid
 * score interval) and two means (normal approximation).
 */

/** A difference with its interval (NaN bounds when a side has no one in it). */
export interface Diff {
	diff: number;
	low: number;
	high: number;
}

/**
 * Newcombe (1998), method 10: the hybrid score interval of p₁ − p₂ = a/m − b/n for independent
 * samples, built from each proportion's Wilson interval (l₁, u₁), (l₂, u₂):
 * [θ − z·√(l₁(1−l₁)/m + u₂(1−u₂)/n), θ + z·√(u₁(1−u₁)/m + l₂(1−l₂)/n)]. It stays inside [−1, 1]
 * and behaves at 0 and 1, unlike the Wald interval.
 */
export function newcombeInterval(a: number, m: number, b: number, n: number, z: number): Diff {
	if (m <= 0 || n <= 0) return { diff: m > 0 && n > 0 ? a / m - b / n : NaN, low: NaN, high: NaN };
	const p1 = a / m;
	const p2 = b / n;
	const w1: Interval = wilsonInterval(a, m, z);
	const w2: Interval = wilsonInterval(b, n, z);
	const diff = p1 - p2;
	const down = z * Math.sqrt((w1.low * (1 - w1.low)) / m + (w2.high * (1 - w2.high)) / n);
	const up = z * Math.sqrt((w1.high * (1 - w1.high)) / m + (w2.low * (1 - w2.low)) / n);
	return { diff, low: diff - down, high: diff + up };
}

/** mean₁ − mean₂ ± z·√(se₁² + se₂²) (independent samples; NaN when a standard error is unknown). */
export function meanDiffInterval(m1: { mean: number; se: number }, m2: { mean: number; se: number }, z: number): Diff {
	const diff = m1.mean - m2.mean;
	const half = z * Math.sqrt(m1.se * m1.se + m2.se * m2.se);
	return { diff, low: diff - half, high: diff + half };
}
