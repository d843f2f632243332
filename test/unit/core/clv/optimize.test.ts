import { describe, expect, it } from 'vitest';
import {
	boxed,
	LOG_BOUND,
	minimizeFromStarts,
	minimizeStaged,
	nearBound,
	nelderMead
} from '../../../../src/core/clv/optimize.ts';

const rosenbrock = ([x = 0, y = 0]: readonly number[]): number =>
	100 * (y - x * x) ** 2 + (1 - x) ** 2;
const bowl = (p: readonly number[]): number => p.reduce((s, v, i) => s + (i + 1) * (v - i) ** 2, 0);
/** Two wells; the global minimum is near x = −1. */
const doubleWell = ([x = 0]: readonly number[]): number => (x * x - 1) ** 2 + 0.3 * x;

describe('nelderMead', () => {
	it.each([
		['Rosenbrock', rosenbrock, [-1.2, 1], [1, 1]],
		['4-d bowl', bowl, [3, 3, 3, 3], [0, 1, 2, 3]],
		['1-d quadratic', ([x = 0]: readonly number[]) => (x - 5) ** 2, [0], [5]]
	] as const)('finds the minimum of %s', (_name, f, start, want) => {
		const r = nelderMead(f, start);
		expect(r.converged).toBe(true);
		r.x.forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 4));
		expect(r.iterations).toBeGreaterThan(0);
	});

	it('treats NaN as +Infinity (points can be rejected)', () => {
		const f = ([x = 0]: readonly number[]): number => (x < 0 ? NaN : (x - 1) ** 2);
		const r = nelderMead(f, [0.5]);
		expect(r.x[0]).toBeCloseTo(1, 5);
	});

	it('reports not converged when the iteration budget runs out', () => {
		const r = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5, restarts: 0 });
		expect(r.converged).toBe(false);
		expect(r.iterations).toBe(5);
		expect(Number.isFinite(r.fx)).toBe(true);
	});

	it.each([
		[{ maxIterations: 0 }, /maxIterations must be a positive integer, got 0/],
		[{ tolerance: -1 }, /tolerance must be ≥ 0, got -1/],
		[{ initialStep: 0 }, /initialStep must be > 0, got 0/],
		[{ restarts: 1.5 }, /restarts must be a whole number ≥ 0, got 1.5/]
	])('rejects options %j', (options, message) => {
		expect(() => nelderMead(bowl, [1], options)).toThrow(message);
	});

	it('rejects bad starts', () => {
		expect(() => nelderMead(bowl, [])).toThrow(/empty start/);
		expect(() => nelderMead(bowl, [1, NaN])).toThrow(/x0\[1\] must be finite, got NaN/);
		expect(() => minimizeFromStarts(bowl, [])).toThrow(/at least one start/);
	});
});

describe('several starts', () => {
	it('keeps the best start', () => {
		const options = { initialStep: 0.05, restarts: 0 };
		const right = nelderMead(doubleWell, [1.2], options);
		expect(right.x[0]).toBeGreaterThan(0);
		const best = minimizeFromStarts(doubleWell, [[1.2], [-1.2]], options);
		expect(best.x[0]).toBeLessThan(0);
		expect(best.fx).toBeLessThan(right.fx);
	});

	it('minimizeStaged explores on a stand-in, then polishes on the real function', () => {
		const shifted = ([x = 0]: readonly number[]): number => doubleWell([x + 0.01]);
		const r = minimizeStaged(doubleWell, [[2], [-2]], { explore: shifted });
		const direct = minimizeFromStarts(doubleWell, [[2], [-2]]);
		expect(r.converged).toBe(true);
		expect(r.x[0]).toBeCloseTo(direct.x[0] as number, 5);
	});
});

describe('log-parameter box', () => {
	it('rejects points outside and flags points near the edge', () => {
		const f = boxed(() => 1);
		expect(f([0, LOG_BOUND])).toBe(1);
		expect(f([0, LOG_BOUND + 0.1])).toBe(Infinity);
		expect(nearBound([0, LOG_BOUND - 0.5])).toBe(true);
		expect(nearBound([0, 3])).toBe(false);
	});
});
