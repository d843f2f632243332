import { ident, sql, type Sql } from './sql.ts';
import type { GroupSource } from './plan.ts';

/**
 * The plan evaluation's migration (core/evaluate/migration.ts): the groups recomputed at the after
 * period's last day (a basis's GroupSource, as service plans read it) against the cohort's own.
 */

/** The recomputed groups as `customer_id, label` in `target`. */
export function endGroupsSql(source: GroupSource, target: string): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(target)} AS SELECT customer_id, label FROM (${source.select}) g`;
}

/**
 * The matrix: cohort group × recomputed group, with the customers of each side; `none` names a
 * cohort customer the recomputation does not have (no line by then, an id not in the data).
 */
export function migrationMatrixSql(o: { cohort: string; end: string; none: string }): Sql {
	return sql`SELECT c."group" AS group_from, coalesce(e.label, ${o.none}) AS group_to, CAST(count(*) AS INTEGER) AS customers,
			CAST(count(*) FILTER (WHERE NOT c.control) AS INTEGER) AS contacted, CAST(count(*) FILTER (WHERE c.control) AS INTEGER) AS control
		FROM ${ident(o.cohort)} c LEFT JOIN ${ident(o.end)} e ON e.customer_id = c.customer_id
		GROUP BY ALL`;
}

/** The cohort's distinct groups, by name. */
export function cohortGroupsSql(cohort: string): Sql {
	return sql`SELECT DISTINCT "group" FROM ${ident(cohort)} ORDER BY "group"`;
}
