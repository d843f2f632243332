import type { SegmentSet } from '../segments/rules.ts';
import { coverageSql } from './rfm-coverage.ts';
import { segmentLabelSql } from './rfm-columns.ts';
import { ident, sql, type Sql } from './sql.ts';

/**
 * Which customers a list shows: all (null), one segment's, or a coverage group of a rule set
 * (customers several rules match, or none). Plain data: the page's grid and its CSV export use it.
 */
export type RfmListFilter =
	| { segment: string }
	| { coverage: 'overlap' | 'none'; set: SegmentSet }
	| null;

/** The WHERE of a filtered list over the segment table (undefined: every customer). */
export function rfmListWhereSql(o: { scores: string; filter: RfmListFilter }): Sql | undefined {
	const f = o.filter;
	if (!f) return undefined;
	if ('segment' in f) return sql`WHERE segment = ${f.segment}`;
	const cov = coverageSql({ scores: o.scores, set: f.set, filter: f.coverage });
	return sql`WHERE customer_id IN (SELECT customer_id FROM (${cov}))`;
}

/**
 * The RFM view's customer grid, segment names given: a segment's customers or everyone by
 * monetary value (largest first), or a coverage group with the rules that match each customer.
 */
export function rfmListSql(o: {
	rfm: string;
	scores: string;
	names: Record<string, string>;
	filter: RfmListFilter;
}): Sql {
	const f = o.filter;
	const segment = segmentLabelSql(o.names);
	if (f && 'coverage' in f) {
		const cov = coverageSql({ scores: o.scores, set: f.set, filter: f.coverage });
		const matched = sql`array_to_string(list_transform(string_split(matched, ','), x -> ${segmentLabelSql(o.names, 'x')}), ', ')`;
		return sql`SELECT customer_id, ${segment} AS segment, matches, ${matched} AS matched, r_score, f_score, m_score FROM (${cov}) ORDER BY customer_id`;
	}
	const base = sql`SELECT customer_id, ${segment} AS segment, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score FROM ${ident(o.rfm)}`;
	return sql`${base} ${rfmListWhereSql({ scores: o.scores, filter: f }) ?? sql``} ORDER BY monetary DESC`;
}
