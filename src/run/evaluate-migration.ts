import type { EvaluateWindows } from '../core/evaluate/defaults.ts';
import { migrationMoves, sortMigration, type MigrationMoves, type MigrationRow } from '../core/evaluate/migration.ts';
import { addDays } from '../core/iso-days.ts';
import type { SegmentSet } from '../core/segments/rules.ts';
import type { ScoringOptions } from '../core/segments/scoring.ts';
import { cohortGroupsSql, endGroupsSql, migrationMatrixSql } from '../core/sql/evaluate-migration.ts';
import { ClienteleError } from '../core/errors.ts';
import type { GradeStandard } from '../core/grade/standard.ts';
import { segmentGroups, stageGroups, tierGroups } from '../core/sql/plan-basis.ts';
import type { GroupSource } from '../core/sql/plan.ts';
import { rfmScoresSql } from '../core/sql/rfm-score.ts';
import { segmentSql } from '../core/sql/rfm.ts';
import type { DbClient } from '../db/client.ts';
import { runGrade, type GradeSourceOptions, type ReasonWords } from './grade.ts';
import { runLifecycle, type LifecycleOptions } from './lifecycle.ts';
import { baseStatement, type RfmBaseOptions } from './rfm.ts';
import { EVAL_COHORT, EVAL_END, EVAL_END_BASE, EVAL_END_GRADE, EVAL_END_SCORES, EVAL_END_SEGMENTS, EVAL_END_STAGES } from './tables.ts';

/**
 * The plan evaluation's migration between groups (core/evaluate/migration.ts): the cohort's groups
 * (EVAL_COHORT, as the action list names them) against the groups recomputed with the same settings
 * at the after period's last day, S + L − 1 (every line before S + L counts, as an as-of date counts
 * its own day — the cohort's groups were those of S − 1, so both ends are L days apart).
 */

/** The as-of date the groups are recomputed at: the after period's last day. */
export function migrationAsOf(windows: EvaluateWindows): string {
	return addDays(windows.after.to, -1);
}

/** A basis the runner can recompute itself, into tables of its own (the page's stay as they are). */
export type RecomputeSpec =
	| { basis: 'segment'; rfm: Omit<RfmBaseOptions, 'asOf'>; scoring?: ScoringOptions; set: SegmentSet; names: Record<string, string> }
	| { basis: 'stage'; lifecycle: Omit<LifecycleOptions, 'asOf'>; names: Record<string, string> }
	| {
			basis: 'tier';
			/** The per-customer base the standard reads (RFM's settings). */
			rfm: Omit<RfmBaseOptions, 'asOf'>;
			standard: GradeStandard;
			sources: Omit<GradeSourceOptions, 'asOf'>;
			words: ReasonWords;
			/** The label of a customer the standard leaves ungraded (as the action list named it). */
			ungraded: string;
	  };

/** Indicators from a CLV model: fitted on a calibration window of its own, not recomputed at a date here. */
const CLV_INDICATORS: readonly string[] = ['clv', 'p_alive'];

/** The groups of `spec` at `asOf`, labelled with `spec.names` (as the action list labelled them). */
export async function recomputeGroups(db: DbClient, spec: RecomputeSpec, asOf: string): Promise<GroupSource> {
	if (spec.basis === 'tier') {
		const clv = spec.standard.indicators.find((i) => CLV_INDICATORS.includes(i.name));
		if (clv) throw new ClienteleError('evaluate.migrationTierClv', { name: clv.name });
		await db.exec(baseStatement({ ...spec.rfm, asOf }, EVAL_END_BASE));
		await runGrade(db, spec.standard, { ...spec.sources, clv: false, asOf }, spec.words, { base: EVAL_END_BASE, ...EVAL_END_GRADE });
		return tierGroups({ table: EVAL_END_GRADE.target, ungraded: spec.ungraded });
	}
	if (spec.basis === 'stage') {
		await runLifecycle(db, { ...spec.lifecycle, asOf }, EVAL_END_STAGES);
		return stageGroups({ table: EVAL_END_STAGES, names: spec.names, rules: {}, words: { since: '' } });
	}
	await db.exec(baseStatement({ ...spec.rfm, asOf }, EVAL_END_BASE));
	await db.exec(rfmScoresSql({ source: EVAL_END_BASE, target: EVAL_END_SCORES, scoring: spec.scoring }));
	await db.exec(segmentSql({ scores: EVAL_END_SCORES, target: EVAL_END_SEGMENTS, set: spec.set }));
	return segmentGroups({ rfm: EVAL_END_SEGMENTS, names: spec.names, rules: {} });
}

export interface MigrationResult {
	/** The as-of date the groups were recomputed at. */
	asOf: string;
	/** The matrix, by the order (best first) then by name. */
	rows: MigrationRow[];
	/** Up / same / down (with an order) or same / changed, for everyone and each side. */
	moves: MigrationMoves;
	/** The groups' order, best first; null: they have none (RFM segments, quadrants). */
	order: readonly string[] | null;
	/** The order they are shown in (the order, else the rule set's: not a value order). */
	display: readonly string[] | null;
}

/**
 * The matrix of the cohort's groups against `end` (the groups at `asOf`); `none` names a cohort
 * customer the recomputation does not have; `display`: the rows' order when the groups have none.
 */
export async function evaluateMigration(
	db: DbClient,
	o: { end: GroupSource; asOf: string; order: readonly string[] | null; none: string; display?: readonly string[] }
): Promise<MigrationResult> {
	const display = o.order ?? o.display ?? null;
	await db.exec(endGroupsSql(o.end, EVAL_END));
	const rows = (await db.query<MigrationRow>(migrationMatrixSql({ cohort: EVAL_COHORT, end: EVAL_END, none: o.none }))).rows;
	return { asOf: o.asOf, rows: sortMigration(rows, display), moves: migrationMoves(rows, o.order), order: o.order, display };
}

/** The cohort's groups (as the action list names them). */
export async function cohortGroups(db: DbClient): Promise<string[]> {
	return (await db.query<{ group: string }>(cohortGroupsSql(EVAL_COHORT))).rows.map((r) => r.group);
}
