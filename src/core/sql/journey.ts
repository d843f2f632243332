/**
 * Touchpoint events: the typed table every journey analysis reads, and the journey-map summaries
 * (volume by stage × touchpoint, satisfaction by stage, pain points, online/offline split).
 * Paths, time between steps and funnels are in journey-paths.ts.
 *
 * Typed table columns: src_row (data-row number), customer_id, ts (TIMESTAMP), touchpoint, channel,
 * stage, score (DOUBLE), outcome, segment (all text NULL when not mapped), seq (1, 2, … per customer
 * in time order; ties by src_row).
 */
import type { DateFormat } from '../csv/dates.ts';
import { PLAIN_NUMBER, type NumberFormat } from '../csv/numbers.ts';
import { DEFAULT_MIN_SCORED, DEFAULT_PAIN_LIMIT } from '../kpi/defaults.ts';
import { cleanCellSql } from './order-rules.ts';
import { dateOf, idOf, numberOf } from './parse.ts';
import { columnCheckSql, type CellParse, type RoleCheck } from './role-check.ts';
import { trimSql } from './trim.ts';
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';

export type TouchpointRole = 'customer' | 'date' | 'touchpoint' | 'channel' | 'stage' | 'score' | 'outcome' | 'segment';

export interface TouchpointMapping {
	customer: string;
	date: string;
	dateFormat: DateFormat;
	touchpoint: string;
	channel?: string;
	stage?: string;
	score?: string;
	scoreFormat?: NumberFormat;
	outcome?: string;
	segment?: string;
}

const text = (col: string | undefined): Sql => (col ? sql`nullif(trim(${ident(col)}), '')` : raw('CAST(NULL AS VARCHAR)'));

/** How the time and the score are read (parse.ts dateExpr / numberExpr, in two steps: CellParse). */
const dateParse = (m: TouchpointMapping): CellParse => ({ clean: trimSql, parse: (t) => dateOf(t, m.dateFormat) });
const scoreParse = (m: TouchpointMapping): CellParse => ({ clean: cleanCellSql, parse: (t) => numberOf(t, m.scoreFormat ?? PLAIN_NUMBER) });

/**
 * Builds the typed touchpoint table; rows without a customer, a readable time or a touchpoint are left
 * out. The customer, time and score cells are cleaned once in a subquery and parsed from there: the
 * parsing names its input about ten times, and idExpr() and numberExpr() inline made the sample's
 * statement 33 kB, 1.2–1.9 s for DuckDB-WASM to plan.
 */
