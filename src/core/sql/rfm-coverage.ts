import { OTHERS, type SegmentSet } from '../segments/rules.ts';
import { ruleCondSql, segmentCaseSql } from './rfm.ts';
import { ident, join, lit, sql, type Sql } from './sql.ts';

/**
 * Rule coverage for the rule editor: which rules match each customer, how many, and which one
 * won (the first, in priority order). Reads only the scores table.
 */

function matchCount(set: SegmentSet): Sql {
	if (set.rules.length === 0) return lit(0);
	return join(
		set.rules.map((k) => sql`CAST(coalesce(${ruleCondSql(k)}, FALSE) AS INTEGER)`),
		' + '
	);
}

function matchList(set: SegmentSet): Sql {
	if (set.rules.length === 0) return lit('');
	return sql`concat_ws(',', ${join(set.rules.map((k) => sql`CASE WHEN ${ruleCondSql(k)} THEN ${k.id} END`))})`;
}

export type CoverageFilter = 'all' | 'overlap' | 'none';

export interface CoverageRow {
	customer_id: string;
	r_score: number;
	f_score: number;
	m_score: number;
	/** Number of rules that match. */
	matches: number;
	/** Their ids, comma-separated in priority order. */
	matched: string;
	/** The winning rule (first match), or 'others'. */
	segment: string;
	[k: string]: string | number | null;
}

/** Per customer: matches, matched rule ids, winner. 'overlap': matched by several; 'none': by no rule. */
export function coverageSql(o: { scores: string; set: SegmentSet; filter?: CoverageFilter }): Sql {
	const where =
		o.filter === 'overlap'
			? sql`WHERE matches > 1`
			: o.filter === 'none'
				? sql`WHERE matches = 0`
				: sql``;
	return sql`SELECT * FROM (
			SELECT customer_id, r_score, f_score, m_score, CAST(${matchCount(o.set)} AS INTEGER) AS matches,
				${matchList(o.set)} AS matched, ${segmentCaseSql(o.set)} AS segment
			FROM ${ident(o.scores)}) ${where}
		ORDER BY customer_id`;
}

export interface CoverageSummaryRow {
	/** Rule id, or 'others' (last row: customers no rule matches). */
	segment: string;
	/** 1-based priority; 'others' gets rules + 1. */
	priority: number;
	/** Customers this rule matches (including those an earlier rule took). */
	matched: number;
	/** Customers it wins. */
	won: number;
	/** Customers it matches that an earlier rule took. */
	shadowed: number;
	[k: string]: string | number | null;
}

/** Per rule: matched, won, shadowed; plus an 'others' row for customers matched by none. */
export function coverageSummarySql(o: { scores: string; set: SegmentSet }): Sql {
	const seg = segmentCaseSql(o.set);
	const rows = o.set.rules.map(
		(k, i) => sql`SELECT ${k.id} AS segment, ${i + 1} AS priority,
			CAST(count(*) FILTER (WHERE ${ruleCondSql(k)}) AS INTEGER) AS matched,
			CAST(count(*) FILTER (WHERE seg = ${k.id}) AS INTEGER) AS won FROM c`
	);
	rows.push(sql`SELECT ${OTHERS} AS segment, ${o.set.rules.length + 1} AS priority,
		CAST(count(*) FILTER (WHERE seg = ${OTHERS}) AS INTEGER) AS matched,
		CAST(count(*) FILTER (WHERE seg = ${OTHERS}) AS INTEGER) AS won FROM c`);
	return sql`WITH c AS (SELECT *, ${seg} AS seg FROM ${ident(o.scores)})
		SELECT segment, priority, matched, won, matched - won AS shadowed FROM (${join(rows, ' UNION ALL ')})
		ORDER BY priority`;
}

/**
 * Everything the rule editor shows about coverage in one scan of the scores: per rule (by
 * position) the customers it matches (`m0`, `m1`, …) and wins (`w0`, …), the customers no rule
 * matches (`others`), matched by several rules (`several`) and by none (`none`). One row;
 * coverageRows() turns it into CoverageSummaryRow[].
 */
export function coverageCountsSql(o: { scores: string; set: SegmentSet }): Sql {
	const n = (e: Sql, as: string) => sql`CAST(count(*) FILTER (WHERE ${e}) AS INTEGER) AS ${ident(as)}`;
	const cols = o.set.rules.flatMap((k, i) => [
		n(sql`coalesce(${ruleCondSql(k)}, FALSE)`, `m${i}`),
		n(sql`seg = ${k.id}`, `w${i}`)
	]);
	cols.push(n(sql`seg = ${OTHERS}`, 'others'), n(sql`matches > 1`, 'several'), n(sql`matches = 0`, 'none'));
	return sql`SELECT ${join(cols)} FROM (
			SELECT *, ${segmentCaseSql(o.set)} AS seg, CAST(${matchCount(o.set)} AS INTEGER) AS matches
			FROM ${ident(o.scores)})`;
}

/** The one row of coverageCountsSql() as rule rows (priority order, 'others' last) and the overlap. */
export function coverageRows(
	set: SegmentSet,
	row: Record<string, unknown> | undefined
): { rows: CoverageSummaryRow[]; several: number; none: number } {
	const num = (k: string) => Number(row?.[k] ?? 0);
	const rows: CoverageSummaryRow[] = set.rules.map((k, i) => ({
		segment: k.id,
		priority: i + 1,
		matched: num(`m${i}`),
		won: num(`w${i}`),
		shadowed: num(`m${i}`) - num(`w${i}`)
	}));
	const others = num('others');
	rows.push({ segment: OTHERS, priority: set.rules.length + 1, matched: others, won: others, shadowed: 0 });
	return { rows, several: num('several'), none: num('none') };
}
