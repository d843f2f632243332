import fs from 'node:fs';
import { createDb } from './engine.ts';
import { ClienteleError } from '../core/errors.ts';
import { parseColumnList } from '../core/plan/export.ts';
import { defaultPlanSet } from '../core/plan/defaults.ts';
import { parsePlanSet } from '../core/plan/parse.ts';
import { DEFAULT_PLAN_RUN, PLAN_BASES, type PlanBasis, type PlanSet } from '../core/plan/types.ts';
import { CN_HOLIDAYS, parseHolidayCsv, type HolidayTable } from '../core/plan/workdays.ts';
import { translate } from '../i18n/translate.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { runPlan } from '../run/plan.ts';
import { actionListCsv } from '../run/plan-export.ts';
import { loadTransactions, numberOption } from './input.ts';
import { writeOutput } from './io.ts';
import { choice, dateOption, langOption, optionalString, parseOptions, requireOption, type Values } from './options.ts';
import { INPUT_HELP } from './rfm-options.ts';
import { PLAN_HELP } from './plan-help.ts';
import { BASIS_FLAG_OPTIONS, basisCost, basisFlags, runBasis } from './basis.ts';
import { loadProfilesArg, parseProfilesArg } from './profile-options.ts';

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
		...BASIS_FLAG_OPTIONS,
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
	const flags = basisFlags(v, basis, lang);
	const profiles = parseProfilesArg(v);
	const profileColumns = profileColumnsFrom(v, profiles !== null);
	const asOfArg = dateOption(v, 'as-of');
	const startArg = dateOption(v, 'start');
	const horizonDays = numberOption(v, 'horizon-days', DEFAULT_PLAN_RUN.horizonDays, 1, 3650);
	const seed = numberOption(v, 'seed', DEFAULT_PLAN_RUN.seed, 0, 2 ** 31 - 1);
	if (!Number.isInteger(horizonDays) || !Number.isInteger(seed)) throw new ClienteleError('plan.wholeNumber');
	const holidays = holidaysFrom(v);
	const plans = plansFrom(v, basis);
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, { ...flags.tx.roles, cost: basisCost(flags, v) });
		const asOf = asOfArg ?? (await cliDefaultAsOf(db, requireOption(v, 'input')))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: requireOption(v, 'input') });
		if (profiles) await loadProfilesArg(db, profiles, v);
		const input = await runBasis(db, v, flags, { asOf, profiles: profiles !== null });
		const groups = Object.keys(input.names);
		const zh = lang === 'zh-CN' ? 'zh' : 'en';
		const result = await runPlan(db, {
			basis: input,
			plans: plans ?? defaultPlanSet(basis, groups, basis === 'segment' ? flags.set : {}, zh),
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
