import type { DateFormat } from '../core/csv/dates.ts';
import type { NumberFormat } from '../core/csv/numbers.ts';
import type { EvaluateWindows } from '../core/evaluate/defaults.ts';
import { evaluateSurvey, type CellKey, type SurveyCells, type SurveyEvaluation } from '../core/evaluate/survey-stats.ts';
import { satisfiedFrom, type CsatScale } from '../core/kpi/csat.ts';
import { NPS_MAX, NPS_MIN } from '../core/kpi/nps.ts';
import { EVAL_KEY, KEY_SEP, surveyKeysSql } from '../core/sql/evaluate-survey.ts';
import { csatCountsSql, npsCountsSql } from '../core/sql/kpi.ts';
import type { DbClient } from '../db/client.ts';
import { checkScores } from './kpi.ts';
import { EVAL_COHORT, EVAL_SURVEY, RAW_SURVEYS } from './tables.ts';

/**
 * NPS and CSAT per group of the plan evaluation (run/evaluate.ts), when survey answers are loaded:
 * the answers are checked as the KPI view checks them, keyed by group × period × side and counted
 * by the KPI view's own counts.
 */
export interface SurveyEvalOptions {
	/** File name, for messages. */
	file: string;
	/** The survey's text table (default RAW_SURVEYS). */
	source?: string;
	customer: string;
	date: string;
	dateFormat: DateFormat;
	nps?: { score: string; format?: NumberFormat };
	csat?: { score: string; format?: NumberFormat; scale: CsatScale };
	windows: EvaluateWindows;
}

type Counted = { group: string | null };

function cellsOf<T extends Counted>(rows: T[], put: (cells: SurveyCells, key: CellKey, row: T) => void, into: Map<string, SurveyCells>): void {
	for (const r of rows) {
		if (r.group === null) continue;
		const [group, period, side] = r.group.split(KEY_SEP);
		if (group === undefined || !period || !side) continue;
		const cells = into.get(group) ?? { nps: {}, csat: {} };
		put(cells, `${period}${side}` as CellKey, r);
		into.set(group, cells);
	}
}

/** NPS and CSAT per group of the cohort (EVAL_COHORT): before/after and contacted/control. */
export async function evaluateSurveys(db: DbClient, o: SurveyEvalOptions): Promise<Map<string, SurveyEvaluation>> {
	const source = o.source ?? RAW_SURVEYS;
	if (o.nps) await checkScores(db, { file: o.file, source, score: o.nps.score, format: o.nps.format, min: NPS_MIN, max: NPS_MAX });
	if (o.csat) await checkScores(db, { file: o.file, source, score: o.csat.score, format: o.csat.format, min: 1, max: o.csat.scale });
	await db.exec(surveyKeysSql({ source, target: EVAL_SURVEY, customer: o.customer, date: o.date, dateFormat: o.dateFormat, cohort: EVAL_COHORT, windows: o.windows }));
	const by = { kind: 'column' as const, column: EVAL_KEY };
	const cells = new Map<string, SurveyCells>();
	if (o.nps) {
		type Row = Counted & { detractors: number; passives: number; promoters: number };
		const rows = (await db.query<Row>(npsCountsSql({ source: EVAL_SURVEY, score: o.nps.score, format: o.nps.format, by }))).rows;
		cellsOf(rows, (c, k, r) => (c.nps[k] = { detractors: r.detractors, passives: r.passives, promoters: r.promoters }), cells);
	}
	if (o.csat) {
		type Row = Counted & { n: number; satisfied: number };
		const q = csatCountsSql({ source: EVAL_SURVEY, score: o.csat.score, format: o.csat.format, by, scale: o.csat.scale, satisfiedFrom: satisfiedFrom(o.csat.scale) });
		cellsOf((await db.query<Row>(q)).rows, (c, k, r) => (c.csat[k] = { n: r.n, satisfied: r.satisfied }), cells);
	}
	return new Map([...cells].map(([g, c]) => [g, evaluateSurvey(c)]));
}
