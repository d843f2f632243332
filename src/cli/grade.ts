/**
 * `clientele grade`: a grading standard (分级标准, --standard FILE.json or the vip preset) applied
 * to transactions: arguments → run/rfm.ts (the per-customer table) → run/clv.ts when clv or
 * p_alive is an indicator → run/grade.ts → CSV customer_id,<indicator>…,points_<indicator>…,total,tier,missing.
 */
import { createDb } from './engine.ts';
import type { DbClient } from '../db/client.ts';
import { ClienteleError, isClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { parseStandardJson } from '../core/grade/parse.ts';
import { PRESET_TIER_NAMES, weightedPreset } from '../core/grade/presets.ts';
import { gradeColumns, type GradeStandard } from '../core/grade/standard.ts';
import { addDays } from '../core/iso-days.ts';
import { translate, type Lang } from '../i18n/translate.ts';
import { runClvModels } from '../run/clv.ts';
import { gradeRows, runGrade, type SurveySource } from '../run/grade.ts';
import { checkScores } from '../run/kpi.ts';
import { baseStatement } from '../run/rfm.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { RAW_SURVEYS, RFM_BASE } from '../run/tables.ts';
import { CLV_OPTIONS, CLV_OPTIONS_HELP, clvSettings, fitAndWarn } from './clv.ts';
import { columnDateFormat } from './date-options.ts';
import { inputOptions, loadTransactions, openInput, TX_HELP, TX_OPTIONS } from './input.ts';
import { readTextFile, writeOutput } from './io.ts';
import { refuseModelIndicators } from './emit-sql.ts';
import {
	dateOption,
	LANG_OPTION,
	langOption,
	optionalString,
	parseOptions,
	requireOption,
	type Values
} from './options.ts';
import { loadProfilesArg, parseProfilesArg, PROFILE_OPTIONS, PROFILES_HELP, type ProfilesArg } from './profile-options.ts';
import { parseTxInput, type TxInput } from './rfm-options.ts';

export const GRADE_HELP = `clientele grade — grade customers by a standard (分级标准: 评分法 scoring / 加权法 weighted)

${TX_HELP}
  --cost COL          cost of the line (needed for the margin indicator)
  --frequency orders|days|rows   how purchases are counted (default: orders with --order, else days)
  --monetary total|average       monetary = total spend (default) or spend per purchase
  --returns net|exclude|drop-cancelled, --cancelled-pattern P   as in rfm
  --standard FILE.json|vip
                      the grading standard (README "Grading standards": indicators, points rules,
                      method, tiers, missing); vip = VIP/重要/普通/一般, weighted: recency 20 %,
                      frequency 30 %, monetary 50 %, quintile points, tiers at 80/60/40/0
  --as-of YYYY-MM-DD  lines and answers on or before this day count (default: the day after the
                      last transaction, as rfm)
  --calibration-end YYYY-MM-DD  clv and p_alive: fit the models up to this day (default: the
                      observation end); customers are scored as of the observation end
${CLV_OPTIONS_HELP.replace('(default: the last purchase day)', '(default: the day before --as-of)')}
  --surveys FILE      survey answers (recommend_score, csat: each customer's latest answer on or
                      before the as-of date), with
  --surveys-id COL    … its customer id column,
  --surveys-date COL  … its answer date column (optional: without it the last row is the latest),
  --recommend COL     … the 0–10 likelihood-to-recommend column and/or
  --csat COL          … the satisfaction column (whole numbers 1–10)
  --surveys-sheet NAME  sheet of an Excel survey file

${PROFILES_HELP}
                      any numeric column of --profiles can be an indicator, named as in the file
                      (a customer without a profile row, or with an empty cell, misses it)

  --lang en|zh        tier names of the vip preset (default en)
  -h, --help          this help

Output columns: customer_id,<indicator>…,points_<indicator>…,total,tier,missing (indicators in the
standard's order; rows by customer_id). Values rounded to 4 decimals, points and totals to 2; a
customer gets the first tier, in descending min, with total ≥ min (totals rounded first); missing =
the indicators without a value, ';'-separated. An indicator that is neither built in nor a numeric
column of --profiles is refused, naming the ones there are. Exit codes: 0 ok, 2 bad arguments, standard or input (one message).
`;

const SURVEY_FLAGS = ['surveys-id', 'surveys-date', 'recommend', 'csat', 'surveys-sheet'] as const;

/** --standard: the vip preset or a JSON file, checked before any data is read. */
export function readStandard(v: Values): GradeStandard {
	const x = requireOption(v, 'standard');
	if (x === 'vip') return weightedPreset(PRESET_TIER_NAMES[langOption(v)]);
	if (!x.toLowerCase().endsWith('.json'))
		throw new ClienteleError('cli.badChoice', {
			option: 'standard',
			value: x,
			list: 'vip, FILE.json'
		});
	const text = readTextFile(x);
	try {
		return parseStandardJson(text);
	} catch (e) {
		if (isClienteleError(e))
			throw new ClienteleError('grade.badStandardFile', {
				file: x,
				detail: translate('en', e.code, e.params)
			});
		throw e;
	}
}

interface SurveyFlags {
	file: string;
	id: string;
	date?: string;
	recommend?: string;
	csat?: string;
	sheet?: string;
}

/** --surveys with its columns; every survey flag needs --surveys, and --surveys needs an id and a question. */
function surveyFlags(v: Values): SurveyFlags | null {
	const file = optionalString(v, 'surveys');
	if (!file) {
		const stray = SURVEY_FLAGS.find((f) => v[f] !== undefined);
		if (stray) throw new ClienteleError('cli.needsOption', { option: stray, needs: 'surveys' });
		return null;
	}
	const recommend = optionalString(v, 'recommend');
	const csat = optionalString(v, 'csat');
	if (!recommend && !csat)
		throw new ClienteleError('cli.needsOption', {
			option: 'surveys',
			needs: 'recommend or --csat'
		});
	return {
		file,
		id: requireOption(v, 'surveys-id'),
		date: optionalString(v, 'surveys-date'),
		recommend,
		csat,
		sheet: optionalString(v, 'surveys-sheet')
	};
}

/** Loads the survey file into RAW_SURVEYS and checks its answers (NPS 0–10, CSAT 1–10). */
async function loadSurveys(db: DbClient, f: SurveyFlags, v: Values): Promise<SurveySource> {
	const cols = { 'surveys-id': f.id, 'surveys-date': f.date, recommend: f.recommend, csat: f.csat };
	const file = await openInput(db, f.file, cols, {
		...inputOptions(v),
		sheet: f.sheet,
		table: RAW_SURVEYS
	});
	const col = (name: string | undefined) => file.sniff.columns.find((c) => c.name === name);
	const answer = async (column: string | undefined, min: number, max: number) => {
		if (!column) return undefined;
		const format = col(column)?.number?.format;
		await checkScores(db, { file: f.file, source: RAW_SURVEYS, score: column, format, min, max });
		return { column, format };
	};
	let date: SurveySource['date'];
	if (f.date) {
		const format = columnDateFormat(col(f.date), v);
		if (!format) throw new ClienteleError('grade.surveyDates', { column: f.date, file: f.file });
		date = { column: f.date, format };
	}
	return {
		table: RAW_SURVEYS,
		customer: f.id,
		date,
		recommend: await answer(f.recommend, 0, 10),
		csat: await answer(f.csat, 1, 10)
	};
}

/** The flags of a grading standard (grade, and plan's --basis tier). */
export const GRADE_OPTIONS = {
	...CLV_OPTIONS,
	cost: { type: 'string' },
	standard: { type: 'string' },
	surveys: { type: 'string' },
	'surveys-id': { type: 'string' },
	'surveys-date': { type: 'string' },
	'surveys-sheet': { type: 'string' },
	recommend: { type: 'string' },
	csat: { type: 'string' },
	...PROFILE_OPTIONS
} as const;

export interface GradeSettings {
	standard: GradeStandard;
	clv: ReturnType<typeof clvSettings>;
	surveys: SurveyFlags | null;
	/** --profiles: numeric profile columns can be indicators. */
	profiles: ProfilesArg | null;
	needsClv: boolean;
}

/** The grading flags, validated before anything is read. */
export function gradeSettings(v: Values): GradeSettings {
	const standard = readStandard(v);
	refuseModelIndicators(standard.indicators.map((i) => i.name));
	return {
		standard,
		clv: clvSettings(v, false),
		surveys: surveyFlags(v),
		profiles: parseProfilesArg(v),
		needsClv: standard.indicators.some((i) => i.name === 'clv' || i.name === 'p_alive')
	};
}

/** Grades the loaded transactions at `asOf` into the tier table (run/grade.ts); `profilesLoaded`: the caller loaded --profiles already. */
export async function gradeFromFlags(
	db: DbClient,
	v: Values,
	g: GradeSettings,
	o: { asOf: string; tx: TxInput; cost: boolean; lang: Lang; profilesLoaded?: boolean }
): Promise<void> {
	const { asOf, tx } = o;
	if (g.profiles && !o.profilesLoaded) await loadProfilesArg(db, g.profiles, v);
	const frequency = tx.frequency ?? (tx.roles.order ? 'orders' : 'days');
	await db.exec(baseStatement({ asOf, frequency, monetary: tx.monetary, returns: tx.returns, cancelledPattern: tx.cancelledPattern }, RFM_BASE));
	if (g.needsClv) {
		const observationEnd = g.clv.observationEnd ?? addDays(asOf, -1);
		const { unit, horizonMonths, monthlyDiscountRate } = g.clv;
		await runClvModels(db, { calibrationEnd: g.clv.calibrationEnd ?? observationEnd, observationEnd, unit, horizonMonths, monthlyDiscountRate, score: 'observation-end' }, fitAndWarn);
	}
	const source = g.surveys ? await loadSurveys(db, g.surveys, v) : null;
	const words = { total: translate(o.lang, 'grade.reason.total'), ungraded: translate(o.lang, 'grade.reason.ungraded') };
	await runGrade(db, g.standard, { asOf, monetaryIsAverage: tx.monetary === 'average', cost: o.cost, clv: g.needsClv, surveys: source, profiles: g.profiles !== null }, words);
}

export async function gradeCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...TX_OPTIONS,
		...GRADE_OPTIONS,
		...LANG_OPTION,
		frequency: { type: 'string' },
		monetary: { type: 'string' },
		returns: { type: 'string' },
		'cancelled-pattern': { type: 'string' },
		'as-of': { type: 'string' }
	});
	if (v.help) return GRADE_HELP;
	const lang = langOption(v);
	const g = gradeSettings(v);
	const tx = parseTxInput(v);
	const roles = { ...tx.roles, cost: optionalString(v, 'cost') };
	const asOfArg = dateOption(v, 'as-of');
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, roles);
		const asOf = asOfArg ?? (await cliDefaultAsOf(db, requireOption(v, 'input')))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: requireOption(v, 'input') });
		await gradeFromFlags(db, v, g, { asOf, tx, cost: Boolean(roles.cost), lang });
		writeOutput(optionalString(v, 'out'), toCsv(gradeColumns(g.standard), await gradeRows(db, g.standard), { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
