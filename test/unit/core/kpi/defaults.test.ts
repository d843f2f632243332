import { describe, expect, it } from 'vitest';
import { cesScaleOption, csatScaleOption, retentionArgs } from '../../../../src/cli/kpi.ts';
import { reportOptions } from '../../../../src/cli/journey.ts';
import * as D from '../../../../src/core/kpi/defaults.ts';
import { cesTargetValue } from '../../../../src/core/kpi/scales.ts';
import { DEFAULT_TARGETS } from '../../../../src/core/kpi/targets.ts';
import { painPointsSql } from '../../../../src/core/sql/journey.ts';
import { DatasetState } from '../../../../src/state/datasets.svelte.ts';
import { JourneyModel } from '../../../../src/views/journey/journey-model.svelte.ts';
import { KpiModel } from '../../../../src/views/kpi/kpi-model.svelte.ts';

/*
 * Page and CLI start from the same defaults (core/kpi/defaults.ts) where they agree; where they
 * differ on purpose, the difference is named there and pinned here.
 */
const surveys = new DatasetState('surveys');
const page = new KpiModel({ db: () => null, surveys, tx: () => ({ ready: false, version: 0 }), tables: () => ({ versions: [], ignore: [] }) });
const journeyPage = new JourneyModel({ db: () => null, touchpoints: new DatasetState('touchpoints'), tables: () => ({ versions: [], ignore: [] }) });
const retention = retentionArgs({ input: 'tx.csv', customer: 'c', date: 'd', amount: 'a', start: '2024-01-01', end: '2024-03-31' });

describe('KPI defaults: page and CLI', () => {
	it.each([
		['lost after N days', page.lostDays, retention.lostDays, D.DEFAULT_LOST_DAYS]
	])('%s: page %s, CLI %s', (_name, onPage, inCli, dflt) => {
		expect(onPage).toBe(dflt);
		expect(inCli).toBe(dflt);
	});

	it('scales: the page detects each answer column’s scale at import; the CLI starts from the defaults', () => {
		expect(surveys.choices).toEqual({ csat: 'auto', ces: 'auto', cesDirection: 'auto' });
		expect([csatScaleOption({}), cesScaleOption({})]).toEqual([D.DEFAULT_CSAT_SCALE, D.DEFAULT_CES_SCALE]);
	});

	it('CES target: effort on 1–7 is DEFAULT_TARGETS’ (≤ 3), ease on 1–7 the page’s start (≥ 5)', () => {
		expect([cesTargetValue('1-7', 'effort'), cesTargetValue('1-7', 'ease')]).toEqual([DEFAULT_TARGETS.ces.value, D.PAGE_CES_TARGET.value]);
	});

	it('targets: the page starts from DEFAULT_TARGETS except CES, which follows its column once surveys load', () => {
		const { ces, ...rest } = page.targets;
		const { ces: coreCes, ...coreRest } = DEFAULT_TARGETS;
		expect(rest).toEqual(coreRest);
		// CES: effort (lower is better, 3) in core and the README; agreement with "it was easy" on the page.
		expect(ces).toEqual(D.PAGE_CES_TARGET);
		expect([coreCes.value, coreCes.direction, ces.value, ces.direction]).toEqual([3, 'lower', 5, 'higher']);
	});
});

describe('journey defaults: page and CLI', () => {
	it('path steps and top paths', () => {
		expect(reportOptions('paths', {})).toMatchObject({ steps: journeyPage.pathSteps, top: journeyPage.topN });
		expect([journeyPage.pathSteps, journeyPage.topN]).toEqual([D.DEFAULT_PATH_STEPS, D.DEFAULT_TOP_PATHS]);
	});

	it('pain points: the same minimum of scores; the page lists fewer', () => {
		const cli = reportOptions('pain', {});
		expect(cli).toEqual({ report: 'pain', minScored: D.DEFAULT_MIN_SCORED, limit: D.DEFAULT_PAIN_LIMIT });
		// The page asks painPointsSql for PAGE_PAIN_LIMIT rows and leaves the minimum to its default.
		expect(painPointsSql({ table: 'tp', limit: D.PAGE_PAIN_LIMIT }).text).toBe(painPointsSql({ table: 'tp', minScored: D.DEFAULT_MIN_SCORED, limit: D.PAGE_PAIN_LIMIT }).text);
		expect(D.PAGE_PAIN_LIMIT).toBeLessThan(D.DEFAULT_PAIN_LIMIT);
	});

	it('times: the CLI looks at 5 steps, the page at its path steps (at least 2); the funnel window is the page’s', () => {
		expect(reportOptions('times', {})).toMatchObject({ maxSteps: D.DEFAULT_TIME_STEPS });
		expect(reportOptions('funnel', { steps: 'A,B' })).toMatchObject({ windowDays: undefined });
		expect(journeyPage.windowDays).toBe(D.PAGE_FUNNEL_WINDOW_DAYS);
	});
});
