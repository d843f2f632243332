/**
 * Grading, steps 2 and 3 (pure builders): points per indicator from the values (gradeInputSql's
 * table), then the total, tier and missing indicators per customer (the tier table other analyses
 * join: service plans read it), and what the page and the CLI read of them. Points rules, methods
 * and the missing-value policies are defined in core/grade/standard.ts.
 *
 * Quantile groups are computed in whole numbers: cume_dist(x) = c / n with c = customers whose
 * value is ≤ x (peers included) and n = customers with a value, so g = ⌈k·c/n⌉ = (k·c + n − 1) // n
 * exactly, with no floating-point edge at a group boundary.
 */
import {
	maxTotal,
	sortedTiers,
	type GradeStandard,
	type IndicatorSpec,
	type PointsRule
} from '../grade/standard.ts';
import { shiftWeights } from '../grade/weights.ts';
import { pointsCol, valueCol } from './grade-input.ts';
import { ident, join, raw, sql, type Sql } from './sql.ts';

export {
	baseQuantilesSql,
	gradeInputSql,
	pointsCol,
	valueCol,
	type GradeInputOptions,
	type SurveySource,
	type SurveyAnswer
} from './grade-input.ts';

const lo = (i: number): Sql => raw(`lo${i}`);
const hi = (i: number): Sql => raw(`hi${i}`);

function pointsExpr(rule: PointsRule, better: IndicatorSpec['better'], i: number): Sql {
	const v = valueCol(i);
	if ('thresholds' in rule) {
		const whens = rule.thresholds.map(
			(t, j) => sql`WHEN ${v} < ${t} THEN ${rule.points[j] as number}`
		);
		return sql`CAST(CASE WHEN ${v} IS NULL THEN NULL ${join(whens, ' ')} ELSE ${rule.points[rule.points.length - 1] as number} END AS DOUBLE)`;
	}
	if ('quantiles' in rule) {
		const k = rule.quantiles;
		const order = better === 'lower' ? sql`DESC` : sql`ASC`;
		const c = sql`count(${v}) OVER (ORDER BY ${v} ${order} NULLS LAST)`;
		const n = sql`count(${v}) OVER ()`;
		return sql`CASE WHEN ${v} IS NULL THEN NULL ELSE 100.0 * ((${k} * ${c} + ${n} - 1) // ${n} - 1) / ${k - 1} END`;
	}
	const x = sql`least(greatest(${v}, ${lo(i)}), ${hi(i)})`;
	const up = sql`100.0 * (${x} - ${lo(i)}) / (${hi(i)} - ${lo(i)})`;
	return sql`CASE WHEN ${v} IS NULL THEN NULL WHEN ${hi(i)} = ${lo(i)} THEN 100.0 ELSE ${better === 'lower' ? sql`100.0 - ${up}` : up} END`;
}

