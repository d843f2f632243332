import { ClienteleError } from '../core/errors.ts';
import { DEFAULT_LIFECYCLE, STAGES } from '../core/lifecycle/defaults.ts';
import { segmentRuleTexts } from '../core/plan/reasons.ts';
import { QUADRANTS } from '../core/sql/value-matrix.ts';
import type { DbClient } from '../db/client.ts';
import type { Lang, Translate } from '../i18n/translate.ts';
import { lifecycleFrequency, runLifecycle } from '../run/lifecycle.ts';
import { planGroupIds, type PlanBasisInput } from '../run/plan.ts';
import { tableExists } from '../run/table-ops.ts';
import { GRADE_TABLE, PLAN_STAGES } from '../run/tables.ts';
import type { RfmRun } from './analysis.svelte.ts';

/**
 * A grouping basis in the page — RFM segments, value-matrix quadrants, grading tiers (the grading
 * tab's last run) or lifecycle stages (the defaults at RFM's as-of) — as the plan and persona views
 * both read it, with names and reasons in the page's language.
 */

export type PageBasis = 'segment' | 'quadrant' | 'stage' | 'tier';

export async function pageBasisInput(
	db: DbClient,
	basis: PageBasis,
	o: { rfm: RfmRun; hasOrder: boolean; profiles: boolean; lang: Lang; t: Translate }
): Promise<PlanBasisInput> {
	const { rfm, t } = o;
	if (basis === 'tier') {
		// The tiers of the grading tab's last run (its table); none yet: say where to grade.
		if (!(await tableExists(db, GRADE_TABLE))) throw new ClienteleError('plan.needGrade');
		const tiers = await planGroupIds(db, { basis: 'tier', names: {}, ungraded: t('plan.ungraded'), table: GRADE_TABLE });
		return { basis: 'tier', names: Object.fromEntries(tiers.map((g) => [g, g])), ungraded: t('plan.ungraded'), table: GRADE_TABLE };
	}
	if (basis === 'stage') {
		// The lifecycle defaults at the RFM as-of, into the plan's own table (the lifecycle view's stays as the user set it).
		const days = DEFAULT_LIFECYCLE;
		await runLifecycle(db, { asOf: rfm.asOf, days, frequency: lifecycleFrequency(rfm.frequency, o.hasOrder), returns: rfm.returns, cancelledPattern: rfm.cancelledPattern, profiles: o.profiles }, PLAN_STAGES);
		const ruleDays = { potential: 0, new: days.newDays, active: days.activeDays, silent: days.churnDays, churned: days.churnDays };
		return {
			basis: 'stage',
			table: PLAN_STAGES,
			names: Object.fromEntries(STAGES.map((s) => [s, t(`lifecycle.stage.${s}`)])),
			rules: Object.fromEntries(STAGES.map((s) => [s, ` (${t(`lifecycle.rule.${s}`, { days: ruleDays[s] })})`])),
			words: { since: t('plan.reason.since') }
		};
	}
	if (basis === 'segment') {
		const rules = segmentRuleTexts(rfm.set, { rule: (rule) => t('plan.reason.rule', { rule }), others: t('plan.reason.others'), prospects: t('plan.reason.prospects') });
		return { basis: 'segment', names: rfm.segmentNames(o.lang), rules };
	}
	return {
		basis: 'quadrant',
		names: Object.fromEntries(QUADRANTS.map((q) => [q, t(`value.quadrant.${q}`)])),
		rules: Object.fromEntries(QUADRANTS.map((q) => [q, ` (${t(`plan.reason.quadrant.${q}`)})`])),
		words: { current: t('plan.reason.current'), potential: t('plan.reason.potential') }
	};
}
