import { ClienteleError } from '../core/errors.ts';
import { CSAT_SCALES, isCsatScale } from '../core/kpi/csat.ts';
import { DEFAULT_CSAT_SCALE } from '../core/kpi/defaults.ts';
import type { DbClient } from '../db/client.ts';
import type { SurveyEvalOptions } from '../run/evaluate-survey.ts';
import { RAW_SURVEYS } from '../run/tables.ts';
import { columnDateFormat } from './date-options.ts';
import { numberOption, openInput } from './input.ts';
import { optionalString, requireOption, type OptionSpec, type Values } from './options.ts';

/** `evaluate`'s survey options: NPS and CSAT per group when answers are given. */
export const EVALUATE_SURVEY_OPTIONS: OptionSpec = {
	surveys: { type: 'string' },
	'surveys-id': { type: 'string' },
	'surveys-date': { type: 'string' },
	recommend: { type: 'string' },
	csat: { type: 'string' },
	'csat-scale': { type: 'string' }
};

export const EVALUATE_SURVEY_HELP = `surveys (optional: NPS and CSAT per group):
  --surveys FILE      survey answers (CSV or Excel), one row per answer
  --surveys-id COL    its customer id column      --surveys-date COL  its answer date column
  --recommend COL     0–10 likelihood to recommend (NPS)   --csat COL  satisfaction 1–scale (CSAT)
  --csat-scale 5|7|10 the CSAT scale (default ${DEFAULT_CSAT_SCALE}); satisfied = the top two boxes`;

/** Checks the survey options (before anything is read); null without --surveys. */
export function surveyArgs(v: Values): { file: string; id: string; date: string; recommend?: string; csat?: string; scale: number } | null {
	const file = optionalString(v, 'surveys');
	if (!file) {
		for (const o of ['surveys-id', 'surveys-date', 'recommend', 'csat', 'csat-scale']) if (optionalString(v, o)) throw new ClienteleError('cli.needsOption', { option: o, needs: 'surveys' });
		return null;
	}
	const id = requireOption(v, 'surveys-id');
	const date = requireOption(v, 'surveys-date');
	const recommend = optionalString(v, 'recommend');
	const csat = optionalString(v, 'csat');
	if (!recommend && !csat) throw new ClienteleError('cli.needsOption', { option: 'surveys', needs: 'recommend or --csat' });
	const scale = numberOption(v, 'csat-scale', DEFAULT_CSAT_SCALE, 2, 10);
	if (!isCsatScale(scale)) throw new ClienteleError('kpi.badScale', { value: `${scale} (${CSAT_SCALES.join(', ')})` });
	return { file, id, date, recommend, csat, scale };
}

/** Loads the survey file into RAW_SURVEYS; the options of evaluateSurveys. */
export async function loadSurveyArgs(db: DbClient, a: NonNullable<ReturnType<typeof surveyArgs>>, v: Values): Promise<Omit<SurveyEvalOptions, 'windows'>> {
	const f = await openInput(db, a.file, { 'surveys-id': a.id, 'surveys-date': a.date, recommend: a.recommend, csat: a.csat }, { table: RAW_SURVEYS });
	const col = (name: string) => f.sniff.columns.find((c) => c.name === name);
	const dateFormat = columnDateFormat(col(a.date), v);
	if (!dateFormat) throw new ClienteleError('kpi.notDateColumn', { file: a.file, column: a.date });
	const scale = a.scale as 5 | 7 | 10;
	return {
		file: a.file,
		customer: a.id,
		date: a.date,
		dateFormat,
		...(a.recommend ? { nps: { score: a.recommend, format: col(a.recommend)?.number?.format } } : {}),
		...(a.csat ? { csat: { score: a.csat, format: col(a.csat)?.number?.format, scale } } : {})
	};
}
