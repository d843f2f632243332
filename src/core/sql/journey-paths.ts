/**
 * Paths, time between steps and funnels over the typed touchpoint table (see journey.ts; events
 * are ordered per customer by `seq`: time, then file order).
 */
import { DEFAULT_PATH_STEPS, DEFAULT_TIME_STEPS, DEFAULT_TOP_PATHS } from '../kpi/defaults.ts';
import { ident, join, raw, sql, type Sql } from './sql.ts';

export const OTHER_PATH = 'other';
export const PATH_SEPARATOR = ' → ';

function positiveInt(name: string, v: number, max = 1000): number {
	if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`${name} must be a whole number from 1 to ${max}, got ${v}`);
	return v;
}

/** Events in order; with collapseRepeats, a touchpoint repeated back-to-back counts once. */
function orderedEvents(table: string, collapseRepeats: boolean): Sql {
	const base = sql`SELECT customer_id, ts, seq, touchpoint, lag(touchpoint) OVER (PARTITION BY customer_id ORDER BY seq) AS prev FROM ${ident(table)}`;
	const kept = collapseRepeats ? sql`SELECT * FROM (${base}) WHERE prev IS NULL OR prev <> touchpoint` : base;
	return sql`SELECT customer_id, ts, touchpoint, CAST(row_number() OVER (PARTITION BY customer_id ORDER BY seq) AS INTEGER) AS step FROM (${kept})`;
}

export interface PathOptions {
	table: string;
	/** Steps kept per customer (the first K touchpoints). Default 3. */
	steps?: number;
	/** Paths listed; the rest are summed as 'other'. Default 10. */
	top?: number;
	/** Count a touchpoint repeated back-to-back once (App → App → 门店 = App → 门店). Default false. */
	collapseRepeats?: boolean;
}

/**
 * The most common paths: rank (NULL for 'other'), path (first K touchpoints joined by ' → '),
 * steps, customers, share of customers. Ties rank by path text, so the list is deterministic.
 */
export function topPathsSql(o: PathOptions): Sql {
	const k = positiveInt('steps', o.steps ?? DEFAULT_PATH_STEPS, 50);
	const top = positiveInt('top', o.top ?? DEFAULT_TOP_PATHS);
	return sql`WITH e AS (${orderedEvents(o.table, o.collapseRepeats ?? false)}),
		p AS (
			SELECT customer_id, string_agg(touchpoint, ${PATH_SEPARATOR} ORDER BY step) AS path, CAST(count(*) AS INTEGER) AS steps
			FROM e WHERE step <= ${k} GROUP BY customer_id
		), c AS (
			SELECT path, any_value(steps) AS steps, CAST(count(*) AS INTEGER) AS customers,
				CAST(row_number() OVER (ORDER BY count(*) DESC, path) AS INTEGER) AS rank
			FROM p GROUP BY path
		), l AS (
			SELECT CASE WHEN rank <= ${top} THEN rank END AS r, CASE WHEN rank <= ${top} THEN path ELSE ${OTHER_PATH} END AS path,
				CASE WHEN rank <= ${top} THEN steps END AS steps, customers FROM c
		)
		SELECT r AS rank, path, max(steps) AS steps, CAST(sum(customers) AS INTEGER) AS customers,
			sum(customers) / (SELECT count(*) FROM p) AS share
		FROM l GROUP BY r, path ORDER BY r NULLS LAST`;
}

/**
 * Links for a flow chart: step (1 = from the first to the second touchpoint), source, target,
 * customers — over the first K steps.
 */
export function pathLinksSql(o: PathOptions): Sql {
	const k = positiveInt('steps', o.steps ?? DEFAULT_PATH_STEPS, 50);
	return sql`WITH e AS (${orderedEvents(o.table, o.collapseRepeats ?? false)})
		SELECT a.step, a.touchpoint AS source, b.touchpoint AS target, CAST(count(*) AS INTEGER) AS customers
		FROM e a JOIN e b ON b.customer_id = a.customer_id AND b.step = a.step + 1
		WHERE b.step <= ${k} GROUP BY ALL ORDER BY a.step, customers DESC, source, target`;
}

export interface StepTimeOptions {
	table: string;
	/** 'step': per step number (1→2, 2→3 … up to maxSteps) plus 'all'; 'transition': per touchpoint pair plus 'all'. */
	by?: 'step' | 'transition';
	/** Steps considered with by 'step' (default 5). */
	maxSteps?: number;
	collapseRepeats?: boolean;
}

/**
 * Time between consecutive touchpoints of a customer, in hours: label ('all', '1→2', 'App → 门店'),
 * transitions, mean_hours, median_hours, p75_hours, p90_hours (quantile_cont: linear
 * interpolation, R type 7). The 'all' row comes first.
 */
