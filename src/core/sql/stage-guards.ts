/**
 * What the staging table is checked for beyond readable values ("never guess silently", issue 11):
 * ids whose NUL bytes were removed, ids in Excel's scientific notation (`1.23E+11`: the digits are
 * lost, so different customers may share one id), and amounts whose total is not a finite number
 * (every sum would print `inf`). The aggregates join stageChecksSql's one pass over the table; only
 * a non-finite total needs a second query, for the rows to name. Pure: builds Sql only.
 */
import { ident, join, lit, sql, type Sql } from './sql.ts';

/** The id roles guarded, with their staging column. */
export const ID_ROLES = [
	{ role: 'customer', value: 'customer_id' },
	{ role: 'order', value: 'order_id' }
] as const;
export type IdRole = (typeof ID_ROLES)[number]['role'];

/** An id as Excel writes a long number it has rounded: `1.23E+11`, `4.5e+15`, `7E+12`. */
export const SCIENTIFIC_ID = String.raw`[0-9](\.[0-9]+)?[eE]\+[0-9]{1,3}`;

/** The staging column that flags a raw id with a NUL byte (dropped when the table is promoted). */
export function nulFlagColumn(role: IdRole): string {
	return `z_${role}`;
}

/** The NUL flag of an id column, computed from its trimmed text `t` (before idOf removes the bytes). */
export function nulFlagSql(t: Sql, role: IdRole): Sql {
	return sql`contains(${t}, chr(0)) AS ${ident(nulFlagColumn(role))}`;
}

/** A cleaned id (idOf's output) in scientific notation. The expression runs only on ids with a '+'. */
export function scientificIdSql(id: Sql): Sql {
	return sql`(contains(${id}, '+') AND regexp_full_match(${id}, ${lit(SCIENTIFIC_ID)}))`;
}

/** A staged row every analysis keeps (deleteUnusableSql leaves it). */
const USABLE = sql`customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL`;

/**
 * stageChecksSql's extra aggregates: per guarded id role nul_<role>, nulrow_<role>, sci_<role>,
 * scids_<role>, scirow_<role>, scivalue_<role>; and amount_finite (the sum of the absolute amounts
 * of the usable rows is a finite number).
 */
export function guardAggregatesSql(roles: readonly IdRole[]): Sql {
	const ids = ID_ROLES.filter((r) => roles.includes(r.role)).map(({ role, value }) => {
		const z = ident(nulFlagColumn(role));
		const v = ident(value);
		const sci = scientificIdSql(v);
		const n = (p: string) => ident(`${p}_${role}`);
		return sql`count(*) FILTER (WHERE ${z}) AS ${n('nul')}, min(src_row) FILTER (WHERE ${z}) AS ${n('nulrow')},
			count(*) FILTER (WHERE ${sci}) AS ${n('sci')}, count(DISTINCT ${v}) FILTER (WHERE ${sci}) AS ${n('scids')},
			min(src_row) FILTER (WHERE ${sci}) AS ${n('scirow')}, arg_min(${v}, src_row) FILTER (WHERE ${sci}) AS ${n('scivalue')}`;
	});
	return join([...ids, sql`coalesce(isfinite(sum(abs(amount)) FILTER (WHERE ${USABLE})), TRUE) AS amount_finite`]);
}

/** Amounts this large are named when the total overflows (the overflow needs values near 1e299 or more). */
export const HUGE_AMOUNT = 1e15;

/** The usable rows with an amount of HUGE_AMOUNT or more (or not finite): how many, the first five rows by size, the largest. */
export function hugeAmountsSql(stage: string): Sql {
	const huge = sql`${USABLE} AND (NOT isfinite(amount) OR abs(amount) >= ${HUGE_AMOUNT})`;
	const s = ident(stage);
	return sql`SELECT (SELECT count(*) FROM ${s} WHERE ${huge}) AS count,
		(SELECT string_agg(CAST(src_row AS VARCHAR), ', ' ORDER BY src_row) FROM (SELECT src_row FROM ${s} WHERE ${huge} ORDER BY abs(amount) DESC, src_row LIMIT 5)) AS rows,
		(SELECT CAST(amount AS VARCHAR) FROM ${s} WHERE ${huge} ORDER BY abs(amount) DESC, src_row LIMIT 1) AS value`;
}
