import { STAGE_MOVE_ORDER } from '../../core/evaluate/migration.ts';
import { DEFAULT_LIFECYCLE, STAGES } from '../../core/lifecycle/defaults.ts';
import { translate, type Lang } from '../../i18n/translate.ts';
import type { RecomputeSpec } from '../../run/evaluate-migration.ts';
import { lifecycleFrequency } from '../../run/lifecycle.ts';
import { sortedTiers } from '../../core/grade/standard.ts';
import type { AppliedGrading, RfmRun } from '../../state/analysis.svelte.ts';

/** The plan view's bases (plan-model.svelte.ts). */
export type EvalBasis = 'segment' | 'quadrant' | 'stage' | 'tier';

/** How the evaluation recomputes the groups of a basis, named in one language, and their order. */
export interface PageRecompute {
	lang: Lang;
	spec: RecomputeSpec;
	/** The labels of the groups, to tell which language an action list was written in. */
	names: string[];
	/** Best first; null: the groups have no order (segments). */
	order: string[] | null;
}

/**
 * The settings the plan view made its groups with, for the migration at the end of the after
 * period: RFM segments with the RFM view's scoring and rule set; lifecycle stages with the
 * defaults the plan view uses; tiers with the grading tab's last applied standard and sources.
 * Quadrants (and tiers before any grading): null.
 */
export function pageRecompute(
	basis: EvalBasis,
	o: { rfm: RfmRun; hasOrder: boolean; profiles: boolean; grading: AppliedGrading | null },
	lang: Lang
): PageRecompute | null {
	const { rfm } = o;
	const base = { frequency: rfm.frequency, monetary: rfm.monetary, returns: rfm.returns, cancelledPattern: rfm.cancelledPattern };
	if (basis === 'tier') {
		if (!o.grading) return null;
		const { standard, sources, words } = o.grading;
		const ungraded = translate(lang, 'plan.ungraded');
		// Tier names are the standard's own (one language); only "not graded" is the page's.
		const order = sortedTiers(standard.tiers).map((t) => t.name);
		return { lang, spec: { basis, rfm: base, standard, sources, words, ungraded }, names: [...order, ungraded], order };
	}
	if (basis === 'segment') {
		const names = rfm.segmentNames(lang);
		// Shown in the rule set's order, Others last (not a value order: no up / down).
		const shown = [...new Set([...rfm.set.rules.map((r) => names[r.id] ?? r.id), ...Object.values(names)])];
		return { lang, spec: { basis, rfm: base, scoring: rfm.applied, set: rfm.set, names }, names: shown, order: null };
	}
	if (basis === 'stage') {
		const names = Object.fromEntries(STAGES.map((s) => [s, translate(lang, `lifecycle.stage.${s}`)]));
		const lifecycle = { days: DEFAULT_LIFECYCLE, frequency: lifecycleFrequency(rfm.frequency, o.hasOrder), returns: rfm.returns, cancelledPattern: rfm.cancelledPattern, profiles: o.profiles };
		const order = STAGE_MOVE_ORDER.map((s) => names[s]!);
		return { lang, spec: { basis, lifecycle, names }, names: order, order };
	}
	return null;
}
