import type { DateFormat } from '../csv/dates.ts';
import type { EvaluateWindows } from '../evaluate/defaults.ts';
import { dateExpr, idExpr } from './parse.ts';
import { dateLit, ident, sql, type Sql } from './sql.ts';

/** The key column of surveyKeysSql: group, period (b|a) and side (c contacted, k control). */
export const EVAL_KEY = '__evkey';
/** Separates the parts of the key (a control character no group name holds). */
export const KEY_SEP = '\u001f';

/**
 * The survey answers of cohort customers given in the before [S−L, S) or after [S, S+L) period, as
 * a view over the survey's text table with one more column, EVAL_KEY — so the KPI view's answer
 * counts (npsCountsSql, csatCountsSql) group them by group × period × side.
 */
export function surveyKeysSql(o: { source: string; target: string; customer: string; date: string; dateFormat: DateFormat; cohort: string; windows: EvaluateWindows }): Sql {
	const w = o.windows;
	return sql`CREATE OR REPLACE VIEW ${ident(o.target)} AS
		SELECT s.*, concat(c."group", ${KEY_SEP}, CASE WHEN s.__d < ${dateLit(w.after.from)} THEN 'b' ELSE 'a' END, ${KEY_SEP},
				CASE WHEN c.control THEN 'k' ELSE 'c' END) AS ${ident(EVAL_KEY)}
		FROM (SELECT *, ${idExpr(o.customer)} AS __cid, CAST(${dateExpr(o.date, o.dateFormat)} AS DATE) AS __d FROM ${ident(o.source)}) s
		JOIN ${ident(o.cohort)} c ON c.customer_id = s.__cid
		WHERE s.__d >= ${dateLit(w.before.from)} AND s.__d < ${dateLit(w.after.to)}`;
}
