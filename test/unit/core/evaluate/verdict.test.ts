import { describe, expect, it } from 'vitest';
import type { GroupEvaluation } from '../../../../src/core/evaluate/stats.ts';
import { verdictOf } from '../../../../src/core/evaluate/verdict.ts';

const d = (low: number, high: number) => ({ diff: (low + high) / 2, low, high });
const g = (o: Partial<GroupEvaluation>) => ({ contacted: 10, control: 2, revenuePcDiff: d(-1, 1), activeDiff: d(-0.1, 0.1), ...o }) as GroupEvaluation;

describe('verdictOf', () => {
	it('the revenue interval decides when it exists', () => {
		expect(verdictOf(g({ revenuePcDiff: d(0.5, 3) }))).toBe('better');
		expect(verdictOf(g({ revenuePcDiff: d(-3, -0.5) }))).toBe('worse');
		expect(verdictOf(g({ revenuePcDiff: d(-3, 0.5), activeDiff: d(0.1, 0.2) }))).toBe('unclear');
	});
	it('without a revenue interval, the bought-after share decides; no control, no verdict', () => {
		expect(verdictOf(g({ revenuePcDiff: d(NaN, NaN), activeDiff: d(0.05, 0.2) }))).toBe('better');
		expect(verdictOf(g({ control: 0 }))).toBe('noControl');
	});
});
