import { bestNaming, MIGRATION_COLUMNS, STAGE_MOVE_ORDER } from '../core/evaluate/migration.ts';
import type { DbClient } from '../db/client.ts';
import type { EvaluateWindows } from '../core/evaluate/defaults.ts';
import { ClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { sortedTiers } from '../core/grade/standard.ts';
import { PLAN_BASES, type PlanBasis } from '../core/plan/types.ts';
import { tierGroups } from '../core/sql/plan-basis.ts';
import type { GroupSource } from '../core/sql/plan.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import { STAGES } from '../core/lifecycle/defaults.ts';
import { cohortGroups, evaluateMigration, migrationAsOf, recomputeGroups } from '../run/evaluate-migration.ts';
import { GRADE_TABLE } from '../run/tables.ts';
import { gradeFromFlags, GRADE_OPTIONS, gradeSettings, type GradeSettings } from './grade.ts';
import { writeOutput } from './io.ts';
import { LIFECYCLE_DAY_OPTIONS, lifecycleDaysFrom, stageNames } from './lifecycle.ts';
import { choice, optionalString, type Values } from './options.ts';
import { planSegmentNames } from './plan-words.ts';
import { loadProfilesArg, parseProfilesArg, PROFILE_OPTIONS, type ProfilesArg } from './profile-options.ts';
import { frequencyFor, INPUT_OPTIONS, parseScoring, parseSegments, parseTxInput } from './rfm-options.ts';

/** `evaluate --migration`: the cohort's groups against the same basis recomputed at S + L − 1. */
export const EVALUATE_MIGRATION_OPTIONS = {
	...INPUT_OPTIONS,
	...GRADE_OPTIONS,
	...LIFECYCLE_DAY_OPTIONS,
	...PROFILE_OPTIONS,
	migration: { type: 'string' },
	basis: { type: 'string' }
} as const;

export const EVALUATE_MIGRATION_HELP = `migration between groups (optional):
  --migration FILE.csv  write the matrix of the list's groups against the groups recomputed at the after
                      period's last day S+L−1 with the same settings: ${MIGRATION_COLUMNS.join(',')}
  --basis segment|tier|stage
                      what made the groups, with the settings \`plan\` was given: segment — the scoring and
                      --segments flags of rfm; tier — --standard and grade's flags; stage — --new-days,
                      --active-days, --churn-days (and --profiles). Quadrants are not recomputed (the value
                      matrix fits a model on a window of its own, not at an as-of date).
                      Tiers (the standard's order) and stages (active > new > silent > churned > potential)
                      move up / down; segments only stay or change. Up/same/down go to stderr.`;

const LANGS: readonly Lang[] = ['en', 'zh-CN'];

type MigrationArgs = { file: string; basis: Exclude<PlanBasis, 'quadrant'>; grading: GradeSettings | null; profiles: ProfilesArg | null };

/** Checks the migration flags before anything is read; null without --migration. */
export function migrationArgs(v: Values): MigrationArgs | null {
	const file = optionalString(v, 'migration');
	const basis = choice<PlanBasis>(v, 'basis', PLAN_BASES);
	if (!file) {
		if (basis) throw new ClienteleError('cli.needsOption', { option: 'basis', needs: 'migration' });
		return null;
	}
	if (!basis) throw new ClienteleError('cli.needsOption', { option: 'migration', needs: 'basis' });
	if (basis === 'quadrant') throw new ClienteleError('evaluate.migrationQuadrant');
	parseTxInput(v);
	parseScoring(v, parseSegments(v));
	lifecycleDaysFrom(v);
	return { file, basis, grading: basis === 'tier' ? gradeSettings(v) : null, profiles: parseProfilesArg(v) };
}

/** The language whose names cover most of the list's groups (the list was written in it); ties: `lang`. */
function listLang(groups: readonly string[], namesOf: (l: Lang) => readonly string[], lang: Lang): Lang {
	const langs = [lang, ...LANGS.filter((l) => l !== lang)];
	return bestNaming(groups, langs.map((l) => ({ lang: l, names: namesOf(l) })))?.lang ?? lang;
}

async function endGroups(db: DbClient, v: Values, a: MigrationArgs, asOf: string, groups: readonly string[], lang: Lang): Promise<{ end: GroupSource; order: string[] | null; names: string[]; lang: Lang }> {
	const tx = parseTxInput(v);
	if (a.basis === 'tier' && a.grading) {
		const ungraded = (l: Lang) => translate(l, 'plan.ungraded');
		const l = listLang(groups, (x) => [ungraded(x)], lang);
		await gradeFromFlags(db, v, a.grading, { asOf, tx, cost: Boolean(optionalString(v, 'cost')), lang: l });
		const order = sortedTiers(a.grading.standard.tiers).map((t) => t.name);
		return { end: tierGroups({ table: GRADE_TABLE, ungraded: ungraded(l) }), order, names: [...order, ungraded(l)], lang: l };
	}
	if (a.basis === 'stage') {
		// The CLI writes English stages as ids (active), the page as names (Active); Chinese alike.
		const byLang: { lang: Lang; byId: Record<string, string> }[] = [lang, ...LANGS.filter((x) => x !== lang)].map((x) => ({ lang: x, byId: stageNames(x) }));
		byLang.push({ lang: 'en', byId: Object.fromEntries(STAGES.map((s) => [s, translate('en', `lifecycle.stage.${s}`)])) });
		const best = bestNaming(groups, byLang.map((n) => ({ ...n, names: Object.values(n.byId) })))!;
		const [l, names] = [best.lang, best.byId];
		if (a.profiles) await loadProfilesArg(db, a.profiles, v);
		const frequency = tx.roles.order ? ('orders' as const) : ('days' as const);
		const lifecycle = { days: lifecycleDaysFrom(v), frequency, returns: tx.returns, cancelledPattern: tx.cancelledPattern, profiles: a.profiles !== null };
		const end = await recomputeGroups(db, { basis: 'stage', lifecycle, names }, asOf);
		const order = STAGE_MOVE_ORDER.map((s) => names[s]!);
		return { end, order, names: order, lang: l };
	}
	const set = parseSegments(v);
	const { scoring, resolved } = parseScoring(v, set);
	const l = listLang(groups, (x) => Object.values(planSegmentNames(set, x)), lang);
	const names = planSegmentNames(set, l);
	const rfm = { frequency: frequencyFor(tx, resolved), monetary: tx.monetary, returns: tx.returns, cancelledPattern: tx.cancelledPattern };
	// Shown in the rule set's order, Others last (not a value order: no up / down).
	const shown = [...set.rules.map((r) => names[r.id] ?? r.id), ...Object.values(names)];
	return { end: await recomputeGroups(db, { basis: 'segment', rfm, scoring, set, names }, asOf), order: null, names: [...new Set(shown)], lang: l };
}

/** Recomputes the groups, writes the matrix to --migration and up/same/down to stderr. */
export async function writeMigration(db: DbClient, v: Values, a: MigrationArgs, o: { windows: EvaluateWindows; lang: Lang }): Promise<void> {
	const asOf = migrationAsOf(o.windows);
	const groups = await cohortGroups(db);
	const e = await endGroups(db, v, a, asOf, groups, o.lang);
	if (!groups.some((g) => e.names.includes(g)))
		throw new ClienteleError('evaluate.migrationNoMatch', { basis: a.basis, groups: groups.slice(0, 8).join(', '), names: e.names.slice(0, 12).join(', ') });
	const m = await evaluateMigration(db, { end: e.end, asOf, order: e.order, display: e.names, none: translate(e.lang, 'evaluate.migration.none') });
	writeOutput(a.file, toCsv([...MIGRATION_COLUMNS], m.rows, { bom: false }));
	for (const side of ['contacted', 'control'] as const) {
		const c = m.moves[side];
		const key = m.order ? 'evaluate.migration.movesCli' : 'evaluate.migration.changesCli';
		process.stderr.write(`${translate(o.lang, key, { side: translate(o.lang, `evaluate.migration.${side}`), asOf, ...c })}\n`);
	}
}
