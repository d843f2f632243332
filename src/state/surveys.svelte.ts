/**
 * The survey answers as the KPIs read them: the last import that passed its checks (a failed import
 * keeps it), with the answer scale of each column and the CES direction. The surveys dataset
 * (state/datasets.svelte.ts) imports into the table the applied data does not use, checks it with the
 * scales chosen or detected here, and only then makes it the applied data; the joined tables the
 * KPIs build on it (by segment, by quadrant) follow its version, so they are rebuilt with it.
 */
import type { DateFormat } from '../core/csv/dates.ts';
import type { ColumnProfile } from '../core/csv/sniff.ts';
import { ClienteleError } from '../core/errors.ts';
import type { DatasetRole, DatasetRoles } from '../core/import/dataset-roles.ts';
import { NPS_MAX, NPS_MIN } from '../core/kpi/nps.ts';
import {
	cesDirection,
	detectScale,
	scaleBounds,
	type CesDirection,
	type CesDirectionChoice,
	type ScaleChoice,
	type SurveyScale
} from '../core/kpi/scales.ts';
import type { DbClient } from '../db/client.ts';
import { checkScores } from '../run/kpi.ts';
import type { LoadedFile } from '../run/loaded-file.ts';
import { answerRange } from '../run/survey-scale.ts';

/** The scales an import was checked with. */
export interface SurveyScales {
	csat: SurveyScale | null;
	ces: SurveyScale | null;
	cesDirection: CesDirection;
}

/** A survey import that passed its checks. */
export interface AppliedSurveys {
	file: LoadedFile;
	table: string;
	roles: DatasetRoles;
	scales: SurveyScales;
	dateFormat: DateFormat;
}

/** The user's choices per answer column ('auto': detected from the answers at import). */
export interface ScaleChoices {
	csat: ScaleChoice;
	ces: ScaleChoice;
	cesDirection: CesDirectionChoice;
}

export const AUTO_SCALES: ScaleChoices = { csat: 'auto', ces: 'auto', cesDirection: 'auto' };

/**
 * Chooses each answer column's scale (the user's, else the smallest of 1–5, 1–7, 1–10, 0–10 holding
 * the answers) and the CES direction, then checks every answer against its scale. Throws
 * ClienteleError: survey.noScale when no scale holds a column's answers, kpi.badScore naming the file,
 * row, column and value when an answer is off its chosen scale.
 */
export async function checkSurveyAnswers(
	db: DbClient,
	o: { file: LoadedFile; roles: DatasetRoles; choices: ScaleChoices; column: (role: DatasetRole) => ColumnProfile | undefined }
): Promise<SurveyScales> {
	const base = { file: o.file.fileName, source: o.file.table };
	const fmt = (role: DatasetRole) => o.column(role)?.number?.format;
	const scaleOf = async (role: 'csat' | 'ces'): Promise<{ scale: SurveyScale; mean: number | null } | null> => {
		const col = o.roles[role];
		if (!col) return null;
		const range = await answerRange(db, { source: base.source, score: col, format: fmt(role) });
		const choice = o.choices[role];
		const scale = choice === 'auto' ? detectScale(range) : choice;
		if (!scale) throw new ClienteleError('survey.noScale', { file: base.file, column: col, min: range.min ?? '', max: range.max ?? '' });
		await checkScores(db, { ...base, score: col, format: fmt(role), ...scaleBounds(scale) });
		return { scale, mean: range.mean };
	};
	if (o.roles.nps) await checkScores(db, { ...base, score: o.roles.nps, format: fmt('nps'), min: NPS_MIN, max: NPS_MAX });
	const csat = await scaleOf('csat');
	const ces = await scaleOf('ces');
	const direction = ces ? cesDirection({ choice: o.choices.cesDirection, column: o.roles.ces!, mean: ces.mean, scale: ces.scale }) : 'effort';
	return { csat: csat?.scale ?? null, ces: ces?.scale ?? null, cesDirection: direction };
}

/** What the KPI model reads of the surveys: the applied import only (see state/datasets.svelte.ts). */
export interface SurveySource {
	readonly ready: boolean;
	readonly version: number;
	readonly applied: AppliedSurveys | null;
}

/** The applied import's column of a role (its number format, say). */
export function appliedColumn(a: AppliedSurveys | null, role: DatasetRole): ColumnProfile | undefined {
	const name = a?.roles[role];
	return name ? a.file.sniff.columns.find((c) => c.name === name) : undefined;
}
