import { STAGES, type LifecycleDays } from '../core/lifecycle/defaults.ts';
import type { Values } from './options.ts';
import type { DbClient } from '../db/client.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import { runLifecycle } from '../run/lifecycle.ts';
import type { PlanBasisInput } from '../run/plan.ts';
import { GRADE_TABLE, PLAN_STAGES } from '../run/tables.ts';
import { gradeFromFlags, type GradeSettings } from './grade.ts';
import { stageNames } from './lifecycle.ts';
import type { TxInput } from './rfm-options.ts';

/** The day setting each stage's rule names. */
const RULE_DAYS = { potential: null, new: 'newDays', active: 'activeDays', silent: 'churnDays', churned: 'churnDays' } as const;

/** Each stage's rule in words, in `lang` (the lifecycle view's wording). */
export function stageRules(days: LifecycleDays, lang: Lang): Record<string, string> {
	return Object.fromEntries(
		STAGES.map((s) => {
			const k = RULE_DAYS[s];
			return [s, ` (${translate(lang, `lifecycle.rule.${s}`, k ? { days: days[k] } : {})})`];
		})
	);
}

/** `plan --basis stage`: the lifecycle stages at the as-of date (loaded profiles add potential customers). */
export async function stageBasis(
	db: DbClient,
	o: { tx: TxInput; days: LifecycleDays; profiles: boolean; asOf: string; lang: Lang }
): Promise<PlanBasisInput> {
	await runLifecycle(
		db,
		{ asOf: o.asOf, days: o.days, frequency: o.tx.roles.order ? 'orders' : 'days', returns: o.tx.returns, cancelledPattern: o.tx.cancelledPattern, profiles: o.profiles },
		PLAN_STAGES
	);
	return { basis: 'stage', names: stageNames(o.lang), rules: stageRules(o.days, o.lang), words: { since: translate(o.lang, 'plan.reason.since') }, table: PLAN_STAGES };
}

/** `plan --basis tier`: the grading standard's tiers (--standard) at the as-of date; ungraded customers as one group. */
export async function tierBasis(db: DbClient, v: Values, g: GradeSettings, o: { asOf: string; tx: TxInput; cost: boolean; lang: Lang; profilesLoaded: boolean }): Promise<PlanBasisInput> {
	await gradeFromFlags(db, v, g, o);
	const names = Object.fromEntries(g.standard.tiers.map((t) => [t.name, t.name]));
	return { basis: 'tier', names, ungraded: translate(o.lang, 'plan.ungraded'), table: GRADE_TABLE };
}
