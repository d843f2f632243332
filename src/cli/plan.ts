import fs from 'node:fs';
import { ClienteleError } from '../core/errors.ts';
import { parseColumnList } from '../core/plan/export.ts';
import { defaultPlanSet } from '../core/plan/defaults.ts';
import { parsePlanSet } from '../core/plan/parse.ts';
import { DEFAULT_PLAN_RUN, PLAN_BASES, type PlanBasis, type PlanSet } from '../core/plan/types.ts';
import { CN_HOLIDAYS, parseHolidayCsv, type HolidayTable } from '../core/plan/workdays.ts';
import { QUADRANTS } from '../core/sql/value-matrix.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import { NodeDbClient } from '../db/node.ts';
import { runRfm } from '../run/rfm.ts';
import { cliDefaultAsOf, cliToday } from './as-of.ts';
import { runPlan, type PlanBasisInput } from '../run/plan.ts';
import { actionListCsv } from '../run/plan-export.ts';
import { runValueMatrixFromTransactions } from '../run/value-matrix.ts';
import { fitAndWarn } from './clv.ts';
import { loadTransactions, numberOption } from './input.ts';
import { writeOutput } from './io.ts';
import { choice, dateOption, LANG_OPTION, langOption, optionalString, parseOptions, requireOption, type Values } from './options.ts';
import { planSegmentNames, segmentRuleTexts } from './plan-words.ts';
import { frequencyFor, INPUT_HELP, INPUT_OPTIONS, parseScoring, parseSegments, parseTxInput } from './rfm-options.ts';
import { VALUE_MATRIX_OPTIONS, valueMatrixSettings } from './value-matrix.ts';
import { PLAN_HELP } from './plan-help.ts';
import { stageBasis, tierBasis } from './plan-stage.ts';
import { GRADE_OPTIONS, gradeSettings } from './grade.ts';
import { LIFECYCLE_DAY_OPTIONS, lifecycleDaysFrom } from './lifecycle.ts';
import { loadProfilesArg, parseProfilesArg, PROFILE_OPTIONS } from './profile-options.ts';

function readText(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
}

function plansFrom(v: Values, basis: PlanBasis): PlanSet | null {
	const file = optionalString(v, 'plans');
	if (!file) return null;
	try {
		return parsePlanSet(readText(file), basis);
	} catch (e) {
		if (e instanceof ClienteleError && e.code.startsWith('plan.json.')) throw new ClienteleError('plan.badFile', { file, detail: translate('en', e.code, e.params) });
		throw e;
	}
}

function holidaysFrom(v: Values): HolidayTable | null {
	const file = optionalString(v, 'holidays');
	if (file && !v.workdays) throw new ClienteleError('cli.needsOption', { option: 'holidays', needs: 'workdays' });
	if (!v.workdays) return null;
	if (!file) return CN_HOLIDAYS;
	const { table, bad } = parseHolidayCsv(readText(file));
	if (bad !== null) throw new ClienteleError('plan.badHolidays', { file, line: bad });
	return table;
}

function quadrantWords(lang: Lang): Extract<PlanBasisInput, { basis: 'quadrant' }> {
	const names = Object.fromEntries(QUADRANTS.map((q) => [q, translate(lang, `value.quadrant.${q}`)]));
	const rules = Object.fromEntries(QUADRANTS.map((q) => [q, ` (${translate(lang, `plan.reason.quadrant.${q}`)})`]));
	return { basis: 'quadrant', names, rules, words: { current: translate(lang, 'plan.reason.current'), potential: translate(lang, 'plan.reason.potential') } };
}

/** --profile-columns "name,phone": profile columns appended to the action list (needs --profiles). */
function profileColumnsFrom(v: Values, hasProfiles: boolean): string[] {
	const text = optionalString(v, 'profile-columns');
	if (text === undefined) return [];
	if (!hasProfiles) throw new ClienteleError('cli.needsOption', { option: 'profile-columns', needs: 'profiles' });
	const list = parseColumnList(text);
	if (list.length === 0) throw new ClienteleError('cli.missingOption', { option: 'profile-columns' });
	return list;
}

