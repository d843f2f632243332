import type { NumberFormat } from '../core/csv/numbers.ts';
import { satisfactionByGroup, type CsatGroupCounts, type GroupSatisfaction, type NpsGroupCounts } from '../core/persona/satisfaction.ts';
import { satisfiedFrom, type CsatScale } from '../core/kpi/csat.ts';
import { csatCountsSql, npsCountsSql } from '../core/sql/kpi.ts';
import { PERSONA_GROUP_COL, personaAnswersSql } from '../core/sql/persona-survey.ts';
import type { DbClient } from '../db/client.ts';
import { PERSONA_ANSWERS, PERSONA_TABLE } from './tables.ts';

/** The applied survey answers (checked on import against their scales) and their columns. */
export interface PersonaSurveys {
	/** The raw survey table. */
	table: string;
	/** Its customer id column. */
	customer: string;
	nps?: { score: string; format?: NumberFormat };
	/** A CSAT scale of 5, 7 or 10 points from `min` (1, or 0 for 0–10). */
	csat?: { score: string; format?: NumberFormat; scale: number; min?: number };
}

/**
 * NPS and CSAT of every group of the persona table against the rest of the base, from the answers of
 * its customers (PERSONA_ANSWERS); null without an NPS or a CSAT column.
 */
export async function personaSatisfaction(db: DbClient, s: PersonaSurveys, groups: readonly string[]): Promise<Record<string, GroupSatisfaction> | null> {
	if (!s.nps && !s.csat) return null;
	await db.exec(personaAnswersSql({ survey: s.table, customer: s.customer, persona: PERSONA_TABLE, target: PERSONA_ANSWERS }));
	const by = { kind: 'column', column: PERSONA_GROUP_COL } as const;
	const nps = s.nps ? (await db.query<NpsGroupCounts>(npsCountsSql({ source: PERSONA_ANSWERS, score: s.nps.score, format: s.nps.format, by }))).rows : null;
	const c = s.csat;
	const csat = c
		? (await db.query<CsatGroupCounts>(csatCountsSql({ source: PERSONA_ANSWERS, score: c.score, format: c.format, by, scale: c.scale, min: c.min ?? 1, satisfiedFrom: satisfiedFrom(c.scale as CsatScale) }))).rows
		: null;
	return satisfactionByGroup(groups, nps, csat);
}
