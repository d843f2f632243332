import { describe, expect, it } from 'vitest';
import { normaliseSections, planReport, REPORT_SECTIONS, sectionAvailability, type ReportFacts } from '../../../../src/core/report/sections.ts';

const ALL_READY: ReportFacts = { rfm: 'ready', customerTable: false, matrixReady: true, kpisReady: true, journeyReady: true, planReady: true };

describe('report sections: which can be printed now', () => {
	it('every section is available when every analysis has results', () => {
		const a = sectionAvailability(ALL_READY);
		expect(Object.keys(a)).toEqual([...REPORT_SECTIONS]);
		expect(Object.values(a).every((x) => x.available)).toBe(true);
	});

	it.each([
		['no data: every RFM-based section says so; KPIs and journey name their own file', { ...ALL_READY, rfm: 'none', kpisReady: false, journeyReady: false }, { summary: 'noData', segments: 'noData', charts: 'noData', matrix: 'noData', kpis: 'noKpis', journey: 'noJourney', plans: 'noData' }],
		['RFM still running', { ...ALL_READY, rfm: 'running' }, { summary: 'rfmRunning', segments: 'rfmRunning', charts: 'rfmRunning', matrix: 'rfmRunning', plans: 'rfmRunning' }],
		['a customer table: no value matrix, no action list (they need transactions)', { ...ALL_READY, customerTable: true }, { matrix: 'customerTable', plans: 'customerTable' }],
		['matrix and plan not run yet', { ...ALL_READY, matrixReady: false, planReady: false }, { matrix: 'matrixNotRun', plans: 'planNotRun' }],
		['KPIs without RFM (a survey file alone) are available', { ...ALL_READY, rfm: 'none', journeyReady: false }, { summary: 'noData', segments: 'noData', charts: 'noData', matrix: 'noData', journey: 'noJourney', plans: 'noData' }]
	] as const)('%s', (_, facts, reasons) => {
		const a = sectionAvailability(facts);
		for (const id of REPORT_SECTIONS) {
			const want = (reasons as Record<string, string>)[id];
			expect(a[id], id).toEqual(want ? { available: false, reason: want } : { available: true });
		}
	});
});

describe('planReport: chosen sections are printed or listed with a reason, never dropped', () => {
	it('keeps print order whatever the order chosen, and lists the unavailable ones', () => {
		const a = sectionAvailability({ ...ALL_READY, matrixReady: false });
		const r = planReport(['plans', 'matrix', 'summary', 'kpis'], a);
		expect(r.printed).toEqual(['summary', 'kpis', 'plans']);
		expect(r.missing).toEqual([{ id: 'matrix', reason: 'matrixNotRun' }]);
		// Every chosen section is in exactly one of the two lists.
		expect([...r.printed, ...r.missing.map((m) => m.id)].sort()).toEqual(['kpis', 'matrix', 'plans', 'summary']);
	});

	it('an unticked section is neither printed nor listed', () => {
		const r = planReport(['segments'], sectionAvailability(ALL_READY));
		expect(r).toEqual({ printed: ['segments'], missing: [] });
	});
});

describe('normaliseSections', () => {
	it('keeps known ids once, in print order (a project from another version may carry others)', () => {
		expect(normaliseSections(['plans', 'bogus', 'summary', 'plans', 3, null])).toEqual(['summary', 'plans']);
		expect(normaliseSections([])).toEqual([]);
	});
});