/** CREATE TABLE target: the input table with p0, p1 … (0–100 points; NULL where the value is missing). */
export function gradePointsSql(o: {
	input: string;
	target: string;
	indicators: readonly IndicatorSpec[];
}): Sql {
	const stats = o.indicators.flatMap((ind, i) =>
		'minmax' in ind.points
			? [
					sql`quantile_cont(${valueCol(i)}, ${ind.points.minmax.clip[0]}) AS ${lo(i)}, quantile_cont(${valueCol(i)}, ${ind.points.minmax.clip[1]}) AS ${hi(i)}`
				]
			: []
	);
	const from = stats.length
		? sql`${ident(o.input)} i, (SELECT ${join(stats)} FROM ${ident(o.input)}) s`
		: sql`${ident(o.input)} i`;
	const points = o.indicators.map(
		(ind, i) => sql`${pointsExpr(ind.points, ind.better, i)} AS ${pointsCol(i)}`
	);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS SELECT i.*, ${join(points)} FROM ${from}`;
}

/**
 * The total of a customer, rounded to 2 decimals (NULL: not graded). Scoring: Σ points (missing
 * ones re-normalised as n / present, or zero); weighted: Σ wᵢ·pᵢ / Σ wᵢ over the indicators present
 * (renormalise) or all of them (zero). `weights` overrides the standard's (sensitivity).
 */
export function totalExpr(
	s: GradeStandard,
	weights: readonly number[] = s.indicators.map((i) => i.weight)
): Sql {
	const n = s.indicators.length;
	const p = s.indicators.map((_, i) => pointsCol(i));
	const present = join(
		p.map((x) => sql`CAST(${x} IS NOT NULL AS INTEGER)`),
		' + '
	);
	const anyMissing = join(
		p.map((x) => sql`${x} IS NULL`),
		' OR '
	);
	const w = s.method === 'scoring' ? p.map(() => 1) : [...weights];
	const sum = join(
		p.map((x, i) => sql`${w[i] as number} * coalesce(${x}, 0)`),
		' + '
	);
	const allW = w.reduce((a, b) => a + b, 0);
	let total: Sql;
	if (s.missing === 'renormalise') {
		const presentW = join(
			p.map((x, i) => sql`${w[i] as number} * CAST(${x} IS NOT NULL AS INTEGER)`),
			' + '
		);
		total =
			s.method === 'scoring'
				? sql`(${sum}) * ${n} / nullif(${present}, 0)`
				: sql`(${sum}) / nullif(${presentW}, 0)`;
	} else {
		total = s.method === 'scoring' ? sql`(${sum})` : sql`(${sum}) / ${allW}`;
		if (s.missing === 'ungraded') total = sql`CASE WHEN ${anyMissing} THEN NULL ELSE ${total} END`;
	}
	return sql`round(CAST(${total} AS DOUBLE), 2)`;
}

/** The tier's rank (0 = best, in descending min) of a total; NULL when not graded. */
export function tierRankExpr(s: GradeStandard, total: Sql): Sql {
	const whens = sortedTiers(s.tiers).map((t, r) => sql`WHEN ${total} >= ${t.min} THEN ${r}`);
	return sql`CASE ${join(whens, ' ')} END`;
}

/** Words of the reason column, in the output language. */
export interface ReasonWords {
	/** e.g. 'total' / '总分' */
	total: string;
	/** e.g. 'not graded, missing' / '未分级，缺少' */
	ungraded: string;
}

/**
 * CREATE TABLE target (the tier table): customer_id, total, tier, tier_rank (0 = best), missing
 * (names, ';'-separated, '' when none) and reason ('total 87.5 ≥ 80 → VIP (recency_days 100, …)').
 */
export function gradeTableSql(o: {
	points: string;
	target: string;
	standard: GradeStandard;
	words: ReasonWords;
}): Sql {
	const s = o.standard;
	const tiers = sortedTiers(s.tiers);
	const missing = sql`concat_ws(';', ${join(s.indicators.map((ind, i) => sql`CASE WHEN ${valueCol(i)} IS NULL THEN ${ind.name} END`))})`;
	const names = sql`CASE tier_rank ${join(
		tiers.map((t, r) => sql`WHEN ${r} THEN ${t.name}`),
		' '
	)} END`;
	const mins = sql`CASE tier_rank ${join(
		tiers.map((t, r) => sql`WHEN ${r} THEN ${String(t.min)}`),
		' '
	)} END`;
	const detail = join(
		s.indicators.map(
			(ind, i) =>
				sql`${ind.name} || ' ' || coalesce(CAST(round(${pointsCol(i)}, 2) AS VARCHAR), '–')`
		),
		" || ', ' || "
	);
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT customer_id, total, ${names} AS tier, tier_rank, missing,
			CASE WHEN tier_rank IS NULL THEN ${o.words.ungraded} || ' ' || missing
				ELSE ${o.words.total} || ' ' || CAST(total AS VARCHAR) || ' ≥ ' || ${mins} || ' → ' || ${names} || ' (' || ${detail} || ')' END AS reason
		FROM (SELECT *, ${tierRankExpr(s, raw('total'))} AS tier_rank FROM (
			SELECT *, ${totalExpr(s)} AS total, ${missing} AS missing FROM ${ident(o.points)}))`;
}

