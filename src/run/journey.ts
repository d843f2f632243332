/**
 * The journey runner: the typed touchpoint table built from the raw events, the reports over it
 * (journey map, paths, times, funnel, channels) and the steps the journey view adds (the events of
 * one group of customers, the table without its channel column, value lists). `clientele journey`
 * calls the runners; the journey view model holds them as steps (`…Step`: the statements and the
 * runner), so it asks again only when a step's statements change. Each report is one statement.
 */
import { ClienteleError } from '../core/errors.ts';
import type { RoleCheck } from '../core/sql/role-check.ts';
import { buildTouchpointSql, channelSplitSql, painPointsSql, stageScoresSql, touchpointVolumeSql, validateTouchpointSql, type TouchpointMapping } from '../core/sql/journey.ts';
import { customerEventsSql, valuesByCountSql, withoutChannelSql } from '../core/sql/journey-filter.ts';
import { funnelSql, pathLinksSql, stepTimesSql, topPathsSql, type FunnelStep } from '../core/sql/journey-paths.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient, Row } from '../db/client.ts';
import type { Step } from './step.ts';
import { countRows } from './table-ops.ts';
import { RAW_TABLE, TOUCHPOINT_TABLE, TP_NO_CHANNEL, TP_SELECTED } from './tables.ts';

export interface TouchpointLoad {
	/** Rows in the typed touchpoint table. */
	rows: number;
	/** Rows left out because a required value was empty (mapping.someEmpty). */
	warnings: ClienteleError[];
}

/**
 * Validates the mapping on the whole raw table and builds the touchpoint table. Unreadable times or
 * scores are errors naming the first bad row; rows with an empty customer, time or touchpoint are
 * left out with a warning.
 */
export async function buildTouchpoints(db: DbClient, o: { file: string; mapping: TouchpointMapping; source?: string; target?: string }): Promise<TouchpointLoad> {
	const source = o.source ?? RAW_TABLE;
	const target = o.target ?? TOUCHPOINT_TABLE;
	const checks = (await db.query<RoleCheck & Record<string, string | number | null>>(validateTouchpointSql({ source, mapping: o.mapping }))).rows;
	const warnings: ClienteleError[] = [];
	for (const c of checks) {
		const place = { file: o.file, column: c.column, role: c.role };
		if (c.bad > 0) {
			const code = c.role === 'date' ? 'journey.badDate' : 'journey.badScore';
			throw new ClienteleError(code, { ...place, row: c.firstBadRow ?? 0, value: c.firstBadValue ?? '', count: c.bad, format: o.mapping.dateFormat.label });
		}
		if (c.empty > 0 && c.role !== 'score' && c.empty < c.total) warnings.push(new ClienteleError('mapping.someEmpty', { ...place, count: c.empty }));
	}
	await db.exec(buildTouchpointSql({ source, target, mapping: o.mapping }));
	const n = await countRows(db, target);
	if (n === 0) throw new ClienteleError('journey.noRows', { file: o.file });
	return { rows: n, warnings };
}

export interface VolumeRow { stage: string | null; touchpoint: string; events: number; customers: number; scored: number; mean_score: number | null; sd_score: number | null }
export interface StageRow { stage: string | null; stage_rank: number | null; events: number; scored: number; mean_score: number | null; sd_score: number | null; q25: number | null; median: number | null; q75: number | null }
export interface PainRow { touchpoint: string; scored: number; mean_score: number; sd_score: number | null; gap: number }
export interface PathRow { rank: number | null; path: string; steps: number | null; customers: number; share: number }
export interface LinkRow { step: number; source: string; target: string; customers: number }
export interface TimeRow { label: string; transitions: number; mean_hours: number; median_hours: number; p75_hours: number; p90_hours: number }
export interface FunnelResultRow { group: string | null; step: number; step_name: string; customers: number; conversion: number | null; step_conversion: number | null; drop_off: number | null }
export interface ChannelResultRow { channel: string; events: number; customers: number; scored: number; mean_score: number | null; event_share: number }

/** One report over the touchpoint table and its options (plain data; defaults in core/kpi/defaults.ts). */
export type JourneyReport =
	| { report: 'touchpoints' }
	| { report: 'stages' }
	| { report: 'pain'; minScored?: number; limit?: number }
	| { report: 'paths'; steps?: number; top?: number; collapseRepeats?: boolean }
	| { report: 'links'; steps?: number; collapseRepeats?: boolean }
	| { report: 'times'; maxSteps?: number; collapseRepeats?: boolean; by?: 'step' | 'transition' }
	| { report: 'funnel'; steps: FunnelStep[]; windowDays?: number; by?: { table?: string; column: string } }
	| { report: 'channels'; channels?: Record<string, string> };

