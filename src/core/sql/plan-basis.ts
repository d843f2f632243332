import { segmentLabelSql } from './rfm-columns.ts';
import { ident, join, sql, type Sql } from './sql.ts';
import type { GroupSource } from './plan.ts';

/**
 * The customers of each basis of a service plan, as `customer_id, grp, label, reason`: the group
 * id, its name in the chosen language and, in words, what put the customer there.
 */

function textCase(map: Record<string, string>, column: string): Sql {
	const entries = Object.entries(map);
	if (entries.length === 0) return sql`''`;
	return sql`CASE ${ident(column)} ${join(entries.map(([k, v]) => sql`WHEN ${k} THEN ${v}`), ' ')} ELSE '' END`;
}

/** RFM segments: "Champions: R 5 · F 5 · M 4 (rule R 5, F 5, M 4–5)". */
export function segmentGroups(o: { rfm: string; names: Record<string, string>; rules: Record<string, string> }): GroupSource {
	const label = segmentLabelSql(o.names);
	return {
		select: sql`SELECT customer_id, segment AS grp, ${label} AS label,
			concat(${label}, ': R ', r_score, ' · F ', f_score, ' · M ', m_score, ${textCase(o.rules, 'segment')}) AS reason
			FROM ${ident(o.rfm)}`
	};
}

/** Value-matrix quadrants: "Core: current value 1234.5 · potential value 321 (both at or above the split)". */
export function quadrantGroups(o: {
	table: string;
	names: Record<string, string>;
	words: { current: string; potential: string };
	rules: Record<string, string>;
}): GroupSource {
	const label = segmentLabelSql(o.names, 'quadrant');
	return {
		select: sql`SELECT customer_id, quadrant AS grp, ${label} AS label,
			concat(${label}, ': ', ${o.words.current}, ' ', round(current_value, 2), ' · ', ${o.words.potential}, ' ',
				round(potential_value, 2), ${textCase(o.rules, 'quadrant')}) AS reason
			FROM ${ident(o.table)}`
	};
}

/** Lifecycle stages: "silent: 120 days since the last purchase (last purchase ≤ 180 days ago)". */
export function stageGroups(o: { table: string; names: Record<string, string>; rules: Record<string, string>; words: { since: string } }): GroupSource {
	const label = segmentLabelSql(o.names, 'stage');
	return {
		select: sql`SELECT customer_id, stage AS grp, ${label} AS label,
			concat(${label}, CASE WHEN recency_days IS NULL THEN '' ELSE concat(': ', recency_days, ' ', ${o.words.since}) END,
				${textCase(o.rules, 'stage')}) AS reason
			FROM ${ident(o.table)}`
	};
}

/** Grading tiers: the tier table's own reason ("total 87.5 ≥ 80 → VIP (…)"); ungraded customers as one group. */
export function tierGroups(o: { table: string; ungraded: string }): GroupSource {
	return {
		select: sql`SELECT customer_id, coalesce(tier, ${o.ungraded}) AS grp, coalesce(tier, ${o.ungraded}) AS label, reason
			FROM ${ident(o.table)}`
	};
}
