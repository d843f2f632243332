/**
 * A column's profile in one query: rows, missing, distinct, min/max/mean/median and a histogram
 * (numbers, dates: 20 equal-width bins; dates as epoch milliseconds) or the 10 most frequent values
 * (text). The statistics row is repeated beside each bin / top value (LEFT JOIN: one row when none).
 */
import { ident, lit, sql, type Sql } from './sql.ts';
import { exprTypeOf } from '../expr/types.ts';

export type ProfileKind = 'number' | 'date' | 'text';
export const PROFILE_BINS = 20;
export const PROFILE_TOP = 10;

export interface ProfileRow {
	[k: string]: string | number | boolean | null;
	rows: number;
	missing: number;
	distinct_n: number;
	lo: number | string | null;
	hi: number | string | null;
	mean: number | null;
	median: number | null;
	bin: number | null;
	top: string | null;
	n: number | null;
}

export interface ColumnProfile {
	kind: ProfileKind;
	rows: number;
	missing: number;
	distinct: number;
	min: number | string | null;
	max: number | string | null;
	mean: number | null;
	median: number | null;
	/** Numbers and dates: equal-width bins [x0, x1) (the last one closed), empty bins included. */
	bins: { x0: number; x1: number; n: number }[];
	/** Text: the most frequent values, most frequent first (ties by value). */
	top: { value: string; n: number }[];
}

export function profileKind(duckType: string): ProfileKind {
	const t = exprTypeOf(duckType);
	return t === 'number' || t === 'date' ? t : 'text';
}

export function columnProfileSql(o: { source: Sql; column: string; kind: ProfileKind }): Sql {
	const c = ident(o.column);
	if (o.kind === 'text') {
		// One grouping of the text serves the counts, the extremes and the top values (a DISTINCT count
		// beside a GROUP BY hashed every row twice).
		return sql`WITH g AS MATERIALIZED (SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM (${o.source}) AS grid_p GROUP BY 1),
		st AS (SELECT coalesce(CAST(sum(n) AS BIGINT), 0) AS rows, coalesce(CAST(sum(n) FILTER (WHERE v IS NULL OR trim(v) = '') AS BIGINT), 0) AS missing,
			count(v) AS distinct_n, min(v) AS lo, max(v) AS hi, CAST(NULL AS DOUBLE) AS mean, CAST(NULL AS DOUBLE) AS median FROM g),
		t AS (SELECT v AS top, n FROM g WHERE v IS NOT NULL ORDER BY n DESC, v LIMIT ${lit(PROFILE_TOP)})
		SELECT st.*, CAST(NULL AS INTEGER) AS bin, t.top, t.n FROM st LEFT JOIN t ON TRUE ORDER BY t.n DESC, t.top`;
	}
	const v = o.kind === 'date' ? sql`CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)` : sql`CAST(${c} AS DOUBLE)`;
	const bins = lit(PROFILE_BINS);
	return sql`WITH s AS (SELECT ${v} AS v FROM (${o.source}) AS grid_p),
	st AS (SELECT count(*) AS rows, count(*) - count(v) AS missing, count(DISTINCT v) AS distinct_n, min(v) AS lo, max(v) AS hi,
		avg(v) AS mean, quantile_cont(v, 0.5) AS median FROM s),
	b AS (SELECT CASE WHEN st.hi = st.lo THEN 0 ELSE least(CAST(floor((v - st.lo) / ((st.hi - st.lo) / ${bins})) AS INTEGER), ${bins} - 1) END AS bin,
		count(*) AS n FROM s, st WHERE v IS NOT NULL GROUP BY bin)
	SELECT st.*, b.bin, CAST(NULL AS VARCHAR) AS top, b.n FROM st LEFT JOIN b ON TRUE ORDER BY b.bin`;
}

/** The profile from the query's rows (bins filled out to PROFILE_BINS; one bin when all values are equal). */
export function columnProfile(kind: ProfileKind, rows: readonly ProfileRow[]): ColumnProfile {
	const st = rows[0];
	if (!st) throw new Error('a profile query returns at least one row');
	const p: ColumnProfile = {
		kind,
		rows: st.rows,
		missing: st.missing,
		distinct: st.distinct_n,
		min: st.lo,
		max: st.hi,
		mean: st.mean,
		median: st.median,
		bins: [],
		top: []
	};
	if (kind === 'text') {
		p.top = rows.filter((r) => r.top !== null && r.n !== null).map((r) => ({ value: r.top as string, n: r.n as number }));
		return p;
	}
	const lo = Number(st.lo);
	const hi = Number(st.hi);
	if (st.lo === null || st.hi === null) return p;
	const counts = new Map(rows.filter((r) => r.bin !== null).map((r) => [r.bin as number, r.n ?? 0]));
	if (hi === lo) {
		p.bins = [{ x0: lo, x1: hi, n: counts.get(0) ?? 0 }];
		return p;
	}
	const w = (hi - lo) / PROFILE_BINS;
	p.bins = Array.from({ length: PROFILE_BINS }, (_, i) => ({ x0: lo + i * w, x1: i === PROFILE_BINS - 1 ? hi : lo + (i + 1) * w, n: counts.get(i) ?? 0 }));
	return p;
}
