import type { PlanBasis } from '../core/plan/types.ts';
import type { DbClient } from '../db/client.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import { QUADRANTS } from '../core/sql/value-matrix.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import type { PlanBasisInput } from '../run/plan.ts';
import { runRfm } from '../run/rfm.ts';
import { runValueMatrixFromTransactions } from '../run/value-matrix.ts';
import { cliToday } from './as-of.ts';
import { fitAndWarn } from './clv.ts';
import { GRADE_OPTIONS, gradeSettings, type GradeSettings } from './grade.ts';
import { LIFECYCLE_DAY_OPTIONS, lifecycleDaysFrom } from './lifecycle.ts';
import { LANG_OPTION, optionalString, type Values } from './options.ts';
import { PROFILE_OPTIONS } from './profile-options.ts';
import { stageBasis, tierBasis } from './plan-stage.ts';
import { planSegmentNames, segmentRuleTexts } from './plan-words.ts';
import { frequencyFor, INPUT_OPTIONS, parseScoring, parseSegments, parseTxInput, type TxInput } from './rfm-options.ts';
import { VALUE_MATRIX_OPTIONS, valueMatrixSettings } from './value-matrix.ts';

/** The flags of every basis (transactions, value matrix, lifecycle days, grading, profiles, --lang): plan and persona take them all. */
export const BASIS_FLAG_OPTIONS = {
	...INPUT_OPTIONS,
	...VALUE_MATRIX_OPTIONS,
	...LANG_OPTION,
	...LIFECYCLE_DAY_OPTIONS,
	...GRADE_OPTIONS,
	...PROFILE_OPTIONS
} as const;

/**
 * A grouping basis from the command line — RFM segments, value-matrix quadrants, grading tiers or
 * lifecycle stages, each with the flags of the command that defines it — the one reader for `plan`
 * and `persona`.
 */

export interface BasisFlags {
	basis: PlanBasis;
	lang: Lang;
	set: SegmentSet;
	scoring: ReturnType<typeof parseScoring>;
	tx: TxInput;
	quadrant: ReturnType<typeof valueMatrixSettings> | null;
	grading: GradeSettings | null;
	days: ReturnType<typeof lifecycleDaysFrom>;
}

/** The basis flags, validated before anything is read. */
export function basisFlags(v: Values, basis: PlanBasis, lang: Lang): BasisFlags {
	const set = parseSegments(v);
	const scoring = parseScoring(v, set);
	const tx = parseTxInput(v);
	return {
		basis,
		lang,
		set,
		scoring,
		tx,
		quadrant: basis === 'quadrant' ? valueMatrixSettings(v, tx.roles.order ? 'orders' : 'days') : null,
		grading: basis === 'tier' ? gradeSettings(v) : null,
		days: lifecycleDaysFrom(v)
	};
}

/** The cost column the transactions are loaded with (the value matrix's, or --cost). */
export function basisCost(f: BasisFlags, v: Values): string | undefined {
	return f.quadrant?.cost ?? optionalString(v, 'cost');
}

function quadrantWords(lang: Lang): Extract<PlanBasisInput, { basis: 'quadrant' }> {
	const names = Object.fromEntries(QUADRANTS.map((q) => [q, translate(lang, `value.quadrant.${q}`)]));
	const rules = Object.fromEntries(QUADRANTS.map((q) => [q, ` (${translate(lang, `plan.reason.quadrant.${q}`)})`]));
	return { basis: 'quadrant', names, rules, words: { current: translate(lang, 'plan.reason.current'), potential: translate(lang, 'plan.reason.potential') } };
}

/** Runs what the basis needs (RFM always, then the value matrix, lifecycle or grading) on the loaded transactions; `profiles`: loaded already. */
export async function runBasis(db: DbClient, v: Values, f: BasisFlags, o: { asOf: string; profiles: boolean }): Promise<PlanBasisInput> {
	const { tx, set, lang } = f;
	await runRfm(db, { asOf: o.asOf, frequency: frequencyFor(tx, f.scoring.resolved), monetary: tx.monetary, returns: tx.returns, cancelledPattern: tx.cancelledPattern, scoring: f.scoring.scoring, set });
	if (f.quadrant) await runValueMatrixFromTransactions(db, { ...f.quadrant.run, today: cliToday() }, fitAndWarn);
	if (f.basis === 'segment') return { basis: 'segment', names: planSegmentNames(set, lang), rules: segmentRuleTexts(set, lang) };
	if (f.basis === 'stage') return stageBasis(db, { tx, days: f.days, profiles: o.profiles, asOf: o.asOf, lang });
	if (f.grading) return tierBasis(db, v, f.grading, { asOf: o.asOf, tx, cost: Boolean(basisCost(f, v)), lang, profilesLoaded: true });
	return quadrantWords(lang);
}
