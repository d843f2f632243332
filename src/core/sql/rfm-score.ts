import {
	binScore,
	DIM_COLUMN,
	DIMS,
	resolveScoring,
	type Dim,
	type DimScoring,
	type ResolvedScoring,
	type ScoreMethod,
	type ScoringOptions
} from '../segments/scoring.ts';
import { rProbs } from '../segments/binning.ts';
import { ntileScoresSql } from './rfm.ts';
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';

/**
 * Scores from the per-customer table (rfm_base or a customer table): every method of
 * core/segments/scoring.ts, per dimension. The statistics (min, max, mean, median, type-7
 * quantiles — DuckDB's quantile_cont is R's type 7) come from one CTE `st`.
 */

const col = (d: Dim): Sql => ident(DIM_COLUMN[d]);
const stat = (d: Dim, name: 'min' | 'max' | 'mean' | 'median' | 'q'): Sql => ident(`${d}_${name}`);

function statsSelect(s: ResolvedScoring): Sql {
	const parts: Sql[] = [];
	for (const d of DIMS) {
		const c = col(d);
		parts.push(sql`min(${c}) AS ${stat(d, 'min')}`, sql`max(${c}) AS ${stat(d, 'max')}`);
		parts.push(
			sql`avg(${c}) AS ${stat(d, 'mean')}`,
			sql`quantile_cont(${c}, 0.5) AS ${stat(d, 'median')}`
		);
		const x = s[d];
		if (x.method === 'r-rfm' && !x.thresholds?.length) {
			// Probabilities exactly as R's seq() makes them; parsed from text to the same double.
			const probs = rProbs(x.bins).map((p) => sql`CAST(${String(p)} AS DOUBLE)`);
			parts.push(sql`quantile_cont(${c}, [${join(probs)}]) AS ${stat(d, 'q')}`);
		}
	}
	return join(parts);
}

/** Lower (inclusive) and upper (exclusive) bound of bin i (1-based) for r-rfm / thresholds. */
function bounds(d: Dim, x: DimScoring, i: number): { lower: Sql; upper: Sql } {
	const n = x.bins;
	const t = x.thresholds;
	const brk = (k: number): Sql =>
		t?.length ? lit(t[k - 1]!) : sql`(st.${stat(d, 'q')}[${k}] + 1)`;
	return {
		lower: i === 1 ? sql`st.${stat(d, 'min')}` : brk(i - 1),
		upper: i === n ? sql`(st.${stat(d, 'max')} + 1)` : brk(i)
	};
}

/** The score expression of one dimension (columns of the source table, `st` in scope). */
export function dimScoreSql(d: Dim, x: DimScoring): Sql {
	const c = col(d);
	switch (x.method) {
		case 'ntile':
			return d === 'r'
				? sql`ntile(${x.bins}) OVER (ORDER BY ${c} DESC, customer_id)`
				: sql`ntile(${x.bins}) OVER (ORDER BY ${c}, customer_id)`;
		case 'mean':
		case 'median': {
			const cut = sql`st.${stat(d, x.method)}`;
			return d === 'r'
				? sql`CASE WHEN ${c} < ${cut} THEN 2 ELSE 1 END`
				: sql`CASE WHEN ${c} > ${cut} THEN 2 ELSE 1 END`;
		}
		case 'r-rfm':
		case 'thresholds': {
			// R assigns bins in a loop, so the last matching bin wins: test them from the top.
			const whens: Sql[] = [];
			for (let i = x.bins; i >= 1; i--) {
				const b = bounds(d, x, i);
				whens.push(
					sql`WHEN ${c} >= ${b.lower} AND ${c} < ${b.upper} THEN ${binScore(d, i, x.bins)}`
				);
			}
			return sql`CASE ${join(whens, ' ')} END`;
		}
	}
}

export interface ScoresOptions {
	source: string;
	target: string;
	scoring?: ScoringOptions;
}

/**
 * Scores table: the source's columns plus r_score, f_score, m_score and rfm_score
 * (100·R + 10·F + M). Re-scoring reads only the per-customer table, never the transactions.
 */
export function scoresSql(o: ScoresOptions): Sql {
	const s = resolveScoring(o.scoring);
	const src = ident(o.source);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		WITH st AS (SELECT ${statsSelect(s)} FROM ${src})
		SELECT *, 100 * r_score + 10 * f_score + m_score AS rfm_score FROM (
			SELECT b.*,
				CAST(${dimScoreSql('r', s.r)} AS INTEGER) AS r_score,
				CAST(${dimScoreSql('f', s.f)} AS INTEGER) AS f_score,
				CAST(${dimScoreSql('m', s.m)} AS INTEGER) AS m_score
			FROM ${src} AS b CROSS JOIN st)`;
}

/**
 * Scores by the scoring options; without any, quintiles by rank through ntileScoresSql (the same
 * scores as scoresSql's default, in the first version's statement).
 */
export function rfmScoresSql(o: ScoresOptions): Sql {
	return o.scoring
		? scoresSql(o)
		: ntileScoresSql({ source: o.source, target: o.target });
}

export interface BreakRow {
	dim: Dim;
	method: ScoreMethod;
	bins: number;
	/** 1-based, ascending by value. */
	bin: number;
	score: number;
	/**
	 * r-rfm, thresholds: lower ≤ x < upper. mean, median: the cut is `upper` of bin 1 and `lower`
	 * of bin 2 (F, M high: x > cut; R recent: x < cut). ntile: the lowest and highest value seen.
	 */
	lower: number | null;
	upper: number | null;
	customers: number;
	[k: string]: string | number | null;
}

/**
 * One row per dimension and bin: the bounds the scores used and the customers in each, for the
 * UI to show ("R 5: 0 ≤ days < 31"). `scores` is the table scoresSql built with the same options.
 */
export function scoreBreaksSql(o: { scores: string; scoring?: ScoringOptions }): Sql {
	const s = resolveScoring(o.scoring);
	const t = ident(o.scores);
	const rows: Sql[] = [];
	for (const d of DIMS) {
		const x = s[d];
		const c = col(d);
		const scoreCol = ident(`${d}_score`);
		for (let i = 1; i <= x.bins; i++) {
			const score = binScore(d, i, x.bins);
			let lower: Sql;
			let upper: Sql;
			if (x.method === 'ntile') {
				lower = sql`(SELECT min(${c}) FROM ${t} WHERE ${scoreCol} = ${score})`;
				upper = sql`(SELECT max(${c}) FROM ${t} WHERE ${scoreCol} = ${score})`;
			} else if (x.method === 'mean' || x.method === 'median') {
				const cut = sql`st.${stat(d, x.method)}`;
				lower = i === 1 ? sql`st.${stat(d, 'min')}` : cut;
				upper = i === 1 ? cut : sql`st.${stat(d, 'max')}`;
			} else {
				({ lower, upper } = bounds(d, x, i));
			}
			rows.push(sql`SELECT ${d} AS dim, ${x.method} AS method, ${x.bins} AS bins, ${i} AS bin, ${score} AS score,
				CAST(${lower} AS DOUBLE) AS lower, CAST(${upper} AS DOUBLE) AS upper,
				(SELECT CAST(count(*) AS INTEGER) FROM ${t} WHERE ${scoreCol} = ${score}) AS customers FROM st`);
		}
	}
	return sql`WITH st AS (SELECT ${statsSelect(s)} FROM ${t})
		SELECT * FROM (${join(rows, ' UNION ALL ')}) ORDER BY ${raw("CASE dim WHEN 'r' THEN 1 WHEN 'f' THEN 2 ELSE 3 END")}, bin`;
}