export type JourneyReportName = JourneyReport['report'];

/** The rows each report returns. */
export interface JourneyRows {
	touchpoints: VolumeRow;
	stages: StageRow;
	pain: PainRow;
	paths: PathRow;
	links: LinkRow;
	times: TimeRow;
	funnel: FunnelResultRow;
	channels: ChannelResultRow;
}

/** The statement of one report over a touchpoint table (default: the whole typed table). */
export function journeyReportSql(r: JourneyReport, table: string = TOUCHPOINT_TABLE): Sql {
	switch (r.report) {
		case 'touchpoints':
			return touchpointVolumeSql({ table });
		case 'stages':
			return stageScoresSql({ table });
		case 'pain':
			return painPointsSql({ table, minScored: r.minScored, limit: r.limit });
		case 'paths':
			return topPathsSql({ table, steps: r.steps, top: r.top, collapseRepeats: r.collapseRepeats });
		case 'links':
			return pathLinksSql({ table, steps: r.steps, collapseRepeats: r.collapseRepeats });
		case 'times':
			return stepTimesSql({ table, maxSteps: r.maxSteps, collapseRepeats: r.collapseRepeats, by: r.by });
		case 'funnel':
			return funnelSql({ table, steps: r.steps, windowDays: r.windowDays, by: r.by });
		case 'channels':
			return channelSplitSql({ table, channels: r.channels });
	}
}

/** Runs one report. */
export async function journeyReport<R extends JourneyReport>(db: DbClient, r: R, table: string = TOUCHPOINT_TABLE): Promise<JourneyRows[R['report']][]> {
	return reportStep(r, table).run(db);
}

export function reportStep<R extends JourneyReport>(r: R, table: string = TOUCHPOINT_TABLE): Step<JourneyRows[R['report']][]> {
	const q = journeyReportSql(r, table);
	return { sql: q, run: async (db) => (await db.query<JourneyRows[R['report']] & Row>(q)).rows };
}

/** Stages as stageScoresSql sorts them: the default order (before / during / after purchase), then by name. */
export function orderedStages(rows: readonly { stage: string | null; stage_rank: number | null }[]): string[] {
	return rows.filter((r) => r.stage !== null).map((r) => r.stage!);
}

/** The funnel through the stages in order: where customers drop off between stages (null: fewer than two stages). */
export function stageDropsReport(stages: readonly StageRow[]): Extract<JourneyReport, { report: 'funnel' }> | null {
	const order = orderedStages(stages);
	return order.length > 1 ? { report: 'funnel', steps: order.map((value) => ({ field: 'stage', value })) } : null;
}

/** The customers of one group: the RFM table's segment or a quadrant table's quadrant equal to `value`. */
export interface CustomerGroup {
	table: string;
	column: string;
	value: string;
}

/** A statement that makes a table, as a step whose answer is the table's name. */
function tableStep(q: Sql, table: string): Step<string> {
	return {
		sql: q,
		run: async (db) => {
			await db.exec(q);
			return table;
		}
	};
}

/** The events of one group's customers as TP_SELECTED (whole customers, so paths stay valid). */
export function selectCustomersStep(g: CustomerGroup): Step<string> {
	return tableStep(customerEventsSql({ source: TOUCHPOINT_TABLE, target: TP_SELECTED, ...g }), TP_SELECTED);
}

/** The events of `table` with the channel column emptied (the touchpoint → channel table decides), as TP_NO_CHANNEL. */
export function withoutChannelStep(table: string): Step<string> {
	return tableStep(withoutChannelSql({ source: table, target: TP_NO_CHANNEL }), TP_NO_CHANNEL);
}

/** Distinct non-empty values of a column, most frequent first (touchpoints, stages, outcomes, segments). */
export function valuesStep(table: string, column: string): Step<string[]> {
	const q = valuesByCountSql({ table, column });
	return { sql: q, run: async (db) => (await db.query<{ value: string }>(q)).rows.map((r) => String(r.value)) };
}

export type FunnelField = 'touchpoint' | 'stage' | 'outcome';

/** The touchpoints, stages and outcomes of a table, most frequent first (the funnel's choices). */
export function valueListsStep(table: string): Step<Record<FunnelField, string[]>> {
	const [tps, sts, outs] = (['touchpoint', 'stage', 'outcome'] as const).map((f) => valuesStep(table, f));
	const run = async (db: DbClient) => {
		const [touchpoint, stage, outcome] = await Promise.all([tps!.run(db), sts!.run(db), outs!.run(db)]);
		return { touchpoint, stage, outcome };
	};
	return { sql: [tps!.sql, sts!.sql, outs!.sql] as Sql[], run };
}
