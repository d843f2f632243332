import { idExpr } from './parse.ts';
import { ident, sql, type Sql } from './sql.ts';

/** Column of PERSONA_ANSWERS holding the persona group of the answering customer (NULL: in the base, in no group). */
export const PERSONA_GROUP_COL = '__persona_grp';

/**
 * The survey answers of the persona table's customers (the base), each with its customer's group in
 * PERSONA_GROUP_COL. Answers of people who are not customers of the base are left out; each answer
 * counts (a customer who answered twice counts twice, as in the KPIs).
 */
export function personaAnswersSql(o: { survey: string; customer: string; persona: string; target: string }): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT s.* EXCLUDE (__cid), p.__grp AS ${ident(PERSONA_GROUP_COL)}
		FROM (SELECT *, ${idExpr(o.customer)} AS __cid FROM ${ident(o.survey)}) s
		JOIN (SELECT customer_id AS __pcid, grp AS __grp FROM ${ident(o.persona)}) p ON p.__pcid = s.__cid`;
}