/** The CLI's rows: customer_id, each indicator, points_<indicator> …, total, tier, missing; by customer_id. */
export function gradeOutputSql(o: { points: string; grade: string; standard: GradeStandard }): Sql {
	const ind = o.standard.indicators;
	const values = ind.map((x, i) => sql`round(p.${valueCol(i)}, 4) AS ${ident(x.name)}`);
	const points = ind.map(
		(x, i) => sql`round(p.${pointsCol(i)}, 2) AS ${ident('points_' + x.name)}`
	);
	return sql`SELECT p.customer_id, ${join([...values, ...points])}, g.total, g.tier, g.missing
		FROM ${ident(o.points)} p JOIN ${ident(o.grade)} g USING (customer_id) ORDER BY p.customer_id`;
}

/** Per tier (best first, then the ungraded as tier NULL): customers, share, revenue, its share, mean of each indicator m0 …. */
export function gradeTierSummarySql(o: {
	points: string;
	grade: string;
	standard: GradeStandard;
}): Sql {
	const means = o.standard.indicators.map((_, i) => sql`avg(p.${valueCol(i)}) AS ${raw(`m${i}`)}`);
	return sql`SELECT g.tier_rank, any_value(g.tier) AS tier, CAST(count(*) AS INTEGER) AS customers,
			count(*) / sum(count(*)) OVER () AS share, round(sum(p.revenue), 2) AS revenue,
			sum(p.revenue) / nullif(sum(sum(p.revenue)) OVER (), 0) AS revenue_share,
			CAST(count(*) FILTER (WHERE g.missing <> '') AS INTEGER) AS with_missing, ${join(means)}
		FROM ${ident(o.points)} p JOIN ${ident(o.grade)} g USING (customer_id)
		GROUP BY g.tier_rank ORDER BY g.tier_rank NULLS LAST`;
}

/** Customers per bin of the total (bin = 1/50 of the scale): x0, customers. */
export function gradeDistributionSql(o: { grade: string; standard: GradeStandard }): Sql {
	const bin = maxTotal(o.standard) / 50;
	return sql`SELECT floor(total / ${bin}) * ${bin} AS x0, CAST(count(*) AS INTEGER) AS customers
		FROM ${ident(o.grade)} WHERE total IS NOT NULL GROUP BY 1 ORDER BY 1`;
}

/** The weight moves the sensitivity check tries, in points. */
export const SENSITIVITY_STEP = 5;

/**
 * For each indicator and a move of its weight by −5 and +5 points (the others absorbing it in
 * proportion): customers who would change tier, and of them those who would move up. One row with
 * columns d{i}_{minus|plus}, u{i}_{minus|plus}. Weighted standards only.
 */
export function gradeSensitivitySql(o: {
	points: string;
	grade: string;
	standard: GradeStandard;
}): Sql {
	const s = o.standard;
	const w = s.indicators.map((i) => i.weight);
	const cols = s.indicators.flatMap((_, i) =>
		(['minus', 'plus'] as const).flatMap((dir) => {
			const rank = tierRankExpr(
				s,
				totalExpr(s, shiftWeights(w, i, dir === 'minus' ? -SENSITIVITY_STEP : SENSITIVITY_STEP))
			);
			return [
				sql`CAST(count(*) FILTER (WHERE ${rank} IS DISTINCT FROM g.tier_rank) AS INTEGER) AS ${raw(`d${i}_${dir}`)}`,
				sql`CAST(count(*) FILTER (WHERE ${rank} < g.tier_rank) AS INTEGER) AS ${raw(`u${i}_${dir}`)}`
			];
		})
	);
	return sql`SELECT ${join(cols)} FROM ${ident(o.points)} p JOIN ${ident(o.grade)} g USING (customer_id)`;
}
