import { ident, sql, type Sql } from './sql.ts';

/** Days past the 99.9th percentile of purchase dates after which a date looks like an error. */
export const STRAY_DAYS = 90;

/**
 * The default as-of date: the day after the last transaction, leaving out stray future-looking
 * dates (more than STRAY_DAYS after the 99.9th percentile of dates, e.g. a 2026 typo in 2025 data);
 * how many were left out and the latest of them are returned so the UI can say so.
 */
export function defaultAsOfSql(tx: string): Sql {
	// The percentile from purchases per day (a few thousand days, not millions of rows to sort): the
	// first day whose running count reaches ⌈0.999·n⌉, which is what quantile_disc(day, 0.999) gives.
	return sql`WITH g AS (SELECT CAST(ts AS DATE) AS day, count(*) AS k FROM ${ident(tx)} GROUP BY ALL),
		c AS (SELECT day, sum(k) OVER (ORDER BY day) AS cum, sum(k) OVER () AS n FROM g),
		q AS (SELECT min(day) + ${STRAY_DAYS} AS cutoff FROM c WHERE cum >= ceil(0.999 * n))
		SELECT strftime(max(day) FILTER (WHERE day <= cutoff) + 1, '%Y-%m-%d') AS as_of,
			strftime(min(day), '%Y-%m-%d') AS first_day,
			CAST(coalesce(sum(k) FILTER (WHERE day > cutoff), 0) AS INTEGER) AS stray,
			strftime(max(day), '%Y-%m-%d') AS last_day
		FROM g, q`;
}