export async function planCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...INPUT_OPTIONS,
		...VALUE_MATRIX_OPTIONS,
		...LANG_OPTION,
		...LIFECYCLE_DAY_OPTIONS,
		...GRADE_OPTIONS,
		...PROFILE_OPTIONS,
		'profile-columns': { type: 'string' },
		basis: { type: 'string' },
		plans: { type: 'string' },
		start: { type: 'string' },
		workdays: { type: 'boolean' },
		holidays: { type: 'string' },
		'horizon-days': { type: 'string' },
		seed: { type: 'string' },
		'as-of': { type: 'string' }
	});
	if (v.help) return PLAN_HELP(INPUT_HELP);
	requireOption(v, 'basis');
	const basis = choice(v, 'basis', PLAN_BASES) as PlanBasis;
	const lang = langOption(v);
	const set = parseSegments(v);
	const { scoring, resolved } = parseScoring(v, set);
	const tx = parseTxInput(v);
	const quadrant = basis === 'quadrant' ? valueMatrixSettings(v, tx.roles.order ? 'orders' : 'days') : null;
	const grading = basis === 'tier' ? gradeSettings(v) : null;
	const days = lifecycleDaysFrom(v);
	const profiles = parseProfilesArg(v);
	const profileColumns = profileColumnsFrom(v, profiles !== null);
	const asOfArg = dateOption(v, 'as-of');
	const startArg = dateOption(v, 'start');
	const horizonDays = numberOption(v, 'horizon-days', DEFAULT_PLAN_RUN.horizonDays, 1, 3650);
	const seed = numberOption(v, 'seed', DEFAULT_PLAN_RUN.seed, 0, 2 ** 31 - 1);
	if (!Number.isInteger(horizonDays) || !Number.isInteger(seed)) throw new ClienteleError('plan.wholeNumber');
	const holidays = holidaysFrom(v);
	const plans = plansFrom(v, basis);
	const db = await NodeDbClient.create();
	try {
		await loadTransactions(db, v, { ...tx.roles, cost: quadrant?.cost ?? optionalString(v, 'cost') });
		const asOf = asOfArg ?? (await cliDefaultAsOf(db, requireOption(v, 'input')))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: requireOption(v, 'input') });
		if (profiles) await loadProfilesArg(db, profiles, v);
		await runRfm(db, { asOf, frequency: frequencyFor(tx, resolved), monetary: tx.monetary, returns: tx.returns, cancelledPattern: tx.cancelledPattern, scoring, set });
		if (quadrant) await runValueMatrixFromTransactions(db, { ...quadrant.run, today: cliToday() }, fitAndWarn);
		const input: PlanBasisInput =
			basis === 'segment'
				? { basis, names: planSegmentNames(set, lang), rules: segmentRuleTexts(set, lang) }
				: basis === 'stage'
					? await stageBasis(db, { tx, days, profiles: profiles !== null, asOf, lang })
					: grading
						? await tierBasis(db, v, grading, { asOf, tx, cost: Boolean(quadrant?.cost ?? optionalString(v, 'cost')), lang, profilesLoaded: true })
						: quadrantWords(lang);
		const groups = Object.keys(input.names);
		const zh = lang === 'zh-CN' ? 'zh' : 'en';
		const result = await runPlan(db, {
			basis: input,
			plans: plans ?? defaultPlanSet(basis, groups, basis === 'segment' ? set : {}, zh),
			start: startArg ?? asOf,
			horizonDays,
			seed,
			holidays
		});
		for (const g of result.unplanned) process.stderr.write(`warning: ${translate('en', 'plan.unplanned', { group: input.names[g] ?? g })}\n`);
		writeOutput(optionalString(v, 'out'), await actionListCsv(db, { profileColumns, bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