export function stepTimesSql(o: StepTimeOptions): Sql {
	const by = o.by ?? 'step';
	const k = positiveInt('maxSteps', o.maxSteps ?? DEFAULT_TIME_STEPS, 50);
	const key = by === 'step' ? sql`CAST(a.step AS VARCHAR) || '→' || CAST(a.step + 1 AS VARCHAR)` : sql`a.touchpoint || ${PATH_SEPARATOR} || b.touchpoint`;
	const limit = by === 'step' ? sql`AND b.step <= ${k}` : raw('');
	return sql`WITH e AS (${orderedEvents(o.table, o.collapseRepeats ?? false)}),
		g AS (
			SELECT ${key} AS k, a.step AS s, date_diff('second', a.ts, b.ts) / 3600.0 AS hours
			FROM e a JOIN e b ON b.customer_id = a.customer_id AND b.step = a.step + 1 ${limit}
		)
		SELECT CASE WHEN grouping(k) = 1 THEN 'all' ELSE k END AS label, CAST(count(*) AS INTEGER) AS transitions,
			avg(hours) AS mean_hours, quantile_cont(hours, 0.5) AS median_hours,
			quantile_cont(hours, 0.75) AS p75_hours, quantile_cont(hours, 0.9) AS p90_hours
		FROM g GROUP BY GROUPING SETS ((), (k))
		ORDER BY grouping(k) DESC, min(s), count(*) DESC, k`;
}

/** A funnel step: a touchpoint name, or a value of another event column. */
export type FunnelStep = string | { field: 'touchpoint' | 'stage' | 'outcome' | 'channel'; value: string };

export interface FunnelOptions {
	table: string;
	steps: readonly FunnelStep[];
	/** Every later step must happen within this many days of the first step (default: no limit). */
	windowDays?: number;
	/** Split by a column of the event table (e.g. 'segment'; the value on the first-step event), or by a customer table's column (joined on customer_id). */
	by?: { column: string; table?: string };
}

export function funnelStepLabel(s: FunnelStep): string {
	return typeof s === 'string' ? s : s.value;
}

function stepMatch(s: FunnelStep, alias: string): Sql {
	const field = typeof s === 'string' ? 'touchpoint' : s.field;
	if (!['touchpoint', 'stage', 'outcome', 'channel'].includes(field)) throw new RangeError(`funnel step field must be touchpoint, stage, outcome or channel, got ${field}`);
	return sql`${ident(alias)}.${ident(field)} = ${funnelStepLabel(s)}`;
}

/**
 * Ordered funnel with a conversion window: each start (an event matching step 1) is followed by
 * the earliest later event matching step 2, then step 3 …, all within `windowDays` of the start;
 * a customer reaches the deepest step any of their starts reaches (as ClickHouse's windowFunnel).
 * Rows: group ('all' without `by`), step (1…), step_name, customers, conversion (÷ step 1),
 * step_conversion (÷ previous step), drop_off (previous − this).
 */
export function funnelSql(o: FunnelOptions): Sql {
	if (o.steps.length < 1 || o.steps.length > 20) throw new RangeError(`a funnel has 1 to 20 steps, got ${o.steps.length}`);
	if (o.windowDays !== undefined && !(Number.isFinite(o.windowDays) && o.windowDays > 0))
		throw new RangeError(`the conversion window must be a positive number of days, got ${o.windowDays}`);
	const t = ident(o.table);
	const grp = !o.by ? sql`'all'` : o.by.table ? sql`CAST(g.${ident(o.by.column)} AS VARCHAR)` : sql`CAST(e.${ident(o.by.column)} AS VARCHAR)`;
	const gjoin = o.by?.table ? sql`LEFT JOIN ${ident(o.by.table)} AS g ON g.customer_id = e.customer_id` : raw('');
	const within = o.windowDays === undefined ? raw('') : sql`AND e.ts <= c.t0 + to_seconds(CAST(${Math.round(o.windowDays * 86400)} AS BIGINT))`;
	const ctes: Sql[] = [
		sql`c1 AS (SELECT e.customer_id, ${grp} AS grp, e.ts AS t0, e.seq AS q1 FROM ${t} AS e ${gjoin} WHERE ${stepMatch(o.steps[0]!, 'e')})`
	];
	const qs: Sql[] = [raw('q1')];
	for (let i = 1; i < o.steps.length; i++) {
		const prev = raw(`c${i}`);
		const q = raw(`q${i + 1}`);
		const qPrev = raw(`q${i}`);
		ctes.push(sql`c${raw(String(i + 1))} AS (SELECT c.*, min(e.seq) AS ${q} FROM ${prev} AS c
			LEFT JOIN ${t} AS e ON e.customer_id = c.customer_id AND ${stepMatch(o.steps[i]!, 'e')} AND e.seq > c.${qPrev} ${within}
			GROUP BY ALL)`);
		qs.push(q);
	}
	const last = raw(`c${o.steps.length}`);
	const level = join(qs.map((q) => sql`(${q} IS NOT NULL)::INTEGER`), ' + ');
	const names = sql`[${join(o.steps.map((s) => sql`${funnelStepLabel(s)}`))}]`;
	return sql`WITH ${join(ctes, ', ')},
		lv AS (SELECT customer_id, grp, max(${level}) AS level FROM ${last} GROUP BY customer_id, grp),
		st AS (SELECT grp, CAST(unnest(range(1, ${o.steps.length + 1})) AS INTEGER) AS step FROM (SELECT DISTINCT grp FROM lv)),
		n AS (SELECT st.grp, st.step, CAST(count(lv.customer_id) AS INTEGER) AS customers FROM st
			LEFT JOIN lv ON lv.grp IS NOT DISTINCT FROM st.grp AND lv.level >= st.step GROUP BY ALL)
		SELECT grp AS "group", step, ${names}[step] AS step_name, customers,
			customers / first_value(customers) OVER w AS conversion,
			customers / lag(customers) OVER w AS step_conversion,
			lag(customers) OVER w - customers AS drop_off
		FROM n WINDOW w AS (PARTITION BY grp ORDER BY step)
		ORDER BY grp NULLS LAST, step`;
}
