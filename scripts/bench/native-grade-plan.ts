/**
 * (b) continued, on the native client after RFM (and the value matrix): what the grading and plan tabs
 * run on their first visit, through the page's own functions and SQL builders (run/grade.ts →
 * core/sql/grade*.ts, run/plan.ts → core/sql/plan*.ts), timed in Node.
 *
 * grade: the weighted VIP / Important / Regular / General preset (English names, as the bench page
 *   runs in English) through the JSON a file would hold, as GradeModel.run does: availability,
 *   indicator check, indicator values, points, tiers, then tier summary, distribution, sensitivity.
 * plan: basis RFM segments with the default plans (defaultPlanSet), start = the RFM as-of date,
 *   the default horizon and seed, every day (no working-day calendar), as PlanModel.run does: group
 *   ids, action list, contacts, then the summary, the weekly workload and the rows.
 */
import { parseStandardJson } from '../../src/core/grade/parse.ts';
import { PRESET_TIER_NAMES, weightedPreset } from '../../src/core/grade/presets.ts';
import { standardJson } from '../../src/core/grade/standard.ts';
import { defaultPlanSet } from '../../src/core/plan/defaults.ts';
import { segmentRuleTexts } from '../../src/core/plan/reasons.ts';
import { DEFAULT_PLAN_RUN } from '../../src/core/plan/types.ts';
import { OTHERS, type SegmentSet } from '../../src/core/segments/rules.ts';
import type { DbClient } from '../../src/db/client.ts';
import { segmentName, translate } from '../../src/i18n/translate.ts';
import {
	buildGradeInput,
	checkIndicators,
	gradeAvailability,
	gradeResults,
	scoreGrade,
	type GradeSourceOptions
} from '../../src/run/grade.ts';
import { planRows, planSummary, planWorkload, runPlan } from '../../src/run/plan.ts';
import type { StepTime } from './trace.ts';

export interface NativeStep {
	ms: number;
	/** The statements that build the tables (before the summary queries). */
	sql_ms: number;
	/** Customers graded / in the action list. */
	customers: number;
	/** By statement (filled in by native.ts, whose client times them). */
	steps?: StepTime[];
}

export async function nativeGrade(
	db: DbClient,
	o: { asOf: string; cost: boolean; clv: boolean }
): Promise<NativeStep> {
	const t0 = performance.now();
	const s = parseStandardJson(standardJson(weightedPreset(PRESET_TIER_NAMES.en)));
	const src: GradeSourceOptions = {
		asOf: o.asOf,
		monetaryIsAverage: false,
		cost: o.cost,
		clv: o.clv,
		surveys: null,
		profiles: false
	};
	const available = await gradeAvailability(db, src);
	await checkIndicators(db, s, available);
	await buildGradeInput(db, s, src);
	const words = {
		total: translate('en', 'grade.reason.total'),
		ungraded: translate('en', 'grade.reason.ungraded')
	};
	await scoreGrade(db, s, words, true);
	const t1 = performance.now();
	const r = await gradeResults(db, s);
	return {
		ms: performance.now() - t0,
		sql_ms: t1 - t0,
		customers: r.tiers.reduce((a, t) => a + t.customers, 0)
	};
}

export async function nativePlan(
	db: DbClient,
	o: { asOf: string; set: SegmentSet }
): Promise<NativeStep> {
	const t0 = performance.now();
	const names: Record<string, string> = Object.fromEntries(
		o.set.rules.map((r) => [r.id, segmentName('en', r.id, r.label)])
	);
	names[OTHERS] = segmentName('en', OTHERS);
	const rules = segmentRuleTexts(o.set, {
		rule: (rule) => translate('en', 'plan.reason.rule', { rule }),
		others: translate('en', 'plan.reason.others'),
		prospects: translate('en', 'plan.reason.prospects')
	});
	const plans = defaultPlanSet('segment', Object.keys(names), o.set, 'en');
	await runPlan(db, {
		basis: { basis: 'segment', names, rules },
		plans,
		start: o.asOf,
		horizonDays: DEFAULT_PLAN_RUN.horizonDays,
		seed: DEFAULT_PLAN_RUN.seed,
		holidays: null
	});
	const t1 = performance.now();
	const [, , rows] = await Promise.all([planSummary(db), planWorkload(db, 'week'), planRows(db)]);
	return { ms: performance.now() - t0, sql_ms: t1 - t0, customers: rows.length };
}
