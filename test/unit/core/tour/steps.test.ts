import { describe, expect, it } from 'vitest';
import { resumeIndex, stepCounter, stepFrom, TOUR_STEPS, tourPlan, type TourView } from '../../../../src/core/tour/steps.ts';

/** Every tab the page has today, all open (the sample loaded). */
const ALL: TourView[] = ['import', 'data', 'quality', 'rfm', 'migration', 'lifecycle', 'value', 'abc', 'grade', 'persona', 'datasets', 'kpis', 'journey', 'plan', 'forecast'].map((id) => ({ id, enabled: true }));
const ids = (steps: readonly { id: string }[]) => steps.map((s) => s.id);

describe('the tour steps', () => {
	it('follow the training material: why classify, ABC, RFM, value matrix, lifecycle, grading, plans, KPIs, journey, evaluation', () => {
		expect(ids(TOUR_STEPS)).toEqual(['why', 'abc', 'rfm', 'value', 'lifecycle', 'grade', 'plan', 'kpis', 'journey', 'evaluate']);
		// Each step points at its own element.
		expect(new Set(TOUR_STEPS.map((s) => s.target)).size).toBe(TOUR_STEPS.length);
	});

	it('all run when every tab is open', () => {
		expect(ids(tourPlan(ALL))).toEqual(ids(TOUR_STEPS));
	});

	it('skips steps whose view is missing or turned off (a customer table: only RFM, KPIs and journey)', () => {
		const customerTable = ALL.map((v) => ({ id: v.id, enabled: ['import', 'data', 'rfm', 'datasets', 'kpis', 'journey', 'forecast'].includes(v.id) }));
		expect(ids(tourPlan(customerTable))).toEqual(['why', 'rfm', 'kpis', 'journey']);
		const noJourney = ALL.filter((v) => v.id !== 'journey');
		expect(ids(tourPlan(noJourney))).toEqual(['why', 'abc', 'rfm', 'value', 'lifecycle', 'grade', 'plan', 'kpis', 'evaluate']);
		expect(tourPlan([])).toEqual([]);
	});

	it('resumes at the remembered step, or the first later one still planned, else at the start', () => {
		const plan = tourPlan(ALL);
		expect(resumeIndex(plan, null)).toBe(0);
		expect(resumeIndex(plan, 'rfm')).toBe(2);
		expect(resumeIndex(plan, 'evaluate')).toBe(9);
		const withoutValue = plan.filter((s) => s.id !== 'value' && s.id !== 'lifecycle');
		// 'value' was step 4; without it (and lifecycle) the tour goes on at grading.
		expect(withoutValue[resumeIndex(withoutValue, 'value')]!.id).toBe('grade');
		// Nothing after the remembered step: back to the start; an unknown id: the start.
		expect(resumeIndex(plan.slice(0, 3), 'journey')).toBe(0);
		expect(resumeIndex(plan, 'no-such-step')).toBe(0);
	});

	it('Next and Back skip steps whose element did not appear, and stop at either end', () => {
		const plan = tourPlan(ALL);
		const missing = new Set(['abc', 'rfm']);
		expect(stepFrom(plan, 0, 1, missing)).toBe(3);
		expect(stepFrom(plan, 3, -1, missing)).toBe(0);
		expect(stepFrom(plan, 9, 1)).toBeNull();
		expect(stepFrom(plan, 0, -1)).toBeNull();
		expect(stepFrom(plan, -1, 1, new Set(['why']))).toBe(1);
	});

	it('counts the steps shown: "3 / 10", and "2 / 8" once two are found missing', () => {
		const plan = tourPlan(ALL);
		expect(stepCounter(plan, 2)).toEqual({ at: 3, of: 10 });
		expect(stepCounter(plan, 3, new Set(['abc', 'rfm']))).toEqual({ at: 2, of: 8 });
	});
});
