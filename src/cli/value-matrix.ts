import { ClienteleError } from '../core/errors.ts';
import { createDb } from './engine.ts';
import { toCsv } from '../core/export/csv.ts';
import { moneyColumnsOf } from '../core/export/money.ts';
import { VALUE_MATRIX_COLUMNS, type CurrentMeasure, type SplitRule } from '../core/sql/value-matrix.ts';
import { DEFAULT_VALUE_MATRIX, runValueMatrixFromTransactions } from '../run/value-matrix.ts';
import { LANG_OPTION, langHelp, langOption, optionalString, parseOptions, requireOption } from './options.ts';
import { quadrantLabels, relabel } from './labels.ts';
import { cliDefaultAsOf, cliToday } from './as-of.ts';
import { CLV_OPTIONS, CLV_OPTIONS_HELP, clvSettings, fitAndWarn, paramsJson } from './clv.ts';
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
${langHelp('the quadrants: en core, potential, general, low; zh 核心价值客户 …')}
  -h, --help          this help

Output columns: ${VALUE_MATRIX_COLUMNS.join(',')} (by customer id). A value at or above its split
counts as high. Quadrants: core (high current, high potential), potential (low current, high
potential), general (high current, low potential), low (both low).
`;

type Values = Record<string, string | boolean | undefined>;

export function splitOption(v: Values): SplitRule {
	const s = optionalString(v, 'split') ?? DEFAULT_VALUE_MATRIX.split;
	if (s === 'median' || s === 'mean') return { kind: s };
	const parts = s.split(',').map((p) => p.trim());
	const [cx, cy] = parts.map(Number);
	if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(cx) || !Number.isFinite(cy)) throw new ClienteleError('value.cli.badSplit', { value: s });
	return { kind: 'values', current: cx as number, potential: cy as number };
}

function choice<T extends string>(v: Values, name: string, allowed: readonly T[], fallback: T, list = allowed.join(', ')): T {
	const s = optionalString(v, name) ?? fallback;
	if (!allowed.includes(s as T)) throw new ClienteleError('value.cli.badChoice', { option: name, value: String(s), list });
	return s as T;
}

/** --current: margin is a choice only when a cost column is given. */
function currentKind(v: Values, cost: string | undefined): 'revenue' | 'margin' | 'rfm' {
	if (cost) return choice(v, 'current', ['revenue', 'margin', 'rfm'] as const, DEFAULT_VALUE_MATRIX.current);
	return choice(v, 'current', ['revenue', 'rfm'] as const, DEFAULT_VALUE_MATRIX.current, 'revenue, rfm (margin needs --cost COL)');
}

/** The value-matrix model flags (also `plan --basis quadrant`'s). */
export const VALUE_MATRIX_OPTIONS = { ...CLV_OPTIONS, cost: { type: 'string' }, current: { type: 'string' }, potential: { type: 'string' }, split: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } as const;

/** The value matrix's settings from its flags, validated before anything is read. */
export function valueMatrixSettings(v: Values, rfmFrequency: 'orders' | 'days') {
	const cost = optionalString(v, 'cost');
	const s = clvSettings(v, false);
	const kind = currentKind(v, cost);
	const current: CurrentMeasure = kind === 'rfm' ? { kind } : { kind, from: dateOption(v, 'from'), to: dateOption(v, 'to') };
	// A measure, or the name of a per-customer column (resolved once the tables exist).
	const potential = optionalString(v, 'potential') ?? DEFAULT_VALUE_MATRIX.potential;
	const { calibrationEnd, observationEnd, unit, horizonMonths, monthlyDiscountRate } = s;
	return { cost, params: s.params, run: { calibrationEnd, observationEnd, unit, horizonMonths, monthlyDiscountRate, current, potential, split: splitOption(v), rfmFrequency } };
}

export async function valueMatrixCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, { ...TX_OPTIONS, ...VALUE_MATRIX_OPTIONS, ...LANG_OPTION });
	if (v.help) return VALUE_MATRIX_HELP;
	const roles = rolesFrom(v);
	const s = valueMatrixSettings(v, roles.order ? 'orders' : 'days');
	const labels = quadrantLabels(langOption(v));
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, { ...roles, cost: s.cost });
		await cliDefaultAsOf(db, requireOption(v, 'input'));
		const run = await runValueMatrixFromTransactions(db, { ...s.run, today: cliToday() }, fitAndWarn);
		if (s.params) writeOutput(s.params, paramsJson(run.fit));
		writeOutput(optionalString(v, 'out'), toCsv([...VALUE_MATRIX_COLUMNS], relabel(run.rows, 'quadrant', labels), { bom: false, money: moneyColumnsOf(VALUE_MATRIX_COLUMNS, s.run.current.kind === 'rfm' ? [] : ['current_value']) }));
		return null;
	} finally {
		await db.close();
	}
}
