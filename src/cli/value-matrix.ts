import { ClienteleError } from '../core/errors.ts';
import { toCsv } from '../core/export/csv.ts';
import { R10_DOCS } from '../core/segments/rules.ts';
import { ident, sql } from '../core/sql/sql.ts';
import {
	numericColumnsSql,
	resolvePotentialColumn,
	VALUE_MATRIX_COLUMNS,
	valueMatrixSql,
	type CurrentMeasure,
	type PotentialColumn,
	type PotentialMeasure,
	type SplitRule
} from '../core/sql/value-matrix.ts';
import type { DbClient } from '../db/client.ts';
import { CLV_FULL_TABLE, CLV_TABLE, prepareClv, storeClv } from '../db/clv.ts';
import { TX_TABLE } from '../run/tables.ts';
import { NodeDbClient } from '../db/node.ts';
import { defaultAsOf, RFM_TABLE, runRfm } from '../db/rfm.ts';
import { runClv } from '../workers/clv-compute.ts';
import { optionalString, parseOptions } from './args.ts';
import { CLV_OPTIONS, CLV_OPTIONS_HELP, clvSettings, paramsJson, warnFit } from './clv.ts';
import { dateOption, loadTransactions, rolesFrom, TX_HELP, TX_OPTIONS } from './input.ts';
import { writeOutput } from './io.ts';

export const VALUE_MATRIX_HELP = `clientele value-matrix — current value × potential value quadrants

${TX_HELP}
  --cost COL          cost of the line (optional; needed for --current margin). Lines whose cost
                      cannot be read keep counting everywhere else but add no margin
  --current revenue|margin|rfm  current value: revenue in a window (default), margin in a window
                      (sum of amount − cost; needs --cost) or RFM score (R + F + M)
  --from YYYY-MM-DD   revenue / margin window start (inclusive; default: all)
  --to YYYY-MM-DD     … end (inclusive)
  --potential clv|alive-spend|COLUMN
                      potential value: predicted CLV (default), P(alive) × expected spend, or a
                      numeric per-customer column: of the CLV output (clv, p_alive,
                      expected_purchases, expected_avg_spend, monetary_value, frequency, recency, T …)
                      or of the RFM table (recency_days, frequency, monetary, r_score …); write
                      clv.frequency or rfm.frequency where both have it. Higher is always higher
                      (for recency_days, high = long since the last purchase)
  --split median|mean|X,Y       where high starts: medians (default), means, or typed current,potential values
  --calibration-end YYYY-MM-DD  fit the models up to this day (default: on all data); customers are
                      always scored as of the observation end
${CLV_OPTIONS_HELP}
  -h, --help          this help

Output columns: ${VALUE_MATRIX_COLUMNS.join(',')} (by customer id). A value at or above its split
counts as high. Quadrants: core (high current, high potential), potential (low current, high
potential), general (high current, low potential), low (both low).
`;

type Values = Record<string, string | boolean | undefined>;

export function splitOption(v: Values): SplitRule {
	const s = optionalString(v, 'split') ?? 'median';
	if (s === 'median' || s === 'mean') return { kind: s };
	const parts = s.split(',').map((p) => p.trim());
	const [cx, cy] = parts.map(Number);
	if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(cx) || !Number.isFinite(cy)) throw new ClienteleError('value.cli.badSplit', { value: s });
	return { kind: 'values', current: cx as number, potential: cy as number };
}

function choice<T extends string>(v: Values, name: string, allowed: readonly T[], list = allowed.join(', ')): T {
	const s = optionalString(v, name) ?? allowed[0];
	if (!allowed.includes(s as T)) throw new ClienteleError('value.cli.badChoice', { option: name, value: String(s), list });
	return s as T;
}

/** --current: margin is a choice only when a cost column is given. */
function currentKind(v: Values, cost: string | undefined): 'revenue' | 'margin' | 'rfm' {
	if (cost) return choice(v, 'current', ['revenue', 'margin', 'rfm'] as const);
	return choice(v, 'current', ['revenue', 'rfm'] as const, 'revenue, rfm (margin needs --cost COL)');
}

const MEASURES: readonly string[] = ['clv', 'alive-spend'];

/** Resolves a column name against the numeric columns of the CLV and RFM tables. */
async function potentialColumn(db: DbClient, name: string): Promise<PotentialColumn> {
	const available = (await db.query<PotentialColumn & Record<string, string>>(numericColumnsSql([CLV_TABLE, RFM_TABLE]))).rows.map((r) => ({ table: r.table_name as string, column: r.column_name as string }));
	const hit = resolvePotentialColumn(name, available);
	if ('column' in hit) return hit;
	if (hit.problem === 'ambiguous') throw new ClienteleError('value.cli.ambiguousColumn', { value: name, list: hit.tables.map((t) => `${t}.${name}`).join(', ') });
	throw new ClienteleError('value.cli.badChoice', { option: 'potential', value: name, list: [...MEASURES, ...available.map((c) => `${c.table}.${c.column}`)].join(', ') });
}

export async function valueMatrixCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...TX_OPTIONS, ...CLV_OPTIONS, cost: { type: 'string' }, current: { type: 'string' }, potential: { type: 'string' }, split: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
	if (v.help) return VALUE_MATRIX_HELP;
	const roles = { ...rolesFrom(v), cost: optionalString(v, 'cost') };
	const s = clvSettings(v, false);
	const kind = currentKind(v, roles.cost);
	const current: CurrentMeasure = kind === 'rfm' ? { kind } : { kind, from: dateOption(v, 'from'), to: dateOption(v, 'to') };
	// A measure, or the name of a per-customer column (resolved once the tables exist).
	const named = optionalString(v, 'potential') ?? 'clv';
	const split = splitOption(v);
	const db = await NodeDbClient.create();
	try {
		await loadTransactions(db, v, roles);
		const asOf = await defaultAsOf(db);
		if (!asOf) throw new ClienteleError('clv.noData');
		const end = s.observationEnd ?? asOf.lastDay;
		const prepared = await prepareClv(db, { tx: TX_TABLE, calibrationEnd: s.calibrationEnd ?? end, observationEnd: end, unit: s.unit, horizonMonths: s.horizonMonths, monthlyDiscountRate: s.monthlyDiscountRate, scoreAtEnd: true });
		const result = runClv(prepared.input);
		warnFit(result);
		if (!result.gammaGamma && named === 'clv') throw new ClienteleError('clv.warning.no-repeat-customers');
		await storeClv(db, { prep: CLV_FULL_TABLE, target: CLV_TABLE, scores: result.scores });
		const byColumn = !MEASURES.includes(named);
		if (kind === 'rfm' || byColumn) await runRfm(db, { asOf: asOf.asOf, frequency: roles.order ? 'orders' : 'days', set: R10_DOCS });
		const potential: PotentialMeasure = byColumn ? await potentialColumn(db, named) : (named as PotentialMeasure);
		await db.exec(valueMatrixSql({ tx: TX_TABLE, clv: CLV_TABLE, rfm: RFM_TABLE, target: 'value_matrix', current, potential, split }));
		const res = await db.query(sql`SELECT customer_id, round(current_value, 6) AS current_value, round(potential_value, 6) AS potential_value, quadrant FROM ${ident('value_matrix')} ORDER BY customer_id`);
		if (s.params) writeOutput(s.params, paramsJson(result));
		writeOutput(optionalString(v, 'out'), toCsv([...VALUE_MATRIX_COLUMNS], res.rows, { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
