import { ident, sql, type Sql } from './sql.ts';

/** Days past the 99.9th percentile of purchase dates after which a date looks like an error. */
export const STRAY_DAYS = 90;

/**
 * The default as-of date: the day after the last transaction, leaving out stray future-looking
 * dates (more than STRAY_DAYS after the 99.9th percentile of dates, e.g. a 2026 typo in 2025 data);
 * how many were left out and the latest of them are returned so the UI can say so.
 */
export function defaultAsOfSql(tx: string): Sql {
	return sql`WITH d AS (SELECT CAST(ts AS DATE) AS day FROM ${ident(tx)}),
		q AS (SELECT quantile_disc(day, 0.999) + ${STRAY_DAYS} AS cutoff FROM d)
		SELECT strftime(max(day) FILTER (WHERE day <= cutoff) + 1, '%Y-%m-%d') AS as_of,
			strftime(min(day), '%Y-%m-%d') AS first_day,
			CAST(count(*) FILTER (WHERE day > cutoff) AS INTEGER) AS stray,
			strftime(max(day), '%Y-%m-%d') AS last_day
		FROM d, q`;
}