export function buildTouchpointSql(o: { source: string; target: string; mapping: TouchpointMapping }): Sql {
	const m = o.mapping;
	const [date, score] = [dateParse(m), scoreParse(m)];
	const cells = sql`SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${cleanCellSql(ident(m.customer))} AS t_customer,
				${date.clean(ident(m.date))} AS t_date, ${m.score ? sql`${score.clean(ident(m.score))} AS t_score, ` : raw('')}${text(m.touchpoint)} AS touchpoint,
				${text(m.channel)} AS channel, ${text(m.stage)} AS stage, ${text(m.outcome)} AS outcome, ${text(m.segment)} AS segment
			FROM ${ident(o.source)}`;
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT *, CAST(row_number() OVER (PARTITION BY customer_id ORDER BY ts, src_row) AS INTEGER) AS seq FROM (
			SELECT src_row, ${idOf(raw('t_customer'))} AS customer_id, ${date.parse(raw('t_date'))} AS ts, touchpoint, channel, stage,
				${m.score ? score.parse(raw('t_score')) : raw('CAST(NULL AS DOUBLE)')} AS score, outcome, segment
			FROM (${cells}) AS cells
		) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND touchpoint IS NOT NULL`;
}

/** Per mapped column: unreadable (bad) and empty values with the first bad row (RoleCheck rows). */
export function validateTouchpointSql(o: { source: string; mapping: TouchpointMapping }): Sql {
	const m = o.mapping;
	const parts: Sql[] = [];
	const add = (role: TouchpointRole, column: string | undefined, parsed: CellParse | null) => {
		if (column) parts.push(columnCheckSql({ source: o.source, role, column, parsed }));
	};
	add('customer', m.customer, null);
	add('date', m.date, dateParse(m));
	add('touchpoint', m.touchpoint, null);
	add('score', m.score, scoreParse(m));
	return join(parts, ' UNION ALL ');
}

export type { RoleCheck };

/** Volume by stage × touchpoint: stage, touchpoint, events, customers, scored, mean_score, sd_score. */
export function touchpointVolumeSql(o: { table: string }): Sql {
	return sql`SELECT stage, touchpoint, CAST(count(*) AS INTEGER) AS events,
			CAST(count(DISTINCT customer_id) AS INTEGER) AS customers, CAST(count(score) AS INTEGER) AS scored,
			avg(score) AS mean_score, stddev_samp(score) AS sd_score
		FROM ${ident(o.table)} GROUP BY stage, touchpoint
		ORDER BY stage NULLS LAST, events DESC, touchpoint`;
}

/** Stage order used when the user gives none: Chinese and English before/during/after purchase (the English sample's last). */
export const DEFAULT_STAGE_ORDER: readonly string[] = ['接触前', '接触中', '接触后', '购买前', '购买中', '购买后', 'before', 'during', 'after', 'pre-purchase', 'purchase', 'post-purchase'];

function stageRank(order: readonly string[]): Sql {
	if (order.length === 0) return raw('CAST(NULL AS INTEGER)');
	return sql`CASE lower(stage) ${join(order.map((s, i) => sql`WHEN ${s.toLowerCase()} THEN ${i + 1}`), ' ')} END`;
}

/**
 * The satisfaction curve across stages: stage, stage_rank (position in `order`, NULL when not
 * listed), events, scored, mean_score, sd_score, q25, median, q75 (quantile_cont, R type 7).
 * Sorted by rank, then name; the NULL stage last.
 */
export function stageScoresSql(o: { table: string; order?: readonly string[] }): Sql {
	return sql`SELECT stage, ${stageRank(o.order ?? DEFAULT_STAGE_ORDER)} AS stage_rank, CAST(count(*) AS INTEGER) AS events,
			CAST(count(score) AS INTEGER) AS scored, avg(score) AS mean_score, stddev_samp(score) AS sd_score,
			quantile_cont(score, 0.25) AS q25, quantile_cont(score, 0.5) AS median, quantile_cont(score, 0.75) AS q75
		FROM ${ident(o.table)} GROUP BY stage
		ORDER BY stage IS NULL, stage_rank NULLS LAST, stage`;
}

/**
 * Pain points: the lowest-scoring touchpoints (optionally per stage) with at least `minScored`
 * scored events: [stage,] touchpoint, scored, mean_score, sd_score, gap (mean − overall mean).
 */
export function painPointsSql(o: { table: string; minScored?: number; limit?: number; byStage?: boolean }): Sql {
	const keys = o.byStage ? sql`stage, touchpoint` : sql`touchpoint`;
	return sql`SELECT ${keys}, CAST(count(score) AS INTEGER) AS scored, avg(score) AS mean_score,
			stddev_samp(score) AS sd_score, avg(score) - (SELECT avg(score) FROM ${ident(o.table)}) AS gap
		FROM ${ident(o.table)} WHERE score IS NOT NULL GROUP BY ${keys}
		HAVING count(score) >= ${o.minScored ?? DEFAULT_MIN_SCORED}
		ORDER BY mean_score, scored DESC, ${keys} LIMIT ${o.limit ?? DEFAULT_PAIN_LIMIT}`;
}

export type Channel = 'online' | 'offline';

/** Default touchpoint → channel table (editable in the UI). Keys are matched case-insensitively. */
export const DEFAULT_CHANNELS: Readonly<Record<string, Channel>> = Object.freeze({
	官网: 'online',
	App: 'online',
	小程序: 'online',
	社交媒体: 'online',
	邮件: 'online',
	门店: 'offline',
	客服电话: 'offline',
	// The English sample's touchpoints (public/sample/en/).
	Website: 'online',
	'Mini program': 'online',
	'Social media': 'online',
	Email: 'online',
	Store: 'offline',
	'Service hotline': 'offline'
});

export const UNKNOWN_CHANNEL = 'unknown';

/** The channel of an event: the mapped channel column when filled, else the table, else 'unknown'. */
export function channelExpr(channels: Readonly<Record<string, string>>): Sql {
	const entries = Object.entries(channels);
	const fromTable = entries.length
		? sql`CASE lower(touchpoint) ${join(entries.map(([k, v]) => sql`WHEN ${k.toLowerCase()} THEN ${v}`), ' ')} END`
		: raw('CAST(NULL AS VARCHAR)');
	return sql`coalesce(channel, ${fromTable}, ${lit(UNKNOWN_CHANNEL)})`;
}

/** Online/offline split: channel, events, customers, scored, mean_score, event_share. */
export function channelSplitSql(o: { table: string; channels?: Readonly<Record<string, string>> }): Sql {
	return sql`SELECT channel, events, customers, scored, mean_score, events / sum(events) OVER () AS event_share FROM (
			SELECT ${channelExpr(o.channels ?? DEFAULT_CHANNELS)} AS channel, CAST(count(*) AS INTEGER) AS events,
				CAST(count(DISTINCT customer_id) AS INTEGER) AS customers, CAST(count(score) AS INTEGER) AS scored,
				avg(score) AS mean_score
			FROM ${ident(o.table)} GROUP BY ALL)
		ORDER BY events DESC, channel`;
}
